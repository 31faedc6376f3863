"""The partnership's own lists for the records around the pathway (no statutory return has them)."""

from django.db import models


class InterviewOutcome(models.TextChoices):
    HELD = "held", "Held"
    DECLINED = "declined", "Offered, and the child declined"
    NOT_HELD = "not_held", "Not held"


class Band(models.TextChoices):
    """Exploitation risk, lowest first: the order is what the rules compare."""

    NONE = "none", "No current risk"
    LOW = "low", "Low"
    MEDIUM = "medium", "Medium"
    HIGH = "high", "High"

    @classmethod
    def rank(cls, band: str) -> int:
        return cls.values.index(band)

    @classmethod
    def higher(cls, first: str, second: str) -> str:
        return first if cls.rank(first) >= cls.rank(second) else second


class ExploitationArea(models.TextChoices):
    SEXUAL = "sexual", "Child sexual exploitation"
    CRIMINAL = "criminal", "Child criminal exploitation"
    COUNTY_LINES = "county_lines", "County lines"
    ANY = "any", "Any form of exploitation"


class OverrideKind(models.TextChoices):
    UNDER_AGE = "under_age", "A child under a given age is never graded low"
    INDICATOR = "indicator", "An indicator means at least a given band"


class CatalogueStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


class EarlyHelpRoute(models.TextChoices):
    REQUEST = "request", "A request for early help from an agency or the family"
    MASH = "mash", "A MASH decision of early help"
    STEP_DOWN = "step_down", "A step-down from children's social care"


class EarlyHelpOutcome(models.TextChoices):
    NEEDS_MET = "needs_met", "Needs met: support continues from universal services"
    STEPPED_UP = "stepped_up", "Stepped up to children's social care"
    DECLINED = "declined", "The family declined or withdrew their consent"
    MOVED = "moved", "The family moved out of the area"
    NO_PROGRESS = "no_progress", "Closed without the needs being met"
    OTHER = "other", "Other"


class HomeEducationReason(models.TextChoices):
    PHILOSOPHY = "philosophy", "Philosophical or lifestyle choice"
    DISSATISFIED = "dissatisfied", "Dissatisfied with the school"
    SEN = "sen", "Special educational needs not met at school"
    BULLYING = "bullying", "Bullying"
    HEALTH = "health", "Physical or mental health"
    BELIEF = "belief", "Religious or cultural beliefs"
    EXCLUSION = "exclusion", "To avoid exclusion"
    SCHOOL_PLACE = "school_place", "Did not get a place at the preferred school"
    OTHER = "other", "Another reason"
    NOT_GIVEN = "not_given", "No reason given"


class HomeEducationEnd(models.TextChoices):
    SCHOOL = "school", "Started or went back to school"
    MOVED = "moved", "Moved out of the area"
    SCHOOL_AGE = "school_age", "Reached the end of compulsory school age"
    ATTENDANCE_ORDER = "attendance_order", "School attendance order"
    OTHER = "other", "Other"


class ContactKind(models.TextChoices):
    HOME_VISIT = "home_visit", "Visit at home"
    MEETING = "meeting", "Meeting somewhere else"
    WORK_SEEN = "work_seen", "Report or samples of work received"
    CALL = "call", "Phone or video call"
    SOCIAL_CARE = "social_care", "Talked with the child's social worker"


class NeglectGrade(models.IntegerChoices):
    """The Graded Care Profile 2 scale: only the number is stored, never the tool's wording."""

    ONE = 1, "1 (best)"
    TWO = 2, "2"
    THREE = 3, "3"
    FOUR = 4, "4"
    FIVE = 5, "5 (worst)"

"""Codes for the front door: the CIN census referral codes and the partnership's own lists.

The CIN codes are checked against shared/data/schemas/cin by tests/frontdoor/test_cin_codes.py.
"""

from django.db import models


class ReferralSource(models.TextChoices):
    FAMILY = "1A", "Individual: family member, relative or carer"
    ACQUAINTANCE = "1B", "Individual: acquaintance"
    SELF = "1C", "Individual: self"
    INDIVIDUAL_OTHER = "1D", "Individual: other"
    SCHOOLS = "2A", "Schools"
    EDUCATION_SERVICES = "2B", "Education services"
    GP = "3A", "Health services: GP"
    HEALTH_VISITOR = "3B", "Health services: health visitor"
    SCHOOL_NURSE = "3C", "Health services: school nurse"
    PRIMARY_HEALTH_OTHER = "3D", "Health services: other primary health services"
    EMERGENCY_DEPARTMENT = "3E", "Health services: A&E"
    HEALTH_OTHER = "3F", "Health services: other"
    HOUSING = "4", "Housing"
    LA_SOCIAL_CARE = "5A", "LA services: social care"
    LA_OTHER_INTERNAL = "5B", "LA services: other internal"
    LA_EXTERNAL = "5C", "LA services: external"
    LA_EARLY_HELP = "5D", "LA services: early help"
    POLICE = "6", "Police"
    OTHER_LEGAL = "7", "Other legal agency"
    OTHER = "8", "Other"
    ANONYMOUS = "9", "Anonymous"
    UNKNOWN = "10", "Unknown"


class PrimaryNeed(models.TextChoices):
    ABUSE_OR_NEGLECT = "N1", "Abuse or neglect"
    CHILDS_DISABILITY = "N2", "Child's disability"
    PARENTAL_DISABILITY = "N3", "Parental disability or illness"
    ACUTE_STRESS = "N4", "Family in acute stress"
    FAMILY_DYSFUNCTION = "N5", "Family dysfunction"
    SOCIALLY_UNACCEPTABLE = "N6", "Socially unacceptable behaviour"
    LOW_INCOME = "N7", "Low income"
    ABSENT_PARENTING = "N8", "Absent parenting"
    NOT_IN_NEED = "N9", "Cases other than children in need"
    NOT_STATED = "N0", "Not stated"


class Concern(models.TextChoices):
    NEGLECT = "neglect", "Neglect"
    PHYSICAL = "physical", "Physical abuse"
    EMOTIONAL = "emotional", "Emotional abuse"
    SEXUAL = "sexual", "Sexual abuse"
    CSE = "cse", "Child sexual exploitation"
    CCE = "cce", "Child criminal exploitation"
    MISSING = "missing", "Missing"
    DOMESTIC_ABUSE = "domestic_abuse", "Domestic abuse"
    FGM = "fgm", "Female genital mutilation (FGM)"
    RADICALISATION = "radicalisation", "Radicalisation"
    ONLINE_HARM = "online_harm", "Online harm"
    OTHER = "other", "Other"


class Channel(models.TextChoices):
    ONLINE = "online", "Online referral form"
    PHONE = "phone", "Phone"
    EMAIL = "email", "Email"
    STEP_UP = "step_up", "Step-up from early help"


class Rag(models.TextChoices):
    RED = "red", "Red"
    AMBER = "amber", "Amber"
    GREEN = "green", "Green"


class EarlyHelpOffered(models.TextChoices):
    YES = "yes", "Yes"
    NO = "no", "No"
    NOT_APPROPRIATE = "not_appropriate", "No, it would not be safe or appropriate"


class LawfulBasis(models.TextChoices):
    CONSENT = "consent", "The family knows and agrees to this referral"
    RISK = "risk", "Consent not sought: asking could put the child at risk"
    KNOWN_NO_CONSENT = (
        "known_no_consent",
        "The family knows but does not agree; sharing is needed to keep the child safe",
    )
    OTHER = "other", "Another lawful reason (explain below)"


class Outcome(models.TextChoices):
    NO_FURTHER_ACTION = "nfa", "No further action"
    INFORMATION_AND_ADVICE = "advice", "Information and advice"
    EARLY_HELP = "early_help", "Early help"
    ASSESSMENT = "assessment", "Child in need assessment"
    STRATEGY_DISCUSSION = "strategy", "Strategy discussion: possible significant harm"
    ALREADY_OPEN = "already_open", "Already open: pass to the allocated worker"

    @classmethod
    def to_social_care(cls) -> set[str]:
        """Outcomes that make the contact a referral to children's social care."""
        return {cls.ASSESSMENT, cls.STRATEGY_DISCUSSION, cls.ALREADY_OPEN}

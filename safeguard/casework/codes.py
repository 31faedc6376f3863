"""Codes for the child protection pathway.

CategoryOfAbuse and AssessmentFactor are the CIN census lists, checked against the XSDs in
shared/data/schemas/cin by tests/casework/test_casework_cin_codes.py.
"""

from django.db import models


class CategoryOfAbuse(models.TextChoices):
    NEGLECT = "NEG", "Neglect"
    PHYSICAL = "PHY", "Physical abuse"
    EMOTIONAL = "EMO", "Emotional abuse"
    SEXUAL = "SAB", "Sexual abuse"
    MULTIPLE = "MUL", "Multiple"


class AssessmentFactor(models.TextChoices):
    ALCOHOL_CHILD = "1A", "Alcohol misuse: the child"
    ALCOHOL_PARENT = "1B", "Alcohol misuse: parent or carer"
    ALCOHOL_HOUSEHOLD = "1C", "Alcohol misuse: another person in the household"
    DRUGS_CHILD = "2A", "Drug misuse: the child"
    DRUGS_PARENT = "2B", "Drug misuse: parent or carer"
    DRUGS_HOUSEHOLD = "2C", "Drug misuse: another person in the household"
    DOMESTIC_CHILD = "3A", "Domestic violence: the child is the subject"
    DOMESTIC_PARENT = "3B", "Domestic violence: parent or carer is the subject"
    DOMESTIC_HOUSEHOLD = "3C", "Domestic violence: another person in the household is the subject"
    MENTAL_HEALTH_CHILD = "4A", "Mental health: the child"
    MENTAL_HEALTH_PARENT = "4B", "Mental health: parent or carer"
    MENTAL_HEALTH_HOUSEHOLD = "4C", "Mental health: another person in the family or household"
    LEARNING_DISABILITY_CHILD = "5A", "Learning disability: the child"
    LEARNING_DISABILITY_PARENT = "5B", "Learning disability: parent or carer"
    LEARNING_DISABILITY_HOUSEHOLD = "5C", "Learning disability: another person in the household"
    PHYSICAL_DISABILITY_CHILD = "6A", "Physical disability or illness: the child"
    PHYSICAL_DISABILITY_PARENT = "6B", "Physical disability or illness: parent or carer"
    PHYSICAL_DISABILITY_HOUSEHOLD = "6C", "Physical disability or illness: another person"
    YOUNG_CARER = "7A", "Young carer"
    PRIVATE_FOSTERING_RETURN = "8B", "Privately fostered: overseas child who intends to return"
    PRIVATE_FOSTERING_STAY = "8C", "Privately fostered: overseas child who intends to stay"
    PRIVATE_FOSTERING_EDUCATION = "8D", "Privately fostered: UK child in an educational placement"
    PRIVATE_FOSTERING_FAMILY = "8E", "Privately fostered: UK child, alternative family arrangement"
    PRIVATE_FOSTERING_OTHER = "8F", "Privately fostered: other"
    UASC = "9A", "Unaccompanied asylum-seeking child"
    MISSING = "10A", "Going or being missing"
    CSE = "11A", "Child sexual exploitation"
    TRAFFICKING = "12A", "Trafficking"
    GANGS = "13A", "Gangs"
    SOCIALLY_UNACCEPTABLE = "14A", "Socially unacceptable behaviour"
    SELF_HARM = "15A", "Self-harm"
    NEGLECT = "16A", "Abuse or neglect: neglect"
    EMOTIONAL = "17A", "Abuse or neglect: emotional abuse"
    PHYSICAL_CHILD_ON_CHILD = "18B", "Abuse or neglect: physical abuse, child on child"
    PHYSICAL_ADULT_ON_CHILD = "18C", "Abuse or neglect: physical abuse, adult on child"
    SEXUAL_CHILD_ON_CHILD = "19B", "Abuse or neglect: sexual abuse, child on child"
    SEXUAL_ADULT_ON_CHILD = "19C", "Abuse or neglect: sexual abuse, adult on child"
    OTHER = "20", "Other"
    NO_FACTORS = "21", "No factors identified"
    FGM = "22A", "Female genital mutilation"
    FAITH = "23A", "Abuse linked to faith or belief"
    CCE = "24A", "Child criminal exploitation"


class AssessmentOutcome(models.TextChoices):
    NO_FURTHER_ACTION = "nfa", "No further action"
    EARLY_HELP = "early_help", "Step down to early help"
    CHILD_IN_NEED_PLAN = "cin_plan", "Child in need plan"
    STRATEGY_DISCUSSION = "strategy", "Strategy discussion"
    LOOKED_AFTER = "looked_after", "Looked after"


class Attendee(models.TextChoices):
    """Who took part, by agency: strategy discussions and conferences need the first three."""

    LOCAL_AUTHORITY = "la", "Local authority children's social care"
    POLICE = "police", "Police"
    HEALTH = "health", "Health"
    EDUCATION = "education", "Education"
    REFERRER = "referrer", "The referrer"
    PROBATION = "probation", "Probation"
    OTHER = "other", "Other agency"

    @classmethod
    def statutory(cls) -> set[str]:
        return {cls.LOCAL_AUTHORITY, cls.POLICE, cls.HEALTH}


class StrategyDecision(models.TextChoices):
    SINGLE_AGENCY_S47 = "s47_single", "Section 47 enquiry: single agency (children's social care)"
    JOINT_S47 = "s47_joint", "Section 47 enquiry: joint with the police"
    NO_S47 = "no_s47", "No section 47 enquiry"


class EnquiryOutcome(models.TextChoices):
    CONFERENCE = "conference", "Concerns substantiated: initial conference needed"
    NO_CONFERENCE = "no_conference", "Concerns substantiated: no conference needed"
    NOT_SUBSTANTIATED = "not_substantiated", "Concerns not substantiated"


class ConferenceOutcome(models.TextChoices):
    PLAN = "plan", "Child protection plan"
    NO_PLAN = "no_plan", "No child protection plan"


class ReviewDecision(models.TextChoices):
    CONTINUE = "continue", "Continue the plan"
    END = "end", "End the plan"


class PlanEndReason(models.TextChoices):
    NO_LONGER_AT_RISK = "safe", "No longer at risk of significant harm"
    LOOKED_AFTER = "looked_after", "Became looked after"
    MOVED_AWAY = "moved", "Moved to another local authority"
    TURNED_18 = "adult", "Reached 18"
    DIED = "died", "Died"
    OTHER = "other", "Other"


class IcpcAnchor(models.TextChoices):
    LAST_STRATEGY_DISCUSSION = "last", "The last strategy discussion"
    S47_STRATEGY_DISCUSSION = "s47", "The strategy discussion at which the enquiry began"

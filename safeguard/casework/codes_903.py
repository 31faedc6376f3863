"""The SSDA903 codes a child looked after's episodes, reviews and missing episodes carry.

Each list is the newest return's (2023-24), checked year by year against the YAML schemas in
shared/data/schemas/ssda903 by tests/casework/test_around_903_codes.py, which spells out where
earlier years differ.
"""

from django.db import models


class ReasonNewEpisode(models.TextChoices):
    """RNE: why a new episode of care began."""

    STARTED = "S", "Started to be looked after"
    LEGAL_STATUS = "L", "Change of legal status only"
    PLACEMENT_AND_CARER = "P", "Change of placement and carer(s) only"
    BOTH_AND_CARER = "T", "Change of both legal status and placement and carer(s) at the same time"
    PLACEMENT_SAME_CARER = "B", "Change of placement (but same carer(s)) only"
    BOTH_SAME_CARER = "U", "Change of both legal status and placement (but same carer(s))"

    @classmethod
    def changes(cls) -> list[tuple[str, str]]:
        """The reasons a new episode follows on from another in the same period of care."""
        return [(c.value, c.label) for c in cls if c != cls.STARTED]

    @classmethod
    def new_placement(cls) -> set[str]:
        """Reasons that begin a new placement (everything but a change of legal status only)."""
        return {c.value for c in cls if c != cls.LEGAL_STATUS}

    @classmethod
    def new_legal_status(cls) -> set[str]:
        return {cls.LEGAL_STATUS, cls.BOTH_AND_CARER, cls.BOTH_SAME_CARER}


class LegalStatus(models.TextChoices):
    """LS."""

    INTERIM_CARE_ORDER = "C1", "Interim care order"
    FULL_CARE_ORDER = "C2", "Full care order"
    FREEING_ORDER = "D1", "Freeing order granted"
    PLACEMENT_ORDER = "E1", "Placement order granted"
    SECTION_20 = "V2", "Single period of accommodation under section 20 (Children Act 1989)"
    SHORT_BREAKS_EPISODES = (
        "V3",
        "Accommodated in an agreed series of short-term breaks, when individual episodes of care "
        "are recorded",
    )
    SHORT_BREAKS_AGREEMENTS = (
        "V4",
        "Accommodated in an agreed series of short-term breaks, when agreements are recorded",
    )
    POLICE_PROTECTION = "L1", "Under police protection and in local authority accommodation"
    EMERGENCY_PROTECTION = "L2", "Emergency protection order (EPO)"
    CHILD_ASSESSMENT_ORDER = (
        "L3",
        "Under a child assessment order and in local authority accommodation",
    )
    REMANDED = "J1", "Remanded to local authority accommodation or youth detention accommodation"
    PACE = (
        "J2",
        "Placed in local authority accommodation under the Police and Criminal Evidence Act 1984",
    )
    SENTENCED = (
        "J3",
        "Sentenced to a youth rehabilitation order with a residence or intensive fostering "
        "requirement",
    )


class CategoryOfNeed(models.TextChoices):
    """CIN: the main reason the child is looked after."""

    ABUSE_OR_NEGLECT = "N1", "Abuse or neglect"
    CHILDS_DISABILITY = "N2", "Child's disability"
    PARENTAL_ILLNESS = "N3", "Parental illness or disability"
    ACUTE_STRESS = "N4", "Family in acute stress"
    FAMILY_DYSFUNCTION = "N5", "Family dysfunction"
    SOCIALLY_UNACCEPTABLE = "N6", "Socially unacceptable behaviour"
    LOW_INCOME = "N7", "Low income"
    ABSENT_PARENTING = "N8", "Absent parenting"


class PlacementType(models.TextChoices):
    """PLACE."""

    ADOPTION_CONSENT_CURRENT_CARER = (
        "A3",
        "Placed for adoption with parental consent with current foster carer(s)",
    )
    ADOPTION_CONSENT_OTHER = (
        "A4",
        "Placed for adoption with parental consent not with current foster carer(s)",
    )
    ADOPTION_ORDER_CURRENT_CARER = (
        "A5",
        "Placed for adoption with a placement order with current foster carer(s)",
    )
    ADOPTION_ORDER_OTHER = (
        "A6",
        "Placed for adoption with a placement order not with current foster carer(s)",
    )
    SEMI_INDEPENDENT = "H5", "Semi-independent or supported accommodation, not a children's home"
    SECURE_HOME = "K1", "Secure children's home"
    CHILDRENS_HOME = "K2", "Children's home subject to the Children's Homes Regulations"
    WITH_PARENTS = "P1", "Placed with own parent(s) or other person(s) with parental responsibility"
    INDEPENDENT_LIVING = "P2", "Independent living (a flat, lodgings, bedsit, B&B or with friends)"
    RESIDENTIAL_EMPLOYMENT = "P3", "Residential employment"
    RESIDENTIAL_CARE_HOME = "R1", "Residential care home"
    NHS_MEDICAL = "R2", "NHS or health trust establishment providing medical or nursing care"
    FAMILY_CENTRE = "R3", "Family centre or mother and baby unit"
    YOUNG_OFFENDER_INSTITUTION = "R5", "Young offender institution (YOI)"
    RESIDENTIAL_SCHOOL = "S1", "Residential school, except one also registered as a children's home"
    TEMPORARY = "T0", "Temporary placement: all types of temporary move"
    TEMPORARY_HOSPITAL = "T1", "Temporary period in hospital"
    TEMPORARY_HOLIDAY = "T2", "Temporary absence of the child on holiday"
    TEMPORARY_CARER_HOLIDAY = "T3", "Temporary accommodation while the foster carer is on holiday"
    TEMPORARY_SHORT = "T4", "Temporary accommodation of seven days or less, for any other reason"
    KINSHIP_LONG_TERM = "U1", "Foster placement with relative(s) or friend(s): long-term fostering"
    KINSHIP_FOSTERING_FOR_ADOPTION = (
        "U2",
        "Foster placement with relative(s) or friend(s) who are also approved adopters",
    )
    KINSHIP_OTHER = "U3", "Foster placement with relative(s) or friend(s): not long-term"
    FOSTER_LONG_TERM = "U4", "Foster placement with other foster carer(s): long-term fostering"
    FOSTERING_FOR_ADOPTION = (
        "U5",
        "Foster placement with other foster carer(s) who are also approved adopters",
    )
    FOSTER_OTHER = "U6", "Foster placement with other foster carer(s): not long-term"
    OTHER = "Z1", "Other placement"

    @classmethod
    def long_term(cls) -> set[str]:
        """Placements intended to last until 18: the two the return codes as long-term fostering.

        After a year in one of these, visits may be three months apart rather than six weeks.
        """
        return {cls.KINSHIP_LONG_TERM, cls.FOSTER_LONG_TERM}


class PlacementProvider(models.TextChoices):
    """PLACE_PROVIDER."""

    PARENTS = "PR0", "Parent(s) or other person(s) with parental responsibility"
    OWN_PROVISION = "PR1", "Own provision (by the local authority)"
    OTHER_LA = "PR2", "Another local authority's provision"
    OTHER_PUBLIC = "PR3", "Other public provision (for example the NHS)"
    PRIVATE = "PR4", "Private provision"
    VOLUNTARY = "PR5", "Voluntary or third sector provision"


class ReasonEpisodeCeased(models.TextChoices):
    """REC."""

    NEW_EPISODE = "X1", "Episode ceases and a new episode begins on the same day"
    ADOPTED_UNOPPOSED = "E11", "Adopted: application for an adoption order unopposed"
    ADOPTED_CONSENT_DISPENSED = "E12", "Adopted: consent dispensed with by the court"
    DIED = "E2", "Died"
    OTHER_LA = "E3", "Care taken over by another local authority in the UK"
    HOME_PLANNED = (
        "E4A",
        "Returned home to parent(s) or others with parental responsibility, as planned",
    )
    HOME_UNPLANNED = (
        "E4B",
        "Returned home to parent(s) or others with parental responsibility, not as planned",
    )
    WITHOUT_PARENTAL_RESPONSIBILITY = (
        "E13",
        "Left care to live with parent(s), relative(s) or others with no parental responsibility",
    )
    CHILD_ARRANGEMENTS = "E41", "Residence order or child arrangements order granted"
    SGO_FOSTER_KINSHIP = (
        "E45",
        "Special guardianship order to former foster carer(s) who are relatives or friends",
    )
    SGO_FOSTER_OTHER = (
        "E46",
        "Special guardianship order to former foster carer(s) who are not relatives or friends",
    )
    SGO_KINSHIP = (
        "E47",
        "Special guardianship order to other carer(s) who are relatives or friends",
    )
    SGO_OTHER = (
        "E48",
        "Special guardianship order to other carer(s) who are not relatives or friends",
    )
    SUPPORTED_LIVING = "E5", "Moved into independent living with formal advice or support"
    INDEPENDENT_LIVING = "E6", "Moved into independent living without formal advice or support"
    ADULT_SOCIAL_CARE = "E7", "Transferred to residential care funded by adult social care"
    CUSTODY = "E9", "Sentenced to custody"
    REMAND_ENDED = "E14", "Accommodation on remand ended"
    AGE_ASSESSED_ADULT = "E15", "Age assessment found the child to be 18 or over"
    MOVED_ABROAD = "E16", "Child moved abroad"
    STAYING_PUT = "E17", "Aged 18 or over and stayed with current carers (staying put)"
    OTHER = "E8", "Stopped being looked after for any other reason"

    @classmethod
    def leaving_care(cls) -> list[tuple[str, str]]:
        """Reasons that end a period of care (every reason but a new episode the same day)."""
        return [(c.value, c.label) for c in cls if c != cls.NEW_EPISODE]


class ReasonPlaceChange(models.TextChoices):
    """REASON_PLACE_CHANGE: recorded on the episode that ends with a change of placement."""

    CARE_PLAN = "CARPL", "Change to, or carrying out, the care plan"
    CLOSURE = "CLOSE", "Resignation or closure of the provision"
    ALLEGATION = "ALLEG", "Allegation (section 47)"
    STANDARDS = "STAND", "Concern about standards of care"
    APPROVAL_REMOVED = "APPRR", "Carer's approval removed"
    CARER_BEHAVIOUR = (
        "CREQB",
        "Carer asked for the placement to end because of the child's behaviour",
    )
    CARER_OTHER = "CREQO", "Carer asked for the placement to end for another reason"
    CHILD = "CHILD", "Child asked for the placement to end"
    AUTHORITY = "LAREQ", "The responsible or area authority asked for the placement to end"
    STATUS_ONLY = "PLACE", "Change in the status of the placement only"
    CUSTODY = "CUSTOD", "Custody arrangement"
    OTHER = "OTHER", "Other"


class ReviewParticipation(models.TextChoices):
    """REVIEW_CODE: how the child took part in their review."""

    UNDER_4 = "PN0", "Child aged under 4 at the time of the review"
    SPOKE = "PN1", "Attended and spoke for themselves"
    ADVOCATE_ATTENDED = "PN2", "Attended, and an advocate spoke for them"
    SYMBOLIC = "PN3", "Attended and conveyed their views symbolically (non-verbally)"
    ATTENDED_SILENT = "PN4", "Attended but did not convey their views"
    ADVOCATE_ABSENT = "PN5", "Did not attend, but briefed an advocate to speak for them"
    FACILITATIVE = "PN6", "Did not attend, but conveyed their views by a facilitative medium"
    NO_VIEWS = "PN7", "Did not attend, and their views were not conveyed"


class MissingKind(models.TextChoices):
    """MISSING: the return counts both; away without authorisation is for looked-after children."""

    MISSING = "M", "Missing"
    AWAY = "A", "Away from placement without authorisation"

"""The CIN census code lists of each year, keyed by the schema's simple type names.

Our code lists (people, frontdoor, casework) are the current census's; the census changed a few
lists over the years, and those changes are spelt out here. tests/returns/test_cin_xml_codes.py
checks every year against that year's schema in shared/data/schemas/cin, so the XSDs need not
ship with the system.
"""

from functools import cache

from safeguard.casework.codes import AssessmentFactor, CategoryOfAbuse
from safeguard.frontdoor.codes import PrimaryNeed, ReferralSource
from safeguard.frontdoor.models import ReasonForClosure
from safeguard.people.codes import Disability, Ethnicity, Gender, UpnUnknown
from safeguard.returns.cin_xml.years import CensusYear

CURRENT: dict[str, frozenset[str]] = {
    "gendertype": frozenset(Gender.values),
    "ethnicitytype": frozenset(Ethnicity.values),
    "disabilitytype": frozenset(Disability.values),
    "unknownupntype": frozenset(UpnUnknown.values),
    "referralsourcetype": frozenset(ReferralSource.values),
    "primaryneedcodetype": frozenset(PrimaryNeed.values),
    "reasonforclosuretype": frozenset(ReasonForClosure.values),
    "assessmentfactorstype": frozenset(AssessmentFactor.values),
    "categoryofabuse": frozenset(CategoryOfAbuse.values),
}

# (census end year, list, codes it added, codes it withdrew), newest first: a year before a
# change has the list as it was before it.
CHANGES: list[tuple[int, str, set[str], set[str]]] = [
    (2023, "referralsourcetype", {"5D"}, set()),
    (2023, "reasonforclosuretype", {"RC9"}, set()),
    (2022, "assessmentfactorstype", {"24A"}, set()),
    # Physical and sexual abuse were split into child on child and adult on child.
    (2021, "assessmentfactorstype", {"18B", "18C", "19B", "19C"}, {"18A", "19A"}),
]

# How the lists are named to a person reading an error.
LABELS = {
    "gendertype": "gender",
    "ethnicitytype": "ethnicity",
    "disabilitytype": "disability",
    "unknownupntype": "UPN unknown reason",
    "referralsourcetype": "referral source",
    "primaryneedcodetype": "primary need",
    "reasonforclosuretype": "reason for closure",
    "assessmentfactorstype": "assessment factor",
    "categoryofabuse": "category of abuse",
}


@cache
def census_codes(year: CensusYear) -> dict[str, frozenset[str]]:
    """Each code list as the census of that year has it."""
    lists = {name: set(codes) for name, codes in CURRENT.items()}
    for changed_in, name, added, withdrawn in CHANGES:
        if year.end < changed_in:
            lists[name] = (lists[name] - added) | withdrawn
    return {name: frozenset(codes) for name, codes in lists.items()}


# How a census before a change counted what a newer code records, for writing an earlier year's
# return from a dataset in today's codes: (list, code) -> (first census with the code, the code
# used before it).
EARLIER: dict[tuple[str, str], tuple[int, str]] = {
    ("assessmentfactorstype", "18B"): (2021, "18A"),
    ("assessmentfactorstype", "18C"): (2021, "18A"),
    ("assessmentfactorstype", "19B"): (2021, "19A"),
    ("assessmentfactorstype", "19C"): (2021, "19A"),
    # Child criminal exploitation had no factor of its own: it was "other".
    ("assessmentfactorstype", "24A"): (2022, "20"),
    # Early help from the council's own services was one of its "other internal" services.
    ("referralsourcetype", "5D"): (2023, "5B"),
    # A case closed after assessment was closed with no further action, whatever followed.
    ("reasonforclosuretype", "RC9"): (2023, "RC8"),
}


def as_in_year(code_list: str, code: str, year: CensusYear) -> str:
    """The code the census of that year used for what `code` records today."""
    earlier = EARLIER.get((code_list, code))
    if earlier and year.end < earlier[0]:
        return earlier[1]
    return code

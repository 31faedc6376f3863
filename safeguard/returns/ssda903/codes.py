"""The SSDA903 code lists of each year, for the columns the journey dataset keeps.

Our lists (safeguard.casework.codes_903, and the child's ethnicity in safeguard.people.codes) are
the newest return's; the few changes over the years are spelt out here, and
tests/returns/test_ssda903_spec.py checks every year against shared/data/schemas/ssda903.
"""

from functools import cache

from safeguard.casework.codes_903 import (
    CategoryOfNeed,
    LegalStatus,
    MissingKind,
    PlacementProvider,
    PlacementType,
    ReasonEpisodeCeased,
    ReasonNewEpisode,
    ReasonPlaceChange,
    ReviewParticipation,
)
from safeguard.people.codes import Ethnicity
from safeguard.returns.cin_xml.years import CensusYear
from safeguard.returns.ssda903.years import FIRST_YEAR, LAST_YEAR

MALE, FEMALE = "1", "2"

CURRENT: dict[str, frozenset[str]] = {
    "SEX": frozenset([MALE, FEMALE]),
    "ETHNIC": frozenset(Ethnicity.values),
    "RNE": frozenset(ReasonNewEpisode.values),
    "LS": frozenset(LegalStatus.values),
    "CIN": frozenset(CategoryOfNeed.values),
    "PLACE": frozenset(PlacementType.values),
    "PLACE_PROVIDER": frozenset(PlacementProvider.values),
    "REC": frozenset(ReasonEpisodeCeased.values),
    "REASON_PLACE_CHANGE": frozenset(ReasonPlaceChange.values),
    "REVIEW_CODE": frozenset(ReviewParticipation.values),
    "MISSING": frozenset(MissingKind.values),
}

# (first return with the change, column, codes it added, codes it withdrew), newest first.
CHANGES: list[tuple[int, str, set[str], set[str]]] = [
    # Special guardianship orders were split by whether the carers are relatives or friends.
    (2019, "REC", {"E45", "E46", "E47", "E48"}, {"E43", "E44"}),
    (2019, "REASON_PLACE_CHANGE", {"CUSTOD"}, set()),
]

# How a person reading an error knows each list.
LABELS = {
    "SEX": "sex",
    "ETHNIC": "ethnicity",
    "RNE": "reason for new episode",
    "LS": "legal status",
    "CIN": "category of need",
    "PLACE": "placement type",
    "PLACE_PROVIDER": "placement provider",
    "REC": "reason episode ceased",
    "REASON_PLACE_CHANGE": "reason for placement change",
    "REVIEW_CODE": "participation in review",
    "MISSING": "missing or away",
}


@cache
def return_codes(year: CensusYear | None) -> dict[str, frozenset[str]]:
    """Each list as the year's return has it; with no year, every code any year's return had."""
    if year is None:
        every = {name: set(codes) for name, codes in CURRENT.items()}
        for end in range(FIRST_YEAR, LAST_YEAR + 1):
            for name, codes in return_codes(CensusYear(end)).items():
                every[name] |= codes
        return {name: frozenset(codes) for name, codes in every.items()}
    lists = {name: set(codes) for name, codes in CURRENT.items()}
    for changed_in, name, added, withdrawn in CHANGES:
        if year.end < changed_in:
            lists[name] = (lists[name] - added) | withdrawn
    return {name: frozenset(codes) for name, codes in lists.items()}


# What a return before a change used for what a newer code records, for writing an earlier
# year's return from a dataset in today's codes: (column, code) -> (first return with the code,
# the code before it).
EARLIER: dict[tuple[str, str], tuple[int, str]] = {
    ("REC", "E45"): (2019, "E43"),  # to former foster carers
    ("REC", "E46"): (2019, "E43"),
    ("REC", "E47"): (2019, "E44"),  # to other carers
    ("REC", "E48"): (2019, "E44"),
    # A move into custody had no reason of its own.
    ("REASON_PLACE_CHANGE", "CUSTOD"): (2019, "OTHER"),
}


def as_in_year(column: str, code: str, year: CensusYear) -> str:
    """The code the year's return used for what `code` records today."""
    earlier = EARLIER.get((column, code))
    if earlier and year.end < earlier[0]:
        return earlier[1]
    return code

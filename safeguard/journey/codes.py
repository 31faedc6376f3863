"""The codes the loader accepts in the looked-after and local tables, year by year.

The live lists are the newest return's (safeguard.casework.codes_903) and the partnership's own
(codes_around). Two SSDA903 lists changed within the years a council may bring across, from the
return for 2018-19 (tests/casework/test_around_903_codes.py checks both against the schemas):
special guardianship orders ended care as E43 and E44 before it and as E45 to E48 from it, and
CUSTOD became a reason for a change of placement. A code is checked against the year of the date
that places its record in a return: the end of an episode for the reasons it ended, else its start.
"""

from datetime import date
from functools import cache

from django.db.models import TextChoices

from safeguard.access.models import AgencyKind
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
from safeguard.casework.codes_around import (
    Band,
    EarlyHelpOutcome,
    HomeEducationEnd,
    HomeEducationReason,
)

SSDA903_2018_19 = date(2018, 4, 1)
SGO_BEFORE = {"E43", "E44"}
SGO_FROM = {"E45", "E46", "E47", "E48"}

# (table, column) -> (the list, the column dating the code)
COLUMNS: dict[tuple[str, str], tuple[type[TextChoices], str]] = {
    ("cla_episodes", "reason_new_episode"): (ReasonNewEpisode, "start_date"),
    ("cla_episodes", "legal_status"): (LegalStatus, "start_date"),
    ("cla_episodes", "category_of_need"): (CategoryOfNeed, "start_date"),
    ("cla_episodes", "placement"): (PlacementType, "start_date"),
    ("cla_episodes", "placement_provider"): (PlacementProvider, "start_date"),
    ("cla_episodes", "reason_ceased"): (ReasonEpisodeCeased, "end_date"),
    ("cla_episodes", "reason_place_change"): (ReasonPlaceChange, "end_date"),
    ("cla_reviews", "participation"): (ReviewParticipation, "review_date"),
    ("missing_episodes", "kind"): (MissingKind, "start_date"),
    ("early_help", "lead_agency_kind"): (AgencyKind, "start_date"),
    ("early_help", "outcome"): (EarlyHelpOutcome, "end_date"),
    ("exploitation_screenings", "band"): (Band, "screened_on"),
    ("home_education", "reason"): (HomeEducationReason, "start_date"),
    ("home_education", "end_reason"): (HomeEducationEnd, "end_date"),
}


def reporting_year(day: date) -> str:
    start = day.year if day.month >= 4 else day.year - 1
    return f"{start}-{(start + 1) % 100:02d}"


def accepted(table: str, column: str, day: date | None) -> frozenset[str]:
    return _accepted(table, column, day is not None and day < SSDA903_2018_19)


@cache
def _accepted(table: str, column: str, before_2018_19: bool) -> frozenset[str]:
    codes, _ = COLUMNS[(table, column)]
    values = set(codes.values)
    if before_2018_19 and (table, column) == ("cla_episodes", "reason_ceased"):
        values = (values - SGO_FROM) | SGO_BEFORE
    elif before_2018_19 and (table, column) == ("cla_episodes", "reason_place_change"):
        values -= {"CUSTOD"}
    return frozenset(values)


def unknown(table: str, rows: list[dict]) -> tuple[dict, str, str] | None:
    """The first row holding a code its year does not have, with the column and the year."""
    columns = [(column, dated) for (name, column), (_, dated) in COLUMNS.items() if name == table]
    for row in rows:
        for column, dated in columns:
            value, day = row[column], row[dated]
            if value is not None and value not in accepted(table, column, day):
                return row, column, reporting_year(day) if day else "its year"
    return None

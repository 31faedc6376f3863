"""Loading the local tables around the pathway: early help, exploitation screenings, children
educated at home, and the council's population of children for each year.

What the live records require and a dataset does not hold is marked as not recorded: the early
help route and needs, the lead practitioner and education lead (the user who loaded it), the
indicators of a screening. A screening must cite an indicator catalogue: loaded ones cite a
catalogue of no indicators that says they were brought in (version 0), in force from the first of
them and never after the partnership's own, so the partnership's screenings keep citing its own.
"""

import re

from django.utils import timezone

from safeguard.casework.codes_around import CatalogueStatus
from safeguard.casework.models import (
    AroundSettings,
    EarlyHelpEpisode,
    ExploitationScreening,
    HomeEducationEntry,
    IndicatorCatalogue,
)
from safeguard.casework.timescales_around import screening_review_default
from safeguard.journey.load_care import check_codes, check_dates, check_one_open
from safeguard.journey.load_context import NOT_RECORDED, LoadError, Loading
from safeguard.journey.models import PopulationEstimate

BROUGHT_IN = "Not recorded: screenings brought in from the journey dataset"
BROUGHT_IN_VERSION = 0
_YEAR = re.compile(r"[0-9]{4}-[0-9]{2}")


def early_help(loading: Loading) -> None:
    rows = loading.new("early_help", "episode_id")
    check_codes("early_help", rows)
    check_dates("early_help", rows, "early help episode")
    for row in rows:
        if row["end_date"] is not None and not row["outcome"]:
            raise LoadError(f"Early help episode {row['episode_id']} ends without an outcome")
    open_live = set(
        EarlyHelpEpisode.objects.filter(ended_on__isnull=True).values_list("child_id", flat=True)
    )
    check_one_open("early_help", rows, open_live, loading)
    made = [
        {
            "child_id": loading.child(row),
            "started_on": row["start_date"],
            "route": "",
            "lead_practitioner_id": loading.by.pk,
            "lead_agency_id": loading.agency(row["lead_agency_kind"]).pk,
            "needs": NOT_RECORDED,
            "ended_on": row["end_date"],
            "outcome": row["outcome"] or "",
            "started_by_id": loading.by.pk,
        }
        for row in rows
    ]
    loading.create("early_help", EarlyHelpEpisode, rows, made, "episode_id")


def screenings(loading: Loading) -> None:
    rows = loading.new("exploitation_screenings", lambda r: (r["child_id"], r["screened_on"]))
    check_codes("exploitation_screenings", rows)
    if not rows:
        return
    catalogue = _brought_in_catalogue(loading, min(row["screened_on"] for row in rows))
    settings = AroundSettings.current()
    made = [
        {
            "child_id": loading.child(row),
            "screened_on": row["screened_on"],
            "catalogue_id": catalogue.pk,
            "score": 0,
            "score_band": "",
            "suggested_band": "",
            "practitioner_band": row["band"],
            "reasons": NOT_RECORDED,
            "referred_to_panel": row["referred_to_panel"],
            # The day of the referral is not recorded: the screening's is the nearest known.
            "panel_referral_on": row["screened_on"] if row["referred_to_panel"] else None,
            "review_on": screening_review_default(row["screened_on"], settings),
            "screened_by_id": loading.by.pk,
        }
        for row in rows
    ]
    loading.create("exploitation_screenings", ExploitationScreening, rows, made)


def _brought_in_catalogue(loading: Loading, first: object) -> IndicatorCatalogue:
    own = (
        IndicatorCatalogue.objects.filter(status=CatalogueStatus.PUBLISHED)
        .exclude(version=BROUGHT_IN_VERSION)
        .order_by("in_force_from")
        .values_list("in_force_from", flat=True)
        .first()
    )
    since = min(first, own) if own else first
    catalogue = IndicatorCatalogue.objects.filter(version=BROUGHT_IN_VERSION).first()
    if catalogue is None:
        return IndicatorCatalogue.objects.create(
            version=BROUGHT_IN_VERSION,
            title=BROUGHT_IN,
            status=CatalogueStatus.PUBLISHED,
            in_force_from=since,
            drafted_by=loading.by,
            published_by=loading.by,
            published_at=timezone.now(),
        )
    if since < catalogue.in_force_from:
        # It has no indicators, so an earlier start changes what no screening meant.
        catalogue.in_force_from = since
        catalogue.save(update_fields=["in_force_from"])
    return catalogue


def home_education(loading: Loading) -> None:
    rows = loading.new("home_education", lambda r: (r["child_id"], r["start_date"]))
    check_codes("home_education", rows)
    check_dates("home_education", rows, "time educated at home")
    for row in rows:
        if row["end_date"] is not None and not row["end_reason"]:
            raise LoadError(
                f"Child {row['child_id']}'s home education ends without a reason it ended"
            )
    open_live = set(
        HomeEducationEntry.objects.filter(ended_on__isnull=True).values_list("child_id", flat=True)
    )
    check_one_open("home_education", rows, open_live, loading)
    made = [
        {
            "child_id": loading.child(row),
            "started_on": row["start_date"],
            "reason": row["reason"] or "",
            "education_lead_id": loading.by.pk,
            "ended_on": row["end_date"],
            "end_reason": row["end_reason"] or "",
            "added_by_id": loading.by.pk,
        }
        for row in rows
    ]
    loading.create(
        "home_education", HomeEducationEntry, rows, made, lambda r: (r["child_id"], r["start_date"])
    )


def population(loading: Loading) -> None:
    """A council's figure for a year is matched when it is the same; a different one is refused
    rather than silently kept or replaced, since every rate of that year depends on it."""
    known = dict(PopulationEstimate.objects.filter(la=loading.la).values_list("year", "children"))
    rows = loading.new("population", "year")
    for row in loading.data["population"]:
        if not _YEAR.fullmatch(row["year"]):
            raise LoadError(f"The population table's year {row['year']!r} is not like 2016-17")
        if row["children"] < 1:
            raise LoadError(f"The population of {row['year']} must be 1 child or more")
        if row["year"] in known and known[row["year"]] != row["children"]:
            raise LoadError(
                f"The population of council {row['la']} in {row['year']} is "
                f"{known[row['year']]:,} children here and {row['children']:,} in the dataset"
            )
    made = [{"la": row["la"], "year": row["year"], "children": row["children"]} for row in rows]
    loading.create("population", PopulationEstimate, rows, made, "year")

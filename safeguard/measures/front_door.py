"""The front door dashboard's headline counts, computed through the measure registry.

The front door's dashboard shows any period (a reporting year, or part of one), so its contacts
are extracted for the period (with the twelve months before it, for the look-back of repeat
contacts) and the registry's front-door measures run on them over that period, on DuckDB, by the
same Ibis expressions that make the partnership's yearly measures.

The journey dataset holds only contacts matched to a child's record; the dashboard counts every
contact. A contact not matched to a child is put under a council code of its own (UNMATCHED, with
its reference for a child ID), so it counts towards contacts and decisions but is not a contact
"linked to a child" and can never be a repeat.
"""

from collections import defaultdict
from datetime import UTC, datetime, timedelta

import ibis
import pyarrow as pa
from django.conf import settings

from safeguard.core.calendar import default_convention
from safeguard.frontdoor.figures import Counts, Period
from safeguard.frontdoor.models import Contact
from safeguard.journey.dataset import Dataset
from safeguard.measures import engine
from safeguard.measures.catalogue import FORMULAS, Column, Context, Family
from safeguard.measures.catalogue.front_door import THRESHOLD_LEVELS
from safeguard.measures.periods import year_of

UNMATCHED = "unmatched"
# Twelve months before the period's first contact, a leap day and a day to spare.
LOOK_BACK = timedelta(days=367)
LEVELS = {n: f"decisions_level_{n}_pct" for n in THRESHOLD_LEVELS}
MEASURES = (
    "contacts",
    "contacts_referral_pct",
    "mash_decisions_in_time_pct",
    "repeat_contacts_pct",
    *LEVELS.values(),
)


def counts(period: Period) -> Counts:
    summed = _sums(contacts_dataset(period), period)

    def total(column: object) -> int:
        assert isinstance(column, Column)
        return round(sum(by_la.get(column, 0) for by_la in summed.values()))

    def council(column: object) -> int:
        assert isinstance(column, Column)
        return round(summed.get(settings.LA_CODE, {}).get(column, 0))

    in_time, repeats = FORMULAS["mash_decisions_in_time_pct"], FORMULAS["repeat_contacts_pct"]
    return Counts(
        contacts=total(FORMULAS["contacts"].numerator),
        referrals=total(FORMULAS["contacts_referral_pct"].numerator),
        decisions=total(in_time.denominator),
        decisions_in_time=total(in_time.numerator),
        contacts_with_child=council(repeats.denominator),
        repeat_contacts=council(repeats.numerator),
        by_level={n: total(FORMULAS[m].numerator) for n, m in LEVELS.items()},
    )


def contacts_dataset(period: Period) -> Dataset:
    """The contacts received in the period and the twelve months before, as the journey
    dataset's contacts table."""
    start, end = period.bounds()
    since = start - LOOK_BACK
    rows = Contact.objects.filter(received_at__gte=since, received_at__lt=end).values(
        "reference",
        "child__la_child_id",
        "received_at",
        "source",
        "referrer_agency__kind",
        "rag",
        "rag_deadline",
        "decision__outcome",
        "decision__level__number",
        "decision__decided_at",
    )
    return Dataset.build(
        {
            "contacts": [
                {
                    "la": settings.LA_CODE if c["child__la_child_id"] else UNMATCHED,
                    "child_id": c["child__la_child_id"] or c["reference"],
                    "contact_id": c["reference"],
                    "received_at": _utc(c["received_at"]),
                    "source": c["source"],
                    "referrer_agency_kind": c["referrer_agency__kind"],
                    "rag": c["rag"],
                    "rag_deadline": _utc(c["rag_deadline"]),
                    "outcome": c["decision__outcome"],
                    "threshold_level": c["decision__level__number"],
                    "decided_at": _utc(c["decision__decided_at"]),
                }
                for c in rows
            ]
        }
    )


def _sums(dataset: Dataset, period: Period) -> dict[str, dict[Column, float]]:
    """Each front-door column's sum by council over the period."""
    by_family: dict[Family, set[Column]] = defaultdict(set)
    for measure_id in MEASURES:
        for column in FORMULAS[measure_id].columns():
            by_family[column.family].add(column)
    context = _context(dataset, period)
    con = engine.connect()
    summed: dict[str, dict[Column, float]] = defaultdict(dict)
    for family, wanted in by_family.items():
        rows = family.rows(context)
        totals = con.to_pyarrow(
            rows.group_by("la").aggregate(**{c.name: rows[c.name].sum() for c in wanted})
        )
        for row in totals.to_pylist():
            for column in wanted:
                summed[row["la"]][column] = row[column.name] or 0
    return summed


def _utc(moment: datetime | None) -> datetime | None:
    return moment.astimezone(UTC) if moment is not None else None


def _context(dataset: Dataset, period: Period) -> Context:
    """The registry's context with one "year" that is the period itself (its instants, London
    midnight to London midnight): the front-door measures count contacts by the instant they
    were received."""
    opens, closes = period.bounds()
    years = engine.years_table([year_of(period.start)])
    years = years.set_column(
        years.schema.get_field_index("opens"),
        "opens",
        pa.array([opens.astimezone(UTC)], years.schema.field("opens").type),
    ).set_column(
        years.schema.get_field_index("closes"),
        "closes",
        pa.array([closes.astimezone(UTC)], years.schema.field("closes").type),
    )
    return Context(
        {name: ibis.memtable(table) for name, table in dataset.tables.items()},
        ibis.memtable(years),
        ibis.memtable(engine.calendar_table(period.start, period.end)),
        default_convention(),
    )

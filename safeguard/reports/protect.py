"""Disclosure control for the report's figures, by the measures app's one rule (disclosure.py).

A figure is withheld when its own counts are small (1 to 5), and also when it belongs to a
breakdown whose parts add up to a published total and a withheld part could be worked out from
the others by subtraction (secondary suppression). The breakdowns are the measures the registry
declares one per part: plans by initial category, screenings by band, MASH decisions by threshold
level, and no further action by who made the contact.
"""

from collections.abc import Iterable

from safeguard.casework.codes_around import Band
from safeguard.measures import disclosure, registry
from safeguard.measures.catalogue.front_door import REFERRERS, THRESHOLD_LEVELS
from safeguard.measures.catalogue.journey import CATEGORIES
from safeguard.measures.models import MeasureResult
from safeguard.measures.registry import Unit

BREAKDOWNS: dict[str, list[str]] = {
    "plans at 31 March by initial category": [f"cpp_{name}_pct" for name in CATEGORIES],
    "children screened by band": [f"exploitation_{band}_pct" for band in Band.values],
    "MASH decisions by threshold level": [f"decisions_level_{n}_pct" for n in THRESHOLD_LEVELS],
    "no further action by who made the contact": [f"contacts_nfa_{r}_pct" for r in REFERRERS],
}


def withheld(results: Iterable[MeasureResult]) -> set[tuple[str, str]]:
    """(measure id, year) of every result the report may not publish."""
    results = list(results)
    hidden = {(r.measure_id, r.year) for r in results if _small(r)}
    found = {(r.measure_id, r.year): r for r in results}
    for ids in BREAKDOWNS.values():
        for year in sorted({r.year for r in results}):
            parts = [
                found[(i, year)]
                for i in ids
                if (i, year) in found and found[(i, year)].numerator is not None
            ]
            if len(parts) < 2:
                continue
            protected = disclosure.protect_breakdown(
                [(r.measure_id, round(r.numerator)) for r in parts]
            )
            if protected.total == disclosure.SUPPRESSED:
                hidden |= {(r.measure_id, year) for r in parts}
            hidden |= {(label, year) for label in protected.suppressed}
    return hidden


def _small(result: MeasureResult) -> bool:
    measure = registry.get(result.measure_id)
    return disclosure.protect_figure(
        result.numerator,
        result.denominator,
        result.value,
        value_is_count=measure.unit == Unit.COUNT,
        rule=measure.disclosure,
    ).suppressed

"""How a stored result is shown: formatted, and suppressed where disclosure control says so.

A published figure (the board's and the business manager's dashboard) shows "c" where the rule in
MEASURES.md suppresses it, as the DfE prints it; authorised internal staff see exact figures.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from safeguard.measures import disclosure, registry
from safeguard.measures.models import MeasureResult
from safeguard.measures.registry import Measure, Unit

SUPPRESSED = disclosure.SUPPRESSED
MISSING = "–"

# Measures that split one published total into cells (their numerators add up to the shared
# denominator): plans at 31 March by initial category, MASH decisions by threshold level, and
# children screened for exploitation by band.
BREAKDOWNS = (
    tuple(f"cpp_{c}_pct" for c in ("neglect", "emotional", "physical", "sexual", "multiple")),
    tuple(f"decisions_level_{n}_pct" for n in (1, 2, 3, 4)),
    tuple(f"exploitation_{band}_pct" for band in ("none", "low", "medium", "high")),
)


@dataclass(frozen=True)
class Shown:
    value: float | None  # what a chart may plot: None when missing or suppressed
    text: str
    numerator: str
    denominator: str
    suppressed: bool = False


def suppressed_cells(results: Iterable[MeasureResult]) -> set[tuple[str, str, str]]:
    """(measure id, la, year) of every result disclosure control withholds: small counts and
    what is built on them, and the cells of a breakdown that its published total would give away."""
    results = list(results)
    hidden = set()
    for result in results:
        measure = registry.get(result.measure_id)
        protected = disclosure.protect_figure(
            result.numerator,
            result.denominator,
            result.value,
            value_is_count=measure.unit == Unit.COUNT,
            rule=measure.disclosure,
        )
        if protected.suppressed:
            hidden.add(_key(result))
    found = {_key(r): r for r in results}
    for la, year in {(r.la, r.year) for r in results}:
        for cells in BREAKDOWNS:
            hidden |= _breakdown([found.get((m, la, year)) for m in cells])
    return hidden


def _breakdown(cells: list[MeasureResult | None]) -> set[tuple[str, str, str]]:
    """A breakdown is published with its total (the shared denominator, itself a published
    figure): secondary suppression keeps its small cells from being worked out by subtraction."""
    present = [c for c in cells if c is not None and c.numerator is not None]
    totals = {c.denominator for c in present}
    if len(present) != len(cells) or len(totals) != 1:
        return set()
    counts = [(c.measure_id, round(c.numerator)) for c in present]
    total = round(totals.pop() or 0)
    # Poor data whose cells do not add up to the total cannot be recovered by subtraction.
    if sum(n for _, n in counts) != total:
        return set()
    shown = disclosure.protect_breakdown(counts, total)
    return {_key(c) for c in present if c.measure_id in shown.suppressed}


def _key(result: MeasureResult) -> tuple[str, str, str]:
    return (result.measure_id, result.la, result.year)


def show(
    measure: Measure, result: MeasureResult | None, *, hidden: set[tuple[str, str, str]]
) -> Shown:
    if result is None or result.value is None:
        return Shown(None, MISSING, MISSING, MISSING)
    if (measure.id, result.la, result.year) in hidden:
        return Shown(None, SUPPRESSED, SUPPRESSED, SUPPRESSED, suppressed=True)
    return Shown(
        result.value,
        value_text(measure.unit, result.value),
        _count(result.numerator),
        _count(result.denominator),
    )


def value_text(unit: str, value: float | None) -> str:
    if value is None:
        return MISSING
    if unit == Unit.COUNT:
        return f"{value:,.0f}"
    if unit == Unit.PERCENT:
        return f"{value:.1f}%"
    return f"{value:,.1f}"


def _count(number: float | None) -> str:
    return MISSING if number is None else f"{number:,.0f}"

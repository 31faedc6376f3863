"""The partnership dashboard's content for one council and year, built from a stored run.

Each measure becomes a panel: its figure for the year, the comparison with England, the region
and the statistical neighbours, the figures of the last five years and, for the headline measures
(on the dashboard) and on each measure's own page, a trend chart of them. Published panels (for the
board and the business manager) follow disclosure control; exact panels are for authorised
internal staff. Panels are cached per run, so once a run is stored the dashboard is read, not
recomputed.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from django.core.cache import cache

from safeguard.measures import charts, registry
from safeguard.measures.comparison import Compared, comparators_version, compare, council_name
from safeguard.measures.models import MeasureResult, MeasureRun
from safeguard.measures.publishing import MISSING, Shown, show, suppressed_cells
from safeguard.measures.registry import Measure, Unit
from safeguard.measures.results import council_series

TREND_YEARS = 5
T = TypeVar("T")

AXIS = {
    Unit.PER_10K: "per 10,000 children",
    Unit.PERCENT: "per cent",
    Unit.COUNT: "number",
    Unit.WORKING_DAYS: "working days",
    Unit.RATIO: "children per worker",
}
# What follows a figure in a sentence ("31.9 per 10,000 children"); percentages carry their sign.
SUFFIX = {
    Unit.PER_10K: "per 10,000 children",
    Unit.WORKING_DAYS: "working days",
    Unit.RATIO: "children per worker",
}


@dataclass(frozen=True)
class YearRow:
    year: str
    council: Shown
    england: str
    neighbours: str


@dataclass(frozen=True)
class Panel:
    measure_id: str
    title: str
    unit: str
    suffix: str
    headline: bool
    journey: bool  # computed from the journey dataset, so the children behind it can be listed
    shown: Shown
    previous: Shown | None  # the year before, when the run has it
    compared: Compared | None
    rows: list[YearRow]  # the trend, oldest year first; empty when not drawn
    chart: str  # SVG markup; "" when not drawn

    @property
    def has_neighbours(self) -> bool:
        return any(row.neighbours != MISSING for row in self.rows)


@dataclass(frozen=True)
class Section:
    priority: str
    title: str
    headlines: list[Panel]
    others: list[Panel]


def trend_years(run: MeasureRun, year: str) -> list[str]:
    return [y for y in sorted(run.years) if y <= year][-TREND_YEARS:]


def sections(run: MeasureRun, la: str, year: str, *, exact: bool) -> list[Section]:
    return _cached(
        _key("sections", run, la, year, exact), lambda: build_sections(run, la, year, exact)
    )


def warm(run: MeasureRun, la: str) -> None:
    """Draw the latest year's dashboard for both audiences now, when a run is stored, so the first
    board member to open it reads it from the cache instead of waiting for the charts."""
    for exact in (False, True):
        sections(run, la, run.latest_year, exact=exact)


def measure_panel(run: MeasureRun, measure: Measure, la: str, year: str, *, exact: bool) -> Panel:
    return _cached(
        _key("panel", run, la, year, exact, measure.id),
        lambda: _Builder(run, la, year, exact).panel(measure, draw=True),
    )


def build_sections(run: MeasureRun, la: str, year: str, exact: bool) -> list[Section]:
    builder = _Builder(run, la, year, exact)
    by_priority: dict[str, list[Panel]] = {}
    for measure in registry.measures():
        panel = builder.panel(measure, draw=measure.headline)
        by_priority.setdefault(measure.priority, []).append(panel)
    return [
        Section(
            key,
            title,
            [p for p in by_priority[key] if p.headline],
            sorted((p for p in by_priority[key] if not p.headline), key=lambda p: p.title),
        )
        for key, title in registry.PRIORITIES.items()
        if key in by_priority
    ]


def _key(kind: str, run: MeasureRun, la: str, year: str, exact: bool, *rest: str) -> str:
    mode = "exact" if exact else "published"
    parts = [kind, str(run.pk), run.fingerprint, la, year, mode, comparators_version(), *rest]
    return "measures:" + ":".join(parts)


def _cached(key: str, build: Callable[[], T]) -> T:
    found = cache.get(key)
    if found is None:
        found = build()
        cache.set(key, found, timeout=None)
    return found


class _Builder:
    """What every panel of one council and year shares: the results, what disclosure control
    withholds of them, and the council's name."""

    def __init__(self, run: MeasureRun, la: str, year: str, exact: bool) -> None:
        self.la, self.year = la, year
        self.years = trend_years(run, year)
        self.series = council_series(run, la, self.years)
        known = [r for m in registry.measures() for r in self.series.get(m.id, [])]
        self.hidden = set() if exact else suppressed_cells(known)
        self.name = council_name(la)

    def panel(self, measure: Measure, *, draw: bool) -> Panel:
        """The measure's panel; with `draw`, its trend too (the rows of its table and its
        chart), which needs the comparators of every year, not just this one."""
        results: dict[str, MeasureResult] = {r.year: r for r in self.series.get(measure.id, [])}
        shown = {y: show(measure, results.get(y), hidden=self.hidden) for y in self.years}
        compared_years = self.years if draw else [self.year]
        compared = {y: compare(measure, self.la, y, shown[y].value) for y in compared_years}
        rows = [
            YearRow(
                y,
                shown[y],
                compared[y].england_text if compared[y] else MISSING,
                compared[y].neighbours_text if compared[y] else MISSING,
            )
            for y in (self.years if draw else [])
        ]
        return Panel(
            measure_id=measure.id,
            title=measure.title,
            unit=str(measure.unit),
            suffix=SUFFIX.get(measure.unit, ""),
            headline=measure.headline,
            journey=measure.compute is None,
            shown=shown[self.year],
            previous=shown[self.years[-2]] if len(self.years) > 1 else None,
            compared=compared[self.year],
            rows=rows,
            chart=self._chart(measure, rows, compared) if draw else "",
        )

    def _chart(
        self, measure: Measure, rows: list[YearRow], compared: dict[str, Compared | None]
    ) -> str:
        lines = {self.name: [(row.year, row.council.value) for row in rows]}
        for label, pick in (("England", "england"), ("Statistical neighbours", "neighbours")):
            points = [(y, getattr(c, pick) if c else None) for y, c in compared.items()]
            if any(value is not None for _, value in points):
                lines[label] = points
        return charts.trend_svg(
            f"chart-{measure.id}",
            f"{measure.title}: {self.name} by year",
            AXIS[measure.unit],
            lines,
        )

"""The council's figures from one stored measure run, published: disclosure control applied
(protect.py), beside England, the region and the statistical neighbours, with a trend
chart for the measures the report draws in full."""

from dataclasses import replace

from safeguard.measures import charts, registry
from safeguard.measures.comparison import Compared, compare, council_name
from safeguard.measures.dashboard import AXIS, trend_years
from safeguard.measures.models import MeasureResult, MeasureRun
from safeguard.measures.publishing import MISSING, SUPPRESSED, value_text
from safeguard.measures.registry import Measure, Unit
from safeguard.reports import protect
from safeguard.reports.content import Cell, MeasureFigure, YearRow


class RunFigures:
    """One council's published results in a run, over the trend years ending with the report's."""

    def __init__(self, run: MeasureRun, la: str, year: str) -> None:
        self.la, self.year = la, year
        self.years = trend_years(run, year)
        known = {m.id for m in registry.measures()}
        results = [
            r for r in run.results.filter(la=la, year__in=self.years) if r.measure_id in known
        ]
        self.hidden = protect.withheld(results)
        self.results = {(r.measure_id, r.year): r for r in results}
        self.council = council_name(la)
        self._made: dict[tuple[str, bool], MeasureFigure] = {}
        self._region = ""

    def region_name(self) -> str:
        """The council's region as the comparisons made so far named it ("Region" when none
        did: nothing imported yet)."""
        return self._region or "Region"

    def has(self, measure: Measure) -> bool:
        """Whether the run holds any figure of the measure for the council in the trend years."""
        return any((measure.id, y) in self.results for y in self.years)

    def _cells(self, measure: Measure, year: str) -> tuple[Cell, Cell]:
        """The result's value and numerator as the report publishes them."""
        result: MeasureResult | None = self.results.get((measure.id, year))
        if result is None or result.value is None:
            missing = Cell(measure.id, year, "value", MISSING, None)
            return missing, replace(missing, field="numerator")
        if (measure.id, year) in self.hidden:
            withheld = Cell(measure.id, year, "value", SUPPRESSED, None, suppressed=True)
            return withheld, replace(withheld, field="numerator")
        value = Cell(
            measure.id, year, "value", value_text(measure.unit, result.value), result.value
        )
        numerator = Cell(
            measure.id,
            year,
            "numerator",
            MISSING if result.numerator is None else f"{result.numerator:,.0f}",
            result.numerator,
        )
        return value, numerator

    def figure(self, measure: Measure, *, drawn: bool) -> MeasureFigure:
        key = (measure.id, drawn)
        if key not in self._made:
            self._made[key] = self._figure(measure, drawn=drawn)
        return self._made[key]

    def _figure(self, measure: Measure, *, drawn: bool) -> MeasureFigure:
        rows = []
        compared: dict[str, Compared | None] = {}
        for year in self.years:
            value, numerator = self._cells(measure, year)
            found = compare(measure, self.la, year, value.value)
            compared[year] = found
            self._region = self._region or (found.region_name if found else "")
            rows.append(
                YearRow(
                    year,
                    value,
                    numerator,
                    value_text(measure.unit, found.england if found else None),
                    value_text(measure.unit, found.region if found else None),
                    value_text(measure.unit, found.neighbours if found else None),
                )
            )
        figure = MeasureFigure(
            measure=measure,
            anchor=f"measure-{measure.id}",
            rows=rows,
            compared=compared[self.year],
            change=change(rows),
            show_numerator=measure.unit != Unit.COUNT
            and bool(measure.numerator)
            and any(row.numerator.value is not None for row in rows),
        )
        # A line needs two points: with fewer published years, the table says it all.
        if not drawn or sum(row.value.value is not None for row in rows) < 2:
            return figure
        return replace(figure, chart=self._chart(figure, compared))

    def _chart(self, figure: MeasureFigure, compared: dict[str, Compared | None]) -> str:
        measure = figure.measure
        lines = {self.council: [(row.year, row.value.value) for row in figure.rows]}
        region = next((c.region_name for c in compared.values() if c and c.region_name), "")
        for label, pick in (
            ("England", "england"),
            (region or "Region", "region"),
            ("Statistical neighbours", "neighbours"),
        ):
            points = [(y, getattr(compared[y], pick) if compared[y] else None) for y in self.years]
            if any(value is not None for _, value in points):
                lines[label] = points
        return charts.trend_svg(
            f"chart-{measure.id}",
            f"{measure.title}: {self.council} by year, with its comparators",
            AXIS[measure.unit],
            lines,
        )


def change(rows: list[YearRow]) -> str:
    """This year's figure against last year's, in words."""
    if len(rows) < 2:
        return ""
    now, before = rows[-1].value, rows[-2].value
    if now.value is None:
        return ""
    if before.value is None:
        return f"There is no published figure for {rows[-2].year} to compare with."
    if round(now.value, 1) == round(before.value, 1):
        return f"The same as in {rows[-2].year}."
    way = "Up" if now.value > before.value else "Down"
    return f"{way} from {before.text} in {rows[-2].year}."

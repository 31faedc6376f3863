"""A council's figure beside England, its region and its statistical neighbours' average.

Whether the council's difference from England is large is judged one way everywhere
(LARGE_DIFFERENCE below, also in docs/comparators.md).
"""

import statistics
from dataclasses import dataclass, field
from typing import NamedTuple

from safeguard.measures.comparators.england import england
from safeguard.measures.comparators.models import (
    ComparatorFigure,
    ComparatorFile,
    Level,
    PopulationEstimate,
    StatisticalNeighbour,
    Symbol,
)
from safeguard.measures.comparators.tables import TABLES

NEIGHBOUR_MODELS = {
    "2021": "the DfE's statistical neighbour groupings of April 2021",
    "2025": "the DfE's statistical neighbour model of 2025",
}

# The middle 80% of councils: from the 10th to the 90th percentile of their values that year.
BAND = (10, 90)
# Fewer councils than this with a value (a measure the DfE does not publish by council) and the
# band is not worked out: "large" is then unknown, not false.
MIN_COUNCILS = 20

LARGE_DIFFERENCE = (
    "A council's value differs from England by a large amount when it lies outside the range in "
    "which the middle 80% of all councils' published values lie that year: below the 10th or "
    "above the 90th percentile (percentiles by linear interpolation between the ordered values, "
    "every council counted once, England and regions not counted). It is not judged when fewer "
    f"than {MIN_COUNCILS} councils have a value that year."
)


@dataclass(frozen=True)
class Comparison:
    """One measure for one council and year, with its comparators. Values are in the measure's
    unit (rate per 10,000, percentage 0-100, or count); None where there is no figure."""

    measure_id: str
    la: str
    year: str
    council: float | None
    council_note: str  # why the council has no figure, or ""
    england: float | None
    england_source: str
    region_code: str
    region_name: str
    region: float | None
    neighbours_model: str  # "2021" or "2025"
    neighbours_model_name: str
    neighbours: float | None  # the mean of the neighbours with a figure
    neighbours_counted: tuple[str, ...]
    neighbours_listed: tuple[str, ...]
    band: tuple[float, float] | None  # the 10th and 90th percentiles of the councils' values
    councils: int  # how many councils had a value
    large: bool | None  # None when it cannot be judged
    direction: str  # "higher" or "lower" than England, or ""

    method = LARGE_DIFFERENCE


def comparison(
    measure_id: str,
    la: str,
    year: str,
    neighbours_model: str = "2021",
    *,
    value: float | None = None,
) -> Comparison:
    """The council's figure for the year beside England, its region and the average of its
    statistical neighbours in the given model ("2021": the DfE's groupings of April 2021;
    "2025": its 2025 model), and whether its difference from England is large.

    `value` is the council's own figure (the engine's, say); without it the published one is used.

    Large difference: the council's value lies outside the range in which the middle 80% of all
    councils' published values lie that year (below the 10th or above the 90th percentile, by
    linear interpolation); not judged (None) when fewer than 20 councils have a value.

    England is the imported figure when there is one, else the built-in table (england.py). The
    region is the one the DfE's files give the council (London councils: Inner or Outer London).
    The neighbours' average is the plain mean of those of the ten that have a figure that year.
    """
    values = {} if value is None else {(measure_id, year): value}
    return comparisons([measure_id], la, [year], neighbours_model, values=values)[
        (measure_id, year)
    ]


def comparisons(
    measure_ids: list[str],
    la: str,
    years: list[str],
    neighbours_model: str = "2021",
    *,
    values: dict[tuple[str, str], float] | None = None,
) -> dict[tuple[str, str], Comparison]:
    """comparison() for many measures and years at once (a dashboard's worth, in three queries),
    keyed by (measure id, year). `values` holds the council's own figures where it has them."""
    if neighbours_model not in NEIGHBOUR_MODELS:
        raise ValueError(
            f"No statistical neighbour model {neighbours_model!r}: use "
            + " or ".join(NEIGHBOUR_MODELS)
        )
    listed = tuple(neighbours(la, neighbours_model))
    published: dict[tuple[str, str], _Published] = {}
    rows = ComparatorFigure.objects.filter(measure_id__in=measure_ids, year__in=years)
    for row in rows.values_list(*_Row._fields):
        found = _Row(*row)
        published.setdefault((found.measure_id, found.year), _Published()).add(found, la)
    sources = _source_labels({p.england.source_id for p in published.values() if p.england})
    home = _home_region(la, published)
    return {
        (measure_id, year): _compare(
            measure_id,
            la,
            year,
            neighbours_model,
            listed,
            published.get((measure_id, year), _Published()),
            (values or {}).get((measure_id, year)),
            sources,
            home,
        )
        for measure_id in measure_ids
        for year in years
    }


class _Row(NamedTuple):
    measure_id: str
    year: str
    level: str
    area: str
    value: float | None
    symbol: str
    note: str
    region_code: str
    region_name: str
    source_id: int


@dataclass
class _Published:
    """One measure and year: every published figure, sorted by level."""

    england: _Row | None = None
    regions: dict[str, float | None] = field(default_factory=dict)
    councils: dict[str, float] = field(default_factory=dict)
    own: _Row | None = None

    def add(self, row: _Row, la: str) -> None:
        if row.level == Level.NATIONAL and row.value is not None:
            self.england = row
        elif row.level == Level.REGIONAL:
            self.regions[row.area] = row.value
        elif row.level == Level.LOCAL:
            if row.area == la:
                self.own = row
            if row.value is not None:
                self.councils[row.area] = row.value


def _compare(
    measure_id: str,
    la: str,
    year: str,
    model: str,
    listed: tuple[str, ...],
    published: _Published,
    value: float | None,
    sources: dict[int, str],
    home: tuple[str, str],
) -> Comparison:
    own = published.own
    council_note = ""
    if value is None:
        value = own.value if own else None
        if own is None:
            council_note = "not in the imported DfE files"
        elif own.symbol != Symbol.PUBLISHED:
            council_note = Symbol(own.symbol).label + (f" ({own.note})" if own.note else "")
    if published.england is not None:
        england_value, england_source = (
            published.england.value,
            sources[published.england.source_id],
        )
    else:
        built_in = england(measure_id, year)
        england_value, england_source = (
            (built_in.value, built_in.source) if built_in else (None, "")
        )
    region_code, region_name = (
        (own.region_code, own.region_name) if own and own.region_code else home
    )
    counted = tuple(code for code in listed if code in published.councils)
    band = _band(list(published.councils.values()))
    large, direction = _judge(value, england_value, band)
    return Comparison(
        measure_id=measure_id,
        la=la,
        year=year,
        council=value,
        council_note=council_note,
        england=england_value,
        england_source=england_source,
        region_code=region_code,
        region_name=region_name,
        region=published.regions.get(region_code),
        neighbours_model=model,
        neighbours_model_name=NEIGHBOUR_MODELS[model],
        neighbours=statistics.fmean(published.councils[c] for c in counted) if counted else None,
        neighbours_counted=counted,
        neighbours_listed=listed,
        band=band,
        councils=len(published.councils),
        large=large,
        direction=direction,
    )


def neighbours(la: str, model: str = "2021") -> list[str]:
    """The council's ten statistical neighbours in the model, closest first (LA codes)."""
    links = StatisticalNeighbour.objects.filter(model=model, la=la).order_by("rank")
    return list(links.values_list("neighbour", flat=True))


def population(la: str, year: str) -> int | None:
    """Children aged 0-17 in the council (or region, or England by its code E92000001) for the
    reporting year: the ONS estimate for the June inside it (mid-2016 for 2016-17)."""
    estimate = PopulationEstimate.objects.filter(area=la, year=year).first()
    return estimate.children if estimate else None


def _source_labels(ids: set[int]) -> dict[int, str]:
    titles = {table.key: table.title for table in TABLES}
    return {
        source.pk: f"{titles.get(source.table, source.table)} ({source.name}, imported "
        f"{source.imported_at:%-d %B %Y})"
        for source in ComparatorFile.objects.filter(pk__in=ids)
    }


def _home_region(la: str, published: dict[tuple[str, str], _Published]) -> tuple[str, str]:
    """The council's region from any of its figures (the latest year's), for a measure it has
    no figure for."""
    for _, found in sorted(published.items(), key=lambda item: item[0][1], reverse=True):
        if found.own is not None and found.own.region_code:
            return found.own.region_code, found.own.region_name
    rows = ComparatorFigure.objects.filter(level=Level.LOCAL, area=la).exclude(region_code="")
    row = rows.order_by("-year").values_list("region_code", "region_name").first()
    return row or ("", "")


def _band(values: list[float]) -> tuple[float, float] | None:
    if len(values) < MIN_COUNCILS:
        return None
    cuts = statistics.quantiles(values, n=100 // BAND[0], method="inclusive")
    return cuts[0], cuts[-1]


def _judge(
    value: float | None, england_value: float | None, band: tuple[float, float] | None
) -> tuple[bool | None, str]:
    direction = ""
    if value is not None and england_value is not None and value != england_value:
        direction = "higher" if value > england_value else "lower"
    if value is None or band is None:
        return None, direction
    return not band[0] <= value <= band[1], direction

"""What a DfE table yields, and the reading every Explore Education Statistics table shares.

An EES file has one row per area and year: `time_period` (a year such as "2017"),
`geographic_level` (National, Regional, Local authority; other levels are not read), the area's
codes and names, then the table's own columns. A cell is a number or one of the government
statistical service's symbols (c, x, z, u, low), which is kept as "not published" with its reason.

Years: in the children in need, protection and looked-after tables, time_period 2017 is the year
ending 31 March 2017, "2016-17" (year_ending). The population and workforce tables count at other
dates (their modules say which) and use year_starting.
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from safeguard.measures.comparators.csvfile import Row
from safeguard.measures.comparators.models import Basis, Level, Symbol

ENGLAND = "E92000001"

# The columns every EES local-authority file carries; the files that only look like them (the
# dashboard extracts with statistical neighbour medians) lack `time_identifier` or `la_name`.
EES_COLUMNS = frozenset(
    {
        "time_period",
        "time_identifier",
        "geographic_level",
        "country_code",
        "region_code",
        "region_name",
        "old_la_code",
        "new_la_code",
        "la_name",
    }
)

LEVELS = {
    "National": Level.NATIONAL,
    "Regional": Level.REGIONAL,
    "Local authority": Level.LOCAL,
}

SYMBOLS = {
    "c": Symbol.CONFIDENTIAL,
    "u": Symbol.LOW_RELIABILITY,
    "low": Symbol.LOW,
    "k": Symbol.LOW,
    "~": Symbol.LOW,
    "x": Symbol.NOT_AVAILABLE,
    ":": Symbol.NOT_AVAILABLE,
    "..": Symbol.NOT_AVAILABLE,
    "": Symbol.NOT_AVAILABLE,
    "z": Symbol.NOT_APPLICABLE,
}

# When several cells make one figure, the reason shown is the first of these among them.
PRECEDENCE = (
    Symbol.CONFIDENTIAL,
    Symbol.LOW_RELIABILITY,
    Symbol.LOW,
    Symbol.NOT_AVAILABLE,
    Symbol.NOT_APPLICABLE,
)


class RowError(ValueError):
    """A row the table cannot read; the importer adds the file and line."""


@dataclass(frozen=True)
class Area:
    level: str
    code: str  # the old LA code of a council, the ONS code of a region or England
    new_code: str
    name: str
    region_code: str = ""
    region_name: str = ""


@dataclass(frozen=True)
class Missing:
    """A cell that holds a symbol instead of a number."""

    column: str
    symbol: Symbol
    text: str

    def note(self) -> str:
        shown = self.text or "blank"
        return f"{self.column}: {shown}"


Cell = float | Missing


@dataclass(frozen=True)
class FigureRecord:
    measure_id: str
    area: Area
    year: str
    numerator: float | None
    denominator: float | None
    value: float | None
    symbol: str
    note: str
    basis: str


@dataclass(frozen=True)
class PopulationRecord:
    area: Area
    year: str
    mid_year: int
    children: int | None
    symbol: str


@dataclass(frozen=True)
class NeighbourRecord:
    model: str
    la: str
    la_name: str
    rank: int
    neighbour: str
    closeness: str


Record = FigureRecord | PopulationRecord | NeighbourRecord


@dataclass(frozen=True)
class Table:
    """A DfE table this system reads: the columns that identify it and how to read a row.

    `read_row` returns the row's records, or a reason (a string) when the row is deliberately
    not read, such as the statistical neighbour medians some files carry.
    """

    key: str
    title: str
    columns: frozenset[str]
    read_row: Callable[[Row], Sequence[Record] | str]
    measures: tuple[str, ...] = field(default=())


def number(row: Row, column: str) -> Cell:
    text = row[column]
    if text in SYMBOLS:
        return Missing(column, SYMBOLS[text], text)
    try:
        return float(text)
    except ValueError:
        raise RowError(
            f"{column} is {text!r}, which is neither a number nor one of the DfE's symbols "
            "(c, x, z, u, low)"
        ) from None


def worst(cells: Iterable[Cell]) -> list[Missing]:
    """The cells that are not numbers, the one that explains the gap best first."""
    missing = [cell for cell in cells if isinstance(cell, Missing)]
    return sorted(missing, key=lambda cell: PRECEDENCE.index(cell.symbol))


def four_digit_year(row: Row) -> int:
    text = row["time_period"]
    if len(text) != 4 or not text.isdigit():
        raise RowError(f"time_period is {text!r}, not a year such as 2017")
    return int(text)


def year_ending(end: int) -> str:
    """The reporting year that ends on 31 March of `end`: 2017 → "2016-17"."""
    return year_starting(end - 1)


def year_starting(start: int) -> str:
    return f"{start}-{(start + 1) % 100:02d}"


def ees_area(row: Row) -> Area | None:
    """The area a row is about, or None for a geographic level no comparison uses."""
    level = LEVELS.get(row["geographic_level"])
    if level is None:
        return None
    if level == Level.NATIONAL:
        code = row["country_code"] or ENGLAND
        return Area(level, code, code, "England")
    if level == Level.REGIONAL:
        code = row["region_code"]
        if not code:
            raise RowError("a Regional row has no region_code")
        return Area(level, code, code, row["region_name"])
    code = row["old_la_code"]
    if not code:
        raise RowError("a Local authority row has no old_la_code")
    return Area(
        level, code, row["new_la_code"], row["la_name"], row["region_code"], row["region_name"]
    )


def skipped(row: Row) -> str:
    return f"{row['geographic_level'] or 'no geographic level'} rows"


def count_per_population(measure_id: str, area: Area, year: str, cell: Cell) -> FigureRecord:
    """A count the DfE publishes without a rate: the rate per 10,000 children is made when the
    ONS population is in the store (comparators.rates)."""
    if isinstance(cell, Missing):
        return FigureRecord(
            measure_id, area, year, None, None, None, cell.symbol, cell.note(), Basis.POPULATION
        )
    return FigureRecord(
        measure_id, area, year, cell, None, None, Symbol.NO_POPULATION, "", Basis.POPULATION
    )


def published(
    measure_id: str,
    area: Area,
    year: str,
    value: Cell,
    numerator: Cell | None = None,
    denominator: Cell | None = None,
) -> FigureRecord:
    """A figure the DfE printed, with the counts it was made from where the file has them."""
    num = numerator if isinstance(numerator, float) else None
    den = denominator if isinstance(denominator, float) else None
    if isinstance(value, Missing):
        notes = worst([value, *(c for c in (numerator, denominator) if c is not None)])
        return FigureRecord(
            measure_id,
            area,
            year,
            num,
            den,
            None,
            value.symbol,
            "; ".join(m.note() for m in notes),
            Basis.PUBLISHED,
        )
    return FigureRecord(
        measure_id, area, year, num, den, value, Symbol.PUBLISHED, "", Basis.PUBLISHED
    )


def percentage_of_counts(
    measure_id: str, area: Area, year: str, numerator: list[Cell], denominator: list[Cell]
) -> FigureRecord:
    """A percentage the DfE does not print, made here from the counts it does (their sums)."""
    gaps = worst([*numerator, *denominator])
    if gaps:
        note = "; ".join(m.note() for m in gaps)
        return FigureRecord(
            measure_id, area, year, None, None, None, gaps[0].symbol, note, Basis.COUNTS
        )
    num = sum(c for c in numerator if isinstance(c, float))
    den = sum(c for c in denominator if isinstance(c, float))
    if den == 0:
        return FigureRecord(
            measure_id, area, year, num, den, None, Symbol.NOT_APPLICABLE, "none to count",
            Basis.COUNTS,
        )  # fmt: skip
    return FigureRecord(
        measure_id, area, year, num, den, 100 * num / den, Symbol.PUBLISHED, "", Basis.COUNTS
    )

"""The measures engine: every journey measure, for every council and year of a dataset.

The measures are Ibis expressions (the catalogue package); this module runs them on a backend:
DuckDB by default, over the dataset's Arrow tables in memory (`compute`) or its Parquet files
(`compute_folder`), or any backend Ibis connects to (`compute_tables`; PostgreSQL is checked
against DuckDB by the conformance test). Each family of rows is one query, for every council and
every year at once (the years are a small table the rows join to), summing the family's indicator
columns (and taking its medians) by council and year: about twenty queries for every measure.
The figures are then worked out from those sums: numerator and denominator as summed, the value
by the measure's unit (x 10,000 / population, x 100 / denominator, the count, the median).

One query per family rather than one for everything: Ibis compiles a query in time that grows
faster than its size (one wide query of all the families took seconds to compile, longer than
DuckDB took to run it on a council's data), while each family's query still reads every council
and year in one pass.

Results are a long table (`RESULTS`): one row per measure, council and year, with the numerator,
the denominator (the population for a rate per 10,000; the records behind a median) and the
value. A council with nothing to count in a year gets a numerator of 0 and, where the
denominator is 0 or unknown, no value.
"""

from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import ibis
import ibis.expr.types as ir
import pyarrow as pa

from safeguard.core.calendar import LONDON, Convention, default_convention, is_working_day
from safeguard.journey.dataset import MANIFEST, Dataset, DatasetError
from safeguard.journey.schema import TABLES
from safeguard.measures.catalogue import FORMULAS, POPULATION, Column, Context, Family, Formula
from safeguard.measures.catalogue.base import starting_year
from safeguard.measures.registry import Unit

RESULTS = pa.schema(
    [
        pa.field("measure_id", pa.string(), nullable=False),
        pa.field("la", pa.string(), nullable=False),
        pa.field("year", pa.string(), nullable=False),
        pa.field("numerator", pa.float64()),
        pa.field("denominator", pa.float64()),
        pa.field("value", pa.float64()),
    ]
)

# The dates working days are counted between: the calendar table covers all of them.
WORKING_DAY_DATES = {
    "assessments": ("start_date", "authorisation_date"),
    "section47": ("start_date", "icpc_date"),
}
# Where the councils of a dataset are found (a council may have contacts but no referrals yet).
COUNCIL_TABLES = ("children", "referrals", "contacts", "population")


def year_label(starts: int) -> str:
    """The reporting year starting on 1 April of `starts`: 2016 -> "2016-17"."""
    return f"{starts}-{(starts + 1) % 100:02d}"


def year_starts(label: str) -> int:
    """The calendar year a reporting year starts in: "2016-17" -> 2016."""
    first, _, second = label.partition("-")
    if not (first.isdigit() and len(first) == 4 and second.isdigit() and len(second) == 2):
        raise ValueError(f"{label!r} is not a reporting year like 2016-17")
    if (int(first) + 1) % 100 != int(second):
        raise ValueError(f"{label!r} is not a reporting year like 2016-17")
    return int(first)


def connect(backend: str = "duckdb") -> ibis.BaseBackend:
    """A connection to run the measures on: a fresh in-memory DuckDB, or the project's PostgreSQL
    database (settings.DATABASES) for "postgres"."""
    if backend == "duckdb":
        return ibis.duckdb.connect()
    if backend == "postgres":
        from django.conf import settings

        db = settings.DATABASES["default"]
        if "postgresql" not in db["ENGINE"]:
            raise ValueError("The project's database is not PostgreSQL")
        return ibis.postgres.connect(
            host=db["HOST"] or None,
            port=int(db["PORT"]) if db["PORT"] else None,
            user=db["USER"] or None,
            password=db["PASSWORD"] or None,
            database=db["NAME"],
        )
    raise ValueError(f"Unknown backend {backend!r}: use duckdb or postgres")


def compute(
    dataset: Dataset,
    years: Sequence[str] | None = None,
    backend: str = "duckdb",
    con: ibis.BaseBackend | None = None,
    convention: Convention | None = None,
) -> pa.Table:
    """Every journey measure for every council and year of the dataset (by default the years it
    covers: see `covered_years`), from its tables in memory."""
    con = con if con is not None else connect(backend)
    tables = {name: ibis.memtable(table) for name, table in dataset.tables.items()}
    return compute_tables(con, tables, years, convention)


def compute_folder(
    folder: Path | str,
    years: Sequence[str] | None = None,
    convention: Convention | None = None,
) -> pa.Table:
    """The same from a dataset folder's Parquet files, which DuckDB reads itself: the tables never
    pass through Python, so a national dataset needs no more memory than DuckDB's working set."""
    folder = Path(folder)
    if not (folder / MANIFEST).exists():
        raise DatasetError(f"{folder} is not a journey dataset: it has no {MANIFEST}")
    con = ibis.duckdb.connect()
    tables = {}
    for name in TABLES:
        path = folder / f"{name}.parquet"
        if not path.exists():
            raise DatasetError(f"{folder}: the table {name} is missing")
        tables[name] = con.read_parquet(path, table_name=name)
    return compute_tables(con, tables, years, convention)


def compute_tables(
    con: ibis.BaseBackend,
    tables: Mapping[str, ir.Table],
    years: Sequence[str] | None = None,
    convention: Convention | None = None,
) -> pa.Table:
    """Every journey measure over `tables` (the dataset's tables, by name, on `con`)."""
    years = sorted(years) if years else covered_years(con, tables)
    if not years:
        return RESULTS.empty_table()
    context = _context(con, tables, years, convention)
    formulas = list(FORMULAS.values())
    councils = set(_councils(con, tables))
    sums: Sums = {}
    for query in family_queries(context).values():
        summed = con.to_pyarrow(query).to_pylist()
        for key in query.columns[2:]:
            sums[key] = {(row["la"], row["year"]): row[key] for row in summed}
        councils.update(row["la"] for row in summed)
    population = _population(con, tables, years)
    frame = [(la, year) for la in sorted(councils) for year in years]
    return _results(formulas, frame, sums, population)


def members(
    dataset: Dataset,
    measure_id: str,
    la: str,
    year: str,
    con: ibis.BaseBackend | None = None,
    convention: Convention | None = None,
) -> list[str]:
    """The child_ids behind a measure's figure for one council and year: the children of the rows
    its numerator counts (for a median, of the records it is the median of), each once."""
    formula = FORMULAS[measure_id]
    counted = formula.numerator or formula.denominator
    assert isinstance(counted, Column)
    con = con if con is not None else connect()
    tables = {}
    for name, table in dataset.tables.items():
        source = ibis.memtable(table)
        tables[name] = source.filter(source.la == la)
    context = _context(con, tables, [year], convention)
    rows = counted.family.rows(context)
    chosen = rows.filter(rows.la == la, rows.year == year, rows[counted.name] == 1)
    found = con.to_pyarrow(chosen.select("child_id").distinct())
    return sorted(found.column("child_id").to_pylist())


def covered_years(con: ibis.BaseBackend, tables: Mapping[str, ir.Table]) -> list[str]:
    """The years a dataset is for: those of its population table. Without one, the years of its
    contacts (or, with none, of its referrals) but the first, which only gives the look-back of the
    12-month measures (a dataset of one year gives that year). Contacts rather than referrals
    when there are some, because a dataset holds every referral still open in its span, however
    old, but only the contacts received in it."""
    population = con.to_pyarrow(tables["population"].select("year").distinct())
    stated = sorted(population.column("year").to_pylist())
    if stated:
        return stated
    for name, column in (("contacts", "received_at"), ("referrals", "referral_date")):
        table = tables[name]
        span = con.to_pyarrow(
            table.aggregate(
                first=starting_year(table[column]).min(), last=starting_year(table[column]).max()
            )
        ).to_pylist()[0]
        if span["first"] is not None:
            first, last = int(span["first"]), int(span["last"])
            return [year_label(starts) for starts in range(min(first + 1, last), last + 1)]
    return []


def years_table(years: Iterable[str]) -> pa.Table:
    rows = []
    for label in years:
        starts = year_starts(label)
        last = date(starts + 1, 3, 31)
        rows.append(
            {
                "year": label,
                "starts": starts,
                "first": date(starts, 4, 1),
                "last": last,
                "two_years_before": date(starts - 1, 3, 31),
                "opens": _london_midnight(date(starts, 4, 1)),
                "closes": _london_midnight(date(starts + 1, 4, 1)),
            }
        )
    return pa.Table.from_pylist(
        rows,
        schema=pa.schema(
            [
                ("year", pa.string()),
                ("starts", pa.int64()),
                ("first", pa.date32()),
                ("last", pa.date32()),
                ("two_years_before", pa.date32()),
                ("opens", pa.timestamp("us", tz="UTC")),
                ("closes", pa.timestamp("us", tz="UTC")),
            ]
        ),
    )


def calendar_table(first: date, last: date) -> pa.Table:
    """Each day from `first` to `last` with the working days counted up to it: `through` includes
    the day, `before` does not. Working days come from safeguard.core.calendar."""
    days, through, before = [], [], []
    count = 0
    day = first
    while day <= last:
        days.append(day)
        before.append(count)
        count += is_working_day(day)
        through.append(count)
        day += timedelta(days=1)
    return pa.table(
        {
            "day": pa.array(days, pa.date32()),
            "through": pa.array(through, pa.int64()),
            "before": pa.array(before, pa.int64()),
        }
    )


def _london_midnight(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=LONDON).astimezone(UTC)


def _context(
    con: ibis.BaseBackend,
    tables: Mapping[str, ir.Table],
    years: Sequence[str],
    convention: Convention | None,
) -> Context:
    first = date(year_starts(min(years)), 4, 1)
    last = date(year_starts(max(years)) + 1, 3, 31)
    dates = [
        tables[name].select(day=tables[name][column].cast("date"))
        for name, columns in WORKING_DAY_DATES.items()
        for column in columns
    ]
    together = ibis.union(*dates)
    span = con.to_pyarrow(together.aggregate(first=together.day.min(), last=together.day.max()))
    found = span.to_pylist()[0]
    # A day either side, so that counting from the day before a start (day 1) finds its row.
    first = min(first, found["first"] or first) - timedelta(days=1)
    last = max(last, found["last"] or last) + timedelta(days=1)
    return Context(
        tables,
        ibis.memtable(years_table(years)),
        ibis.memtable(calendar_table(first, last)),
        convention if convention is not None else default_convention(),
    )


def _councils(con: ibis.BaseBackend, tables: Mapping[str, ir.Table]) -> list[str]:
    codes = ibis.union(*(tables[name].select("la") for name in COUNCIL_TABLES), distinct=True)
    return sorted(con.to_pyarrow(codes).column("la").to_pylist())


def _population(
    con: ibis.BaseBackend, tables: Mapping[str, ir.Table], years: Sequence[str]
) -> dict[tuple[str, str], float]:
    population = tables["population"]
    found = con.to_pyarrow(population.filter(population.year.isin(list(years))))
    return {(row["la"], row["year"]): float(row["children"]) for row in found.to_pylist()}


def family_queries(context: Context) -> dict[Family, ir.Table]:
    """The query of each family the measures use: la, year, then a column per numerator,
    denominator or median (named by `Column.key`)."""
    return {
        family: _summed(context, family, aggregates)
        for family, aggregates in _aggregates(FORMULAS.values()).items()
    }


def _summed(context: Context, family: Family, aggregates: dict[Column, str]) -> ir.Table:
    """The family's rows summed (or their median taken) by council and year."""
    rows = family.rows(context)
    return rows.group_by("la", "year").aggregate(
        **{
            column.key: rows[column.name].median() if how == "median" else rows[column.name].sum()
            for column, how in aggregates.items()
        }
    )


def _aggregates(formulas: Iterable[Formula]) -> dict[Family, dict[Column, str]]:
    """For each family used, the columns to sum and those to take the median of."""
    found: dict[Family, dict[Column, str]] = {}
    for formula in formulas:
        for column in (formula.numerator, formula.denominator):
            if isinstance(column, Column):
                found.setdefault(column.family, {})[column] = "sum"
        if formula.median is not None:
            found.setdefault(formula.median.family, {})[formula.median] = "median"
    return found


Sums = dict[str, dict[tuple[str, str], float]]  # column key -> (la, year) -> sum or median


def _results(
    formulas: Iterable[Formula],
    frame: list[tuple[str, str]],
    sums: Sums,
    population: dict[tuple[str, str], float],
) -> pa.Table:
    """One row per formula, council and year, in that order."""
    columns: dict[str, list] = {name: [] for name in RESULTS.names}
    for formula in formulas:
        for key in frame:
            numerator, denominator, value = _figure(formula, key, sums, population)
            for name, item in zip(
                RESULTS.names,
                (formula.measure.id, *key, numerator, denominator, value),
                strict=True,
            ):
                columns[name].append(item)
    return pa.table(columns, schema=RESULTS)


_SCALE = {Unit.PER_10K: 10_000.0, Unit.PERCENT: 100.0, Unit.RATIO: 1.0}


def _figure(
    formula: Formula,
    key: tuple[str, str],
    sums: Sums,
    population: dict[tuple[str, str], float],
) -> tuple[float | None, float | None, float | None]:
    def count(column: Column) -> float:
        # No rows for a council and year is a count of 0, not an unknown.
        return float(sums[column.key].get(key) or 0)

    if formula.denominator == POPULATION:
        denominator = population.get(key)
    elif isinstance(formula.denominator, Column):
        denominator = count(formula.denominator)
    else:
        denominator = None
    unit = formula.measure.unit
    if unit == Unit.WORKING_DAYS:
        assert formula.median is not None
        median = sums[formula.median.key].get(key)
        return None, denominator, None if median is None else float(median)
    assert formula.numerator is not None
    numerator = count(formula.numerator)
    if unit == Unit.COUNT:
        return numerator, denominator, numerator
    if not denominator:
        return numerator, denominator, None
    return numerator, denominator, numerator * _SCALE[unit] / denominator

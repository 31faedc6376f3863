"""What every journey measure is built from: row families, formulas and the dataset's context.

A journey measure counts rows. Each *family* is an Ibis expression giving one row per thing
counted (a referral, an assessment, a child looked after at 31 March), labelled with the council
(`la`), the reporting year (`year`) and the child (`child_id`), and carrying indicator columns
(1 when the row counts towards a numerator, else 0) and, for medians, a value column. A measure's
*formula* names the columns of its numerator and denominator (or the population, or a median).
The engine sums each family's indicators by council and year, one query per family; `members`
lists the children of a numerator's rows. So a count, its rate and the children behind it
never disagree.

Years are reporting years, "2016-17" for 1 April 2016 to 31 March 2017; a snapshot is taken at
the year's last day. Working days go through the project's calendar (`Context.working_days`).
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal

import ibis
import ibis.expr.types as ir

from safeguard.core.calendar import Convention
from safeguard.measures.registry import Measure, Unit, register


def flag(condition: ir.BooleanValue) -> ir.IntegerValue:
    """1 where the condition holds, else 0 (an unknown counts as 0). A CASE, not a cast: PostgreSQL
    cannot cast a boolean to a number."""
    return ibis.ifelse(condition, 1, 0)


def utc_clock(instant: ir.TimestampValue) -> ir.TimestampValue:
    """A UTC timestamp as its clock time (a timestamp without a time zone): month arithmetic on a
    timestamp with a time zone goes through the time zone's rules, several times slower on
    DuckDB, for nothing (Ibis sets each connection's session time zone to UTC)."""
    return instant.cast("timestamp")


def starting_year(day: ir.DateValue | ir.TimestampValue) -> ir.IntegerValue:
    """The calendar year in which the reporting year holding `day` starts (1 April)."""
    return day.year() - ibis.ifelse(day.month() < 4, 1, 0)


class Context:
    """The dataset's tables on one backend, the years asked for and the working-day calendar.

    `years` has a row per reporting year: year ("2016-17"), starts (its calendar year, 2016),
    first and last (1 April, 31 March), two_years_before (31 March two years before the last day),
    opens and closes (1 April 00:00 London time this year and next, as UTC instants, for columns
    that are timestamps). `calendar` has a row per day with `through` (working days from the
    calendar's start to the day, the day included) and `before` (the same, the day excluded).
    """

    def __init__(
        self,
        tables: Mapping[str, ir.Table],
        years: ir.Table,
        calendar: ir.Table,
        convention: Convention,
    ) -> None:
        self.tables, self.years, self.calendar = tables, years, calendar
        self.convention = convention

    def table(self, name: str) -> ir.Table:
        return self.tables[name]

    def in_year(self, table: ir.Table, column: str) -> ir.Table:
        """The rows whose date `column` falls in one of the years, labelled with it."""
        dated = table.filter(table[column].notnull()).mutate(_starts=starting_year(table[column]))
        years = self.years.select(_starts="starts", year="year")
        return dated.join(years, "_starts").drop("_starts")

    def in_year_instant(self, table: ir.Table, column: str) -> ir.Table:
        """The rows whose timestamp `column` falls in one of the years: from `opens` (1 April
        00:00 London time, as a UTC instant) to before `closes` (the next 1 April's). A contact at
        00:30 on 1 April in summer time is 23:30 UTC the day before, and in the new year."""
        years = self.years.select("year", "opens", "closes")
        instant = table[column]
        joined = table.join(years, [instant >= years.opens, instant < years.closes])
        return joined.drop("opens", "closes")

    def open_at_year_end(self, table: ir.Table, start: str, end: str) -> ir.Table:
        """The rows open at a year's last day, one per year: started on or before it and not
        ended by it (a record ending on 31 March is not open at 31 March). Adds `last` and
        `two_years_before`."""
        years = self.years.select("year", "last", "two_years_before")
        return table.join(
            years,
            [table[start] <= years["last"], table[end].isnull() | (table[end] > years["last"])],
        )

    def open_during_year(self, table: ir.Table, start: str, end: str) -> ir.Table:
        """The rows open at some time in a year: started by its last day, not ended before its
        first."""
        years = self.years.select("year", "first", "last")
        return table.join(
            years,
            [table[start] <= years["last"], table[end].isnull() | (table[end] >= years["first"])],
        ).drop("first", "last")

    def working_days(self, table: ir.Table, start: str, end: str, name: str) -> ir.Table:
        """`table` with a column `name`: the working days from `start` to `end`, as
        `safeguard.core.calendar.working_days_between` counts them under the convention.

        Start is day 0 (the project default): the working days after `start` up to and including
        `end`, that is through(end) - through(start). Start is day 1 (the DfE's validator): the
        working days from `start` to `end`, both included, that is through(end) - before(start).
        Never below 0 (an end before its start counts 0, as working_days_between does). Null when
        either date is missing.
        """
        counted_from = "before" if self.convention is Convention.START_IS_DAY_1 else "through"
        starts = self.calendar.select(_start_day="day", _start_count=counted_from)
        ends = self.calendar.select(_end_day="day", _end_count="through")
        joined = table.left_join(starts, table[start] == starts._start_day).left_join(
            ends, table[end] == ends._end_day
        )
        difference = joined._end_count - joined._start_count
        counted = joined.mutate(**{name: ibis.greatest(difference, 0)})
        return counted.drop("_start_day", "_start_count", "_end_day", "_end_count")


@dataclass(frozen=True)
class Column:
    family: "Family"
    name: str

    @property
    def key(self) -> str:
        """The column's name in the engine's wide result: unique across families."""
        return f"{self.family.name}__{self.name}"


@dataclass(frozen=True)
class Family:
    """One row per thing counted: la, year, child_id, then indicator and value columns."""

    name: str
    rows: Callable[[Context], ir.Table]

    def __getitem__(self, column: str) -> Column:
        return Column(self, column)


def family(function: Callable[[Context], ir.Table]) -> Family:
    """Declare a family from the function that builds its rows (named after the function)."""
    return Family(function.__name__.lstrip("_"), function)


POPULATION = "population"


@dataclass(frozen=True)
class Formula:
    measure: Measure
    numerator: Column | None
    denominator: Column | Literal["population"] | None
    median: Column | None = None

    def columns(self) -> list[Column]:
        return [c for c in (self.numerator, self.denominator, self.median) if isinstance(c, Column)]

    @property
    def counted(self) -> Column:
        """The rows whose children are "the children behind the figure"."""
        counted = self.numerator or self.median
        assert counted is not None
        return counted


# Every journey measure's formula, in the order the catalogue declares them.
FORMULAS: dict[str, Formula] = {}


def journey_measure(
    measure: Measure,
    numerator: Column | None,
    denominator: Column | Literal["population"] | None = None,
    median: Column | None = None,
) -> Formula:
    """Register a journey measure and the formula the engine computes it by."""
    expected = {
        Unit.PER_10K: numerator is not None and denominator == POPULATION,
        Unit.PERCENT: numerator is not None and isinstance(denominator, Column),
        Unit.RATIO: numerator is not None and isinstance(denominator, Column),
        Unit.COUNT: numerator is not None and denominator is None,
        Unit.WORKING_DAYS: median is not None and isinstance(denominator, Column),
    }
    if not expected[measure.unit] or (median is not None and measure.unit != Unit.WORKING_DAYS):
        raise ValueError(f"Measure {measure.id}: its formula does not fit its unit {measure.unit}")
    register(measure)
    formula = Formula(measure, numerator, denominator, median)
    FORMULAS[measure.id] = formula
    return formula

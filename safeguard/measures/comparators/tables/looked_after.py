"""Children looked after at 31 March, number and rate per 10,000: Children looked after in
England including adoptions, EES (the file holds 2020-21 onwards)."""

from safeguard.measures.comparators.csvfile import Row
from safeguard.measures.comparators.tables.base import (
    EES_COLUMNS,
    FigureRecord,
    Table,
    ees_area,
    four_digit_year,
    number,
    published,
    skipped,
    year_ending,
)

AT_31_MARCH = "Children looked after on 31 March each year"


def looked_after(row: Row) -> list[FigureRecord] | str:
    area = ees_area(row)
    if area is None:
        return skipped(row)
    if row["population_type"] != AT_31_MARCH:
        # Children starting and ceasing to be looked after: no measure in the catalogue.
        return f"{row['population_type']} rows"
    year = year_ending(four_digit_year(row))
    return [
        published(
            "cla_rate",
            area,
            year,
            number(row, "rate_per_10000"),
            number(row, "children_count"),
            number(row, "population_estimate"),
        )
    ]


CLA = Table(
    key="CLA",
    title="Children looked after at 31 March, number and rate per 10,000 children",
    columns=EES_COLUMNS
    | {"population_type", "population_estimate", "children_count", "rate_per_10000"},
    read_row=looked_after,
    measures=("cla_rate",),
)

"""Children aged 0 to 17: the ONS mid-year population estimates as the DfE publishes them.

The file's time_period is the year of the estimate (mid-2016 is "2016"), and the DfE divides a
reporting year's counts by the estimate for the June inside it: 2016-17 by mid-2016. (The looked
after file shows it: its 2024-25 rows carry the mid-2024 estimate, 12,183,016 for England.)
"""

from safeguard.measures.comparators.csvfile import Row
from safeguard.measures.comparators.models import Symbol
from safeguard.measures.comparators.tables.base import (
    EES_COLUMNS,
    Missing,
    PopulationRecord,
    RowError,
    Table,
    ees_area,
    four_digit_year,
    number,
    skipped,
    year_starting,
)

CHILDREN = "Children aged 0 to 17 years"


def children(row: Row) -> list[PopulationRecord] | str:
    area = ees_area(row)
    if area is None:
        return skipped(row)
    if row["age_group"] != CHILDREN:
        return f"{row['age_group']} rows"
    mid_year = four_digit_year(row)
    cell = number(row, "population_estimate")
    if isinstance(cell, Missing):
        return [PopulationRecord(area, year_starting(mid_year), mid_year, None, cell.symbol)]
    if cell < 0 or cell != int(cell):
        raise RowError(f"population_estimate is {cell:g}, not a number of children")
    return [PopulationRecord(area, year_starting(mid_year), mid_year, int(cell), Symbol.PUBLISHED)]


ONS = Table(
    key="ONS",
    title="ONS mid-year population estimates, children aged 0 to 17",
    columns=EES_COLUMNS | {"age_group", "population_estimate"},
    read_row=children,
)

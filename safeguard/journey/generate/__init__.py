"""A synthetic journey dataset, calibrated to England's 2016-17 figures (rates.TARGETS).

`generate(councils, first_year, last_year, seed)` simulates every child of each council from birth
(simulate.py: referrals to closure; care.py: periods of care) and returns the dataset as it stood
on 31 March at the end of `last_year`. The dataset holds every record open at some time from
1 April of the year *before* `first_year` (so that the 12-month look-backs of the measures, such
as re-referrals, hold in every requested year) to that 31 March. The same seed gives the same
dataset; each council has its own random streams, so councils do not change each other.
"""

import gc
import re
from collections.abc import Sequence
from datetime import date

import pyarrow as pa

from safeguard.journey.dataset import Dataset
from safeguard.journey.generate.authorities import councils_for
from safeguard.journey.generate.council import Council, simulate_council
from safeguard.journey.generate.emit import Rows
from safeguard.journey.schema import DATE, TABLES, TIMESTAMP

__all__ = ["Council", "councils_for", "generate", "reporting_years", "span"]

_YEAR = re.compile(r"(\d{4})-(\d{2})")


def reporting_years(text: str) -> tuple[int, int]:
    """The first and last years' starting years from "2014-15:2016-17" (or just "2016-17")."""
    parts = text.split(":")
    years = []
    for part in parts:
        found = _YEAR.fullmatch(part.strip())
        if not found or (int(found[1]) + 1) % 100 != int(found[2]):
            raise ValueError(f"{part!r} is not a reporting year like 2016-17")
        years.append(int(found[1]))
    if len(years) not in (1, 2) or years[0] > years[-1]:
        raise ValueError(f"{text!r} is not a range of reporting years like 2014-15:2016-17")
    return years[0], years[-1]


def span(first_year: int, last_year: int) -> tuple[date, date]:
    """The dataset's first and last days: a look-back year, then the requested years."""
    return date(first_year - 1, 4, 1), date(last_year + 1, 3, 31)


def generate(
    councils: Sequence[Council], first_year: int, last_year: int, seed: int | str
) -> Dataset:
    first, last = span(first_year, last_year)
    rows = Rows()
    # Millions of small records that live until the end and make no cycles: the cyclic garbage
    # collector would walk them again and again, doubling the time, and find nothing to free.
    collecting = gc.isenabled()
    gc.disable()
    try:
        for council in councils:
            rows.extend(simulate_council(council, first, last, seed))
        return Dataset.build({name: _table(name, rows.columns[name]) for name in TABLES})
    finally:
        if collecting:
            gc.enable()


def _table(name: str, columns: dict[str, list]) -> pa.Table:
    schema = TABLES[name]
    arrays = []
    for field in schema:
        values = columns[field.name]
        if field.type == DATE:
            arrays.append(pa.array(values, pa.int32()).cast(DATE))
        elif field.type == TIMESTAMP:
            arrays.append(pa.array(values, pa.int64()).cast(TIMESTAMP))
        else:
            arrays.append(pa.array(values, field.type))
    return pa.Table.from_arrays(arrays, schema=schema)

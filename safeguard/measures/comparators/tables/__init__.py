"""The DfE tables the comparator store reads, each recognised by its columns (not its name)."""

from safeguard.measures.comparators.tables.base import Table
from safeguard.measures.comparators.tables.children_in_need import B1, C1
from safeguard.measures.comparators.tables.looked_after import CLA
from safeguard.measures.comparators.tables.neighbours import SN2021, SN2025
from safeguard.measures.comparators.tables.population import ONS
from safeguard.measures.comparators.tables.protection import D3, D5, S47
from safeguard.measures.comparators.tables.workforce import CSWW

TABLES: tuple[Table, ...] = (ONS, B1, C1, S47, D3, D5, CLA, CSWW, SN2021, SN2025)


def recognise(header: tuple[str, ...]) -> Table | None:
    """The one table whose identifying columns the header has, or None."""
    present = set(header)
    matches = [table for table in TABLES if table.columns <= present]
    if len(matches) > 1:
        # A file with every column of two tables is not one the DfE publishes.
        raise ValueError("its columns are those of " + " and ".join(t.title for t in matches))
    return matches[0] if matches else None

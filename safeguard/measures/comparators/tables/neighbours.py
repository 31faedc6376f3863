"""The DfE's statistical neighbours: each council's ten most similar councils, closest first.

Two lists: the groupings of April 2021 (New_Statistical_Neighbour_Groupings_April_2021.csv) and
the 2025 model (sn_model_2025_wide.csv). The list in force in 2016-17 was not found, so every
comparison says which of the two it used.
"""

from safeguard.measures.comparators.csvfile import Row
from safeguard.measures.comparators.tables.base import NeighbourRecord, RowError, Table

RANKS = range(1, 11)


def _la_code(text: str, what: str) -> str:
    if len(text) != 3 or not text.isdigit():
        raise RowError(f"{what} is {text!r}, not a three-digit LA code")
    return text


def _neighbours(model: str, row: Row, code: str, name: str, columns: list[tuple[int, int]]):
    la = _la_code(code, "the council's LA code")
    return [
        NeighbourRecord(
            model, la, name, rank, _la_code(row.at(at), f"neighbour {rank}"), row.at(closeness)
        )
        for rank, (at, closeness) in zip(RANKS, columns, strict=True)
    ]


def groupings_2021(row: Row) -> list[NeighbourRecord] | str:
    if not row["LA num"]:
        # "Old SNs:", heading the councils that were reorganised (Dorset, Northamptonshire…).
        return "heading rows"
    # Every neighbour column is followed by its closeness, all ten headed "SNP": read by position.
    columns = [(row.header.index(f"SN{rank}"), row.header.index(f"SN{rank}") + 1) for rank in RANKS]
    return _neighbours("2021", row, row["LA num"], row["LA Name"], columns)


def model_2025(row: Row) -> list[NeighbourRecord] | str:
    if not row["old_la_code"]:
        return "heading rows"
    columns = [(row.header.index(f"SN_{rank}"), row.header.index(f"SN_{rank}P")) for rank in RANKS]
    return _neighbours("2025", row, row["old_la_code"], row["la_name"], columns)


SN2021 = Table(
    key="SN2021",
    title="Statistical neighbour groupings, April 2021",
    columns=frozenset({"LA num", "LA Name", "GOReg", "SNP", *(f"SN{rank}" for rank in RANKS)}),
    read_row=groupings_2021,
)

SN2025 = Table(
    key="SN2025",
    title="Statistical neighbour model, 2025",
    columns=frozenset(
        {"old_la_code", "la_name", "region_name"}
        | {f"SN_{rank}" for rank in RANKS}
        | {f"SN_{rank}P" for rank in RANKS}
    ),
    read_row=model_2025,
)

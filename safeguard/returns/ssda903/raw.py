"""An SSDA903 return as it was written: every value a string, every row with its line.

Both forms (a CSV file per table, or one XML file) are read into these raw tables, named and
columned as the CSV specification names them, so one set of checks (`strict`) serves both. Only
the columns the journey dataset keeps are gathered; `left_out` counts the values it has no
place for. The XML form says whether a child came unaccompanied and seeking asylum in the
child's header (<UASC>1</UASC>); its rows carry that flag in a UASC column the CSV form implies.
"""

from dataclasses import dataclass, field
from typing import Literal

import pyarrow as pa

RAW_COLUMNS: dict[str, tuple[str, ...]] = {
    "Header": ("CHILD", "SEX", "DOB", "ETHNIC", "UPN"),
    "UASC": ("CHILD", "UASC", "DUC"),
    "Episodes": (
        "CHILD",
        "DECOM",
        "RNE",
        "LS",
        "CIN",
        "PLACE",
        "PLACE_PROVIDER",
        "DEC",
        "REC",
        "REASON_PLACE_CHANGE",
        "HOME_POST",
        "PL_POST",
        "URN",
    ),
    "Reviews": ("CHILD", "REVIEW", "REVIEW_CODE"),
    "Missing": ("CHILD", "MISSING", "MIS_START", "MIS_END"),
}


def raw_schema(name: str) -> pa.Schema:
    return pa.schema(
        [(column, pa.string()) for column in RAW_COLUMNS[name]] + [("line", pa.int64())]
    )


class Rows:
    """One raw table's rows, gathered as tuples and turned into record batches now and then, so
    the Python objects of a large return never pile up."""

    __slots__ = ("batches", "rows", "schema")

    def __init__(self, schema: pa.Schema) -> None:
        self.schema = schema
        self.rows: list[tuple] = []
        self.batches: list[pa.RecordBatch] = []

    def flush(self) -> None:
        if self.rows:
            columns = zip(*self.rows, strict=True)
            arrays = [pa.array(c, type=f.type) for c, f in zip(columns, self.schema, strict=True)]
            self.batches.append(pa.RecordBatch.from_arrays(arrays, schema=self.schema))
            self.rows = []

    def table(self) -> pa.Table:
        self.flush()
        return pa.Table.from_batches(self.batches, schema=self.schema)


@dataclass
class RawReturn:
    """The raw tables of one return, where each was read from, and what was left out."""

    form: Literal["CSV", "XML"]
    name: str  # the folder, zip or XML file, as a person would name it
    tables: dict[str, pa.Table]
    sources: dict[str, str]  # table -> the file its rows came from
    left_out: dict[str, int] = field(default_factory=dict)

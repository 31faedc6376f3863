"""One raw table's columns checked and converted: dates, codes, text.

Each check is one vectorised pass over a column; the rows that do not fit are noted with their
lines, and come back empty so the other checks can go on.
"""

import re

import pyarrow as pa
import pyarrow.compute as pc

from safeguard.returns.ssda903.codes import LABELS
from safeguard.returns.ssda903.problems import SHOWN, Problem, Problems
from safeguard.returns.ssda903.raw import RawReturn

DATE_FORMAT = "%d/%m/%Y"
DATE_WRITTEN = "a real date written DD/MM/YYYY"
# The XML form names two values differently, and each row is one element.
XML_NAMES = {"CHILD": "CHILDID", "PLACE": "PL"}
XML_RECORDS = {
    "Header": "HEADER",
    "UASC": "HEADER",
    "Episodes": "EPISODE",
    "Reviews": "AREVIEW",
    "Missing": "AMISSING",
}


def _natural(code: str) -> tuple[str, int, str]:
    letters, digits = re.match(r"([A-Z]*)(\d*)", code).groups()
    return (letters, int(digits) if digits else -1, code)


class Columns:
    """One raw table's values, checked and converted column by column."""

    def __init__(
        self,
        name: str,
        raw: RawReturn,
        problems: Problems,
        codes: dict[str, frozenset[str]],
        which: str,
    ) -> None:
        self.table = raw.tables[name]
        self.source = raw.sources.get(name, raw.name)
        self.xml = raw.form == "XML"
        self.record = XML_RECORDS[name] if self.xml else None
        self.lines = self.array("line")
        self.problems = problems
        self.codes = codes
        self.which = which

    def __len__(self) -> int:
        return self.table.num_rows

    def array(self, column: str) -> pa.Array:
        return self.table.column(column).combine_chunks()

    def field(self, column: str) -> str:
        return XML_NAMES.get(column, column) if self.xml else column

    def note(self, bad: pa.Array, values: pa.Array, column: str, expected: str) -> None:
        """Note the rows where `bad` holds, showing their `values`."""
        where = pc.indices_nonzero(pc.fill_null(bad, False))
        if len(where):
            shown = pc.take(values, where[:SHOWN]).to_pylist()
            self.note_rows(where.to_pylist(), shown, column, expected, len(where))

    def note_rows(
        self, rows: list[int], values: list, column: str, expected: str, total: int
    ) -> None:
        lines = pc.take(self.lines, pa.array(rows[:SHOWN], pa.int64())).to_pylist()
        found = [
            Problem(self.source, line, self.record, self.field(column), value, expected)
            for line, value in zip(lines, values[:SHOWN], strict=True)
        ]
        self.problems.note(found, total)

    def text(self, column: str, *, required: bool = False) -> pa.Array:
        trimmed = pc.utf8_trim_whitespace(self.array(column))
        values = pc.if_else(pc.equal(trimmed, ""), pa.scalar(None, pa.string()), trimmed)
        if required:
            self.note(pc.is_null(values), values, column, "a value: the journey dataset needs one")
        return values

    def date(self, column: str, *, required: bool = False) -> pa.Array:
        written = self.text(column, required=required)
        parsed = pc.strptime(written, format=DATE_FORMAT, unit="s", error_is_null=True)
        # strptime rolls 30 February over into March, and takes 1/2/2017: a real date written
        # as the specification says writes back exactly as it was read.
        real = pc.equal(pc.strftime(parsed, format=DATE_FORMAT), written)
        bad = pc.and_(pc.is_valid(written), pc.invert(pc.fill_null(real, False)))
        self.note(bad, written, column, DATE_WRITTEN)
        return pc.if_else(bad, pa.scalar(None, pa.date32()), pc.cast(parsed, pa.date32()))

    def code(self, column: str, code_list: str = "", *, required: bool = False) -> pa.Array:
        code_list = code_list or column
        written = self.text(column, required=required)
        known = pc.is_in(written, pa.array(sorted(self.codes[code_list]), pa.string()))
        bad = pc.and_(pc.is_valid(written), pc.invert(known))
        self.note(bad, written, column, self.expected(code_list))
        return pc.if_else(bad, pa.scalar(None, pa.string()), written)

    def expected(self, code_list: str) -> str:
        codes = sorted(self.codes[code_list], key=_natural)
        listed = ", ".join(codes[:12]) + (", …" if len(codes) > 12 else "")
        return f"{self.which} {LABELS[code_list]} code ({listed})"

"""One raw table's columns checked and converted: dates, flags, codes, counts.

Each check is one vectorised pass over a column; the rows that do not fit are noted with their
lines, and come back empty so the other checks can go on.
"""

import re

import pyarrow as pa
import pyarrow.compute as pc

from safeguard.returns.cin_xml.codes import LABELS
from safeguard.returns.cin_xml.problems import RECORDS, SHOWN, Problems
from safeguard.returns.cin_xml.years import CensusYear

DATE_WRITTEN = "a real date written YYYY-MM-DD"


def _natural(code: str) -> tuple[int, str]:
    digits = re.match(r"\d*", code)[0]
    return (int(digits) if digits else -1, code)


class Columns:
    """One raw table's values, checked and converted column by column."""

    def __init__(
        self,
        name: str,
        table: pa.Table,
        problems: Problems,
        codes: dict[str, frozenset[str]],
        census: CensusYear,
    ) -> None:
        self.record = RECORDS[name]
        self.table = table
        self.lines = self.array("line")
        self.problems = problems
        self.codes = codes
        self.census = census

    def __len__(self) -> int:
        return self.table.num_rows

    def array(self, column: str) -> pa.Array:
        return self.table.column(column).combine_chunks()

    def _note(self, bad: pa.Array, values: pa.Array, element: str, expected: str) -> None:
        where = pc.indices_nonzero(pc.fill_null(bad, False))
        if len(where):
            self._note_at(where, pc.take(values, where[:SHOWN]), element, expected, len(where))

    def _note_at(
        self, rows: pa.Array, values: pa.Array, element: str, expected: str, total: int
    ) -> None:
        lines = pc.take(self.lines, rows[:SHOWN]).to_pylist()
        found = values[:SHOWN].to_pylist()
        self.problems.note(self.record, lines, found, element, expected, total)

    def text(self, column: str, element: str = "", *, required: bool = False) -> pa.Array:
        trimmed = pc.utf8_trim_whitespace(self.array(column))
        values = pc.if_else(pc.equal(trimmed, ""), pa.scalar(None, pa.string()), trimmed)
        if required:
            self._note(pc.is_null(values), values, element, "a value: the census requires one")
        return values

    def date(self, column: str, element: str, *, required: bool = False) -> pa.Array:
        written = self.text(column, element, required=required)
        parsed = pc.strptime(written, format="%Y-%m-%d", unit="s", error_is_null=True)
        # strptime rolls 30 February over into March: a real date writes back as it was read.
        real = pc.equal(pc.strftime(parsed, format="%Y-%m-%d"), written)
        bad = pc.and_(pc.is_valid(written), pc.invert(pc.fill_null(real, False)))
        self._note(bad, written, element, DATE_WRITTEN)
        return pc.if_else(bad, pa.scalar(None, pa.date32()), pc.cast(parsed, pa.date32()))

    def flag(self, column: str, element: str) -> pa.Array:
        written = self.text(column, element, required=True)
        lower = pc.utf8_lower(written)
        yes, no = (
            pc.is_in(lower, pa.array(["true", "1"])),
            pc.is_in(lower, pa.array(["false", "0"])),
        )
        bad = pc.and_(pc.is_valid(written), pc.invert(pc.or_(yes, no)))
        self._note(bad, written, element, "true, false, 1 or 0")
        return pc.if_else(yes, True, pc.if_else(no, False, pa.scalar(None, pa.bool_())))

    def code(
        self, column: str, element: str, code_list: str, *, required: bool = False
    ) -> pa.Array:
        written = self.text(column, element, required=required)
        known = pc.is_in(written, self._value_set(code_list))
        bad = pc.and_(pc.is_valid(written), pc.invert(known))
        self._note(bad, written, element, self._expected(code_list))
        return written

    def codes_listed(self, column: str, element: str, code_list: str) -> pa.Array:
        """A list of codes; an absent list is an empty one."""
        lists = self.array(column)
        lists = pc.if_else(pc.is_valid(lists), lists, pa.scalar([], lists.type))
        offsets = pc.subtract(lists.offsets, lists.offsets[0])
        trimmed = pc.utf8_trim_whitespace(pc.list_flatten(lists))
        rows = pc.list_parent_indices(lists)
        bad = pc.invert(pc.fill_null(pc.is_in(trimmed, self._value_set(code_list)), False))
        where = pc.indices_nonzero(bad)
        if len(where):
            shown = where[:SHOWN]
            self._note_at(
                pc.take(rows, shown),
                pc.take(trimmed, shown),
                element,
                self._expected(code_list),
                len(where),
            )
        return pa.ListArray.from_arrays(offsets, trimmed)

    def count(self, column: str, element: str) -> pa.Array:
        written = self.text(column, element)
        whole = pc.match_substring_regex(written, r"^\d{1,6}$")
        bad = pc.and_(pc.is_valid(written), pc.invert(pc.fill_null(whole, False)))
        self._note(bad, written, element, "a whole number, 0 or more")
        return pc.cast(pc.if_else(bad, pa.scalar(None, pa.string()), written), pa.int32())

    def _value_set(self, code_list: str) -> pa.Array:
        return pa.array(sorted(self.codes[code_list]), pa.string())

    def _expected(self, code_list: str) -> str:
        codes = sorted(self.codes[code_list], key=_natural)
        listed = ", ".join(codes[:12]) + (", …" if len(codes) > 12 else "")
        return f"a {self.census} census {LABELS[code_list]} code ({listed})"

"""Reading a DfE CSV file whole, refusing anything that is not one with the file and line named."""

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

# The largest published local-authority file is under 1 MB; this leaves room for many years more.
MAX_BYTES = 50_000_000


class ComparatorFileError(Exception):
    """A file that cannot be imported; the message names the file and, where it can, the line."""

    def __init__(self, path: Path, message: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        where = f"{path.name}, line {line}" if line else path.name
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class Row:
    """One data row, read by column name (the first column of that name) or by position."""

    line: int
    header: tuple[str, ...]
    cells: tuple[str, ...]

    def __getitem__(self, column: str) -> str:
        return self.cells[self.header.index(column)]

    def at(self, position: int) -> str:
        return self.cells[position]


@dataclass(frozen=True)
class CsvFile:
    path: Path
    data: bytes
    header: tuple[str, ...]
    rows: tuple[Row, ...]


def read_csv(path: Path) -> CsvFile:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ComparatorFileError(path, f"cannot be read ({error.strerror})") from None
    if len(data) > MAX_BYTES:
        raise ComparatorFileError(path, f"is larger than {MAX_BYTES // 1_000_000} MB")
    if b"\0" in data:
        line = data[: data.index(b"\0")].count(b"\n") + 1
        raise ComparatorFileError(path, "is not a CSV file (it holds binary data)", line)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ComparatorFileError(
            path, "is not UTF-8 text; save it as “CSV UTF-8” and import it again", line
        ) from None
    lines = _records(path, text)
    first = next(lines, None)
    if first is None:
        raise ComparatorFileError(path, "is empty")
    _, header = first
    if len(header) < 2:
        raise ComparatorFileError(path, "is not a CSV file (its first line has no commas)", 1)
    rows = []
    for line, cells in lines:
        if len(cells) != len(header):
            raise ComparatorFileError(
                path, f"has {len(cells)} values where the header has {len(header)} columns", line
            )
        rows.append(Row(line, header, tuple(cells)))
    return CsvFile(path, data, header, tuple(rows))


def _records(path: Path, text: str) -> Iterator[tuple[int, tuple[str, ...]]]:
    """Each non-blank record with the line it starts on; a quoted value may span lines."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    start = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise ComparatorFileError(
                path, f"is not valid CSV ({error})", reader.line_num
            ) from None
        if any(cell.strip() for cell in cells):
            yield start, tuple(cell.strip() for cell in cells)
        start = reader.line_num + 1

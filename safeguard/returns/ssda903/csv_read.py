"""Read an SSDA903 return's CSV files (a folder, a zip, or the files) into raw tables.

Each file is recognised by its header line: its columns must be exactly those of one table of
the year's return (in any order). The text must be UTF-8 (a byte-order mark is allowed), every
row must have one value per column, and a quoted value must be closed; anything else is refused
with the file, the line and what was expected. Files are read line by line.
"""

import csv
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO

import pyarrow as pa

from safeguard.returns.cin_xml.errors import ReturnFileError
from safeguard.returns.cin_xml.years import CensusYear
from safeguard.returns.ssda903.csv_files import CsvFile, csv_files
from safeguard.returns.ssda903.raw import RAW_COLUMNS, RawReturn, Rows, raw_schema
from safeguard.returns.ssda903.spec import ADDED, FILES, KEPT, LABELS, TABLES, tables_of

BATCH_ROWS = 20_000
# Values of kept tables the journey dataset has no place for: (table, columns, as said).
NOT_KEPT = (
    ("Header", ("MOTHER", "MC_DOB"), "mothers' details (MOTHER, MC_DOB)"),
    ("UASC", ("DUC",), "dates UASC status ceased (DUC)"),
)


def read_csv(location: Path | Sequence[Path], year: CensusYear | None) -> RawReturn:
    """The raw tables of a return's CSV files; `year` chooses the tables a file may be."""
    tables = tables_of(year)
    which = f"the {year} SSDA903 return" if year else "any year's SSDA903 return"
    with csv_files(location) as (name, files):
        read: dict[str, tuple[str, Rows | None]] = {}
        left_out: dict[str, int] = {}
        for file in files:
            with file.open() as stream:
                table, rows, skipped = _read_file(file, stream, tables, which)
            if table in read:
                raise ReturnFileError(
                    f"{name}: both {read[table][0]} and {file.name} hold the {table} table "
                    f"({LABELS[table]}): expected one file per table"
                )
            read[table] = (file.name, rows)
            left_out.update(skipped)
    for required in ("Header", "Episodes"):
        if required not in read:
            raise ReturnFileError(
                f"{name}: no {required} table ({LABELS[required]}) among the files: expected a "
                f"file such as {FILES[required]} with the columns {', '.join(TABLES[required])}"
            )
    return RawReturn(
        form="CSV",
        name=name,
        tables={t: _table(t, read.get(t, ("", None))[1]) for t in KEPT},
        sources={t: read[t][0] for t in read},
        left_out={label: n for label, n in left_out.items() if n},
    )


def _table(name: str, rows: Rows | None) -> pa.Table:
    return rows.table() if rows is not None else raw_schema(name).empty_table()


def _read_file(
    file: CsvFile, stream: IO[bytes], tables: dict[str, tuple[str, ...]], which: str
) -> tuple[str, Rows | None, dict[str, int]]:
    """The table a file holds, its rows if the dataset keeps them, and what was left out."""
    rows = _rows(file.name, _text_lines(file.name, stream))
    try:
        _, first = next(rows)
    except StopIteration:
        raise ReturnFileError(
            f"{file.name} is empty: expected a header line naming the columns of an SSDA903 table"
        ) from None
    columns = [c.strip() for c in first]
    table = _recognise(file.name, columns, tables, which)
    kept = Rows(raw_schema(table)) if table in KEPT else None
    positions = [columns.index(c) if c in columns else None for c in RAW_COLUMNS.get(table, ())]
    skipped = [
        (label, [columns.index(c) for c in not_kept])
        for owner, not_kept, label in NOT_KEPT
        if owner == table
    ]
    counts = {label: 0 for label, _ in skipped}
    count = 0
    for line, values in rows:
        if len(values) != len(columns):
            raise ReturnFileError(
                f"{file.name}, line {line}: {len(values)} values, but the header names "
                f"{len(columns)} columns: expected one value per column (is the file truncated, "
                "or a value with a comma in it not quoted?)"
            )
        count += 1
        if kept is None:
            continue
        # The one raw column a file lacks is UASC's flag: a row in uasc.csv says yes.
        kept.rows.append((*("1" if p is None else values[p] for p in positions), line))
        for label, places in skipped:
            counts[label] += any(values[p].strip() for p in places)
        if len(kept.rows) >= BATCH_ROWS:
            kept.flush()
    if kept is None:
        counts = {LABELS[table]: count}
    return table, kept, counts


def _rows(name: str, lines: Iterator[str]) -> Iterator[tuple[int, list[str]]]:
    """Each row that has a value, with the line it starts on."""
    reader = csv.reader(lines, strict=True)
    last = 0
    try:
        for values in reader:
            start, last = last + 1, reader.line_num
            if any(v.strip() for v in values):
                yield start, values
    except csv.Error as error:
        said = str(error)
        if "unexpected end of data" in said or "EOF" in said:
            said = (
                "the file ends inside a quoted value: expected its closing quote "
                "(is the file truncated?)"
            )
        else:
            said = f"{said}: expected each value quoted whole, or not at all"
        raise ReturnFileError(f"{name}, line {reader.line_num}: {said}") from None


def _text_lines(name: str, stream: IO[bytes]) -> Iterator[str]:
    """The file's lines as text, refusing anything but UTF-8 with the line it is on."""
    for number, line in enumerate(stream, 1):
        if number == 1:
            if line.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in line:
                raise ReturnFileError(
                    f"{name}, line 1: the file is saved as UTF-16: expected a CSV file saved as "
                    "UTF-8 (in Excel, “CSV UTF-8”)"
                )
            line = line.removeprefix(b"\xef\xbb\xbf")
        try:
            yield line.decode("utf-8")
        except UnicodeDecodeError as error:
            byte = line[error.start]
            guess = bytes([byte]).decode("cp1252", errors="replace")
            raise ReturnFileError(
                f"{name}, line {number}: the byte {byte:#04x} (character {error.start + 1}) is "
                f"not UTF-8 — perhaps “{guess}” saved as Windows or Latin-1 text: expected a CSV "
                "file saved as UTF-8"
            ) from None


def _recognise(
    name: str, columns: list[str], tables: dict[str, tuple[str, ...]], which: str
) -> str:
    twice = sorted({c for c in columns if columns.count(c) > 1})
    if twice:
        raise ReturnFileError(
            f"{name}, line 1: the column {', '.join(twice)} is named twice: expected each "
            "column once"
        )
    for table, expected in tables.items():
        if set(columns) == set(expected):
            return table
    for table, expected in TABLES.items():
        if set(columns) == set(expected):
            raise ReturnFileError(
                f"{name}, line 1: these are the columns of the {table} table ({LABELS[table]}), "
                f"which {which} does not have: it came in {CensusYear(ADDED[table])}"
            )
    nearest = max(tables, key=lambda t: len(set(tables[t]) & set(columns)))
    expected = tables[nearest]
    missing = [c for c in expected if c not in columns]
    unknown = [c for c in columns if c not in expected]
    said = "; ".join(
        part
        for part in (
            f"missing {', '.join(missing)}" if missing else "",
            f"not expected {', '.join(unknown)}" if unknown else "",
        )
        if part
    )
    raise ReturnFileError(
        f"{name}, line 1: the columns ({', '.join(columns) or 'none'}) are not those of any "
        f"table of {which}; the nearest is {nearest} ({LABELS[nearest]}), which expects "
        f"{', '.join(expected)} ({said})"
    )

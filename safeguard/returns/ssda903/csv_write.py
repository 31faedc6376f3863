"""Write an SSDA903 return's rows as one CSV file per table, into a folder or a zip file.

Every table of the year's specification is written, those the dataset cannot fill with their
header line only. Each file is written whole beside its final name and then moved into place,
so a failure leaves no half-written table.
"""

import csv
import io
import zipfile
from pathlib import Path

from safeguard.returns.cin_xml.errors import ReturnFileError
from safeguard.returns.cin_xml.years import CensusYear
from safeguard.returns.ssda903.rows import Row
from safeguard.returns.ssda903.spec import FILES, tables_of


def write_csv(rows: dict[str, list[Row]], out: Path, year: CensusYear) -> list[str]:
    """The files written: into `out` as a folder, or as a zip file when it ends .zip."""
    tables = tables_of(year)
    if out.suffix.lower() == ".zip":
        partial = out.with_name(out.name + ".partial")
        try:
            with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
                for table, columns in tables.items():
                    with archive.open(FILES[table], "w") as member:
                        _write(io.TextIOWrapper(member, "utf-8", newline=""), columns, rows, table)
            partial.replace(out)
        finally:
            partial.unlink(missing_ok=True)
    else:
        _refuse_other_files(out, tables)
        out.mkdir(parents=True, exist_ok=True)
        for table, columns in tables.items():
            path = out / FILES[table]
            partial = path.with_name(path.name + ".partial")
            try:
                with partial.open("w", encoding="utf-8", newline="") as stream:
                    _write(stream, columns, rows, table)
                partial.replace(path)
            finally:
                partial.unlink(missing_ok=True)
    return [FILES[table] for table in tables]


def _write(
    stream: io.TextIOBase, columns: tuple[str, ...], rows: dict[str, list[Row]], table: str
) -> None:
    writer = csv.DictWriter(stream, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows.get(table, []))
    stream.flush()


def _refuse_other_files(out: Path, tables: dict[str, tuple[str, ...]]) -> None:
    """A reader takes every CSV file in a return's folder: refuse to mix ours with others."""
    if not out.is_dir():
        if out.exists():
            raise ReturnFileError(f"{out} is a file: expected a folder for the CSV files, or .zip")
        return
    ours = {FILES[table] for table in tables}
    others = sorted(
        p.name for p in out.iterdir() if p.suffix.lower() == ".csv" and p.name not in ours
    )
    if others:
        raise ReturnFileError(
            f"{out} already holds other CSV files ({', '.join(others[:5])}): expected an empty "
            "folder, or one holding only an earlier SSDA903 return's files; nothing was written"
        )

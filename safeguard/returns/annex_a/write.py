"""Write the Annex A lists as one workbook (a sheet per list, as Ofsted's template has them) or as
a folder of CSV files (one per list).

Dates are dates in the workbook and DD/MM/YYYY in the CSV files. A text value that a spreadsheet
would run as a formula (it starts with = + - @ or a tab) is kept as text: typed as a string in
the workbook, and quoted with a leading apostrophe in a CSV file. Files are written beside their
final name and moved into place when complete.
"""

import csv
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from safeguard.returns.annex_a.build import AnnexA
from safeguard.returns.cin_xml.errors import ReturnFileError

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DATE_FORMAT = "DD/MM/YYYY"


def write(annex: AnnexA, out: Path) -> list[str]:
    """The files written: `out` itself when it ends .xlsx, else the CSV files in folder `out`."""
    if out.suffix.lower() == ".xlsx":
        _write_workbook(annex, out)
        return [out.name]
    if out.exists() and not out.is_dir():
        raise ReturnFileError(f"{out} is a file: expected a folder for the CSV files, or .xlsx")
    out.mkdir(parents=True, exist_ok=True)
    for built in annex.lists:
        path = out / built.spec.file
        partial = path.with_name(path.name + ".partial")
        try:
            with partial.open("w", encoding="utf-8", newline="") as stream:
                writer = csv.writer(stream)
                writer.writerow(built.spec.headings)
                writer.writerows([_csv_value(v) for v in row] for row in built.rows)
            partial.replace(path)
        finally:
            partial.unlink(missing_ok=True)
    return [built.spec.file for built in annex.lists]


def _csv_value(value: object) -> object:
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return f"'{value}"
    return value


def _write_workbook(annex: AnnexA, out: Path) -> None:
    book = Workbook(write_only=True)
    bold = Font(bold=True)
    for built in annex.lists:
        sheet = book.create_sheet(built.spec.sheet)
        sheet.append([_cell(sheet, heading, font=bold) for heading in built.spec.headings])
        for row in built.rows:
            sheet.append([_cell(sheet, value) for value in row])
    partial = out.with_name(out.name + ".partial")
    try:
        book.save(partial)
        partial.replace(out)
    finally:
        partial.unlink(missing_ok=True)


def _cell(sheet: object, value: object, *, font: Font | None = None) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        # openpyxl would store a string starting "=" as a formula.
        cell.data_type = "s"
    elif isinstance(value, date):
        cell.number_format = DATE_FORMAT
    if font is not None:
        cell.font = font
    return cell

"""A journey dataset → one council's SSDA903 return for a collection year, as CSV files (a
folder, or a zip) or as one XML file.

The return holds what in_return says a year's return holds, in the year's codes (rows). Nothing
is written when a value cannot be said in that year's codes.
"""

import re
from dataclasses import dataclass
from pathlib import Path

from safeguard.journey.dataset import Dataset
from safeguard.returns.cin_xml.errors import ReturnFileError
from safeguard.returns.cin_xml.years import CensusYear
from safeguard.returns.ssda903.csv_write import write_csv
from safeguard.returns.ssda903.in_return import in_return
from safeguard.returns.ssda903.rows import return_rows
from safeguard.returns.ssda903.xml_write import write_xml
from safeguard.returns.ssda903.years import return_year

FORMS = ("csv", "xml")


@dataclass(frozen=True)
class Written:
    path: Path
    form: str
    year: CensusYear
    la: str
    files: list[str]
    rows: dict[str, int]  # by table
    sex_not_said: int  # children written with SEX blank (neither male nor female recorded)


def write(
    dataset: Dataset, out: Path | str, year: str, *, la: str | None = None, form: str | None = None
) -> Written:
    """Write council `la`'s (the dataset's only council, if not given) return for `year`; the
    form is XML for a path ending .xml, else CSV, unless `form` says."""
    collection = return_year(year)
    out = Path(out)
    form = (form or ("xml" if out.suffix.lower() == ".xml" else "csv")).lower()
    if form not in FORMS:
        raise ReturnFileError(f"“{form}” is not an SSDA903 form: expected csv or xml")
    la = _council(dataset, la)
    rows = return_rows(in_return(dataset, collection, la), collection)
    if form == "xml":
        write_xml(rows, out)
        files = [out.name]
    else:
        files = write_csv(rows, out, collection)
    return Written(
        path=out,
        form=form,
        year=collection,
        la=la,
        files=files,
        rows={table: len(table_rows) for table, table_rows in rows.items()},
        sex_not_said=sum(1 for header in rows["Header"] if not header["SEX"]),
    )


def _council(dataset: Dataset, la: str | None) -> str:
    councils = dataset.councils()
    if la is None:
        if len(councils) != 1:
            held = ", ".join(councils) or "none"
            raise ReturnFileError(
                f"An SSDA903 return is one council's: say which (the dataset holds {held})"
            )
        la = councils[0]
    if not re.fullmatch(r"\d{3}", la):
        raise ReturnFileError(f"“{la}” is not a council's LA code: expected three digits")
    return la

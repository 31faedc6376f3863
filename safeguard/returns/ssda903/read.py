"""Read an SSDA903 return, in either form, into a journey dataset.

The CSV form is a folder or zip of one file per table (or the files themselves); the XML form is
one file whose root is <EXPSSDA903>. Neither says which council made it, so the caller does.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from safeguard.journey.dataset import Dataset
from safeguard.returns.cin_xml.errors import ReturnFileError
from safeguard.returns.cin_xml.prolog import PROLOG_NOISE
from safeguard.returns.cin_xml.years import CensusYear
from safeguard.returns.ssda903.csv_read import read_csv
from safeguard.returns.ssda903.strict import to_dataset
from safeguard.returns.ssda903.xml_guard import ROOT
from safeguard.returns.ssda903.xml_read import read_xml
from safeguard.returns.ssda903.years import return_year

# The first element, or the root a DOCTYPE names (which the reader then refuses).
_FIRST_ELEMENT = re.compile(r"<(?:!DOCTYPE\s+)?([A-Za-z_][\w.:-]*)")
SNIFF_BYTES = 64 * 1024


@dataclass(frozen=True)
class ReadReturn:
    name: str
    form: str  # CSV or XML
    year: CensusYear | None
    dataset: Dataset
    left_out: dict[str, int]  # what the dataset has no place for: how many


def read(location: Path | Sequence[Path], *, la: str, year: str | None = None) -> ReadReturn:
    """Council `la`'s return; with `year` ("2016-17") its codes must be that year's."""
    if not re.fullmatch(r"\d{3}", la or ""):
        raise ReturnFileError(f"“{la}” is not a council's LA code: expected three digits")
    collection = return_year(year) if year else None
    if isinstance(location, Path):
        if not location.exists():
            raise ReturnFileError(f"{location} does not exist")
        kind = location.suffix.lower()
        if location.is_dir() or kind == ".zip":
            raw = read_csv(location, collection)
        elif kind == ".csv":
            raw = read_csv([location], collection)
        else:
            raw = read_xml(location)
    else:
        raw = read_csv(location, collection)
    dataset = to_dataset(raw, la=la, year=collection)
    return ReadReturn(raw.name, raw.form, collection, dataset, raw.left_out)


def is_ssda903(path: Path) -> bool:
    """Whether a path is an SSDA903 return: a folder or zip of CSV files, or its XML file."""
    return path.is_dir() or path.suffix.lower() == ".zip" or is_ssda903_xml(path)


def is_ssda903_xml(path: Path) -> bool:
    """Whether a file's first element is <EXPSSDA903>, judged from its first bytes alone."""
    try:
        with path.open("rb") as stream:
            head = stream.read(SNIFF_BYTES)
    except OSError:
        return False
    text = head.decode("latin-1").removeprefix("\xef\xbb\xbf")
    at = 0
    while match := PROLOG_NOISE.match(text, at):
        at = match.end()
    element = _FIRST_ELEMENT.match(text, at)
    return element is not None and element[1] == ROOT

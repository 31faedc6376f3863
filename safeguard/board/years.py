"""Reporting years as the board names them: "2016-17" runs from 1 April 2016 to 31 March 2017."""

import re
from datetime import date

from safeguard.frontdoor.figures import Period

_YEAR = re.compile(r"^(\d{4})-(\d{2})$")


def is_reporting_year(text: str) -> bool:
    found = _YEAR.match(text or "")
    return bool(found) and (int(found[1]) + 1) % 100 == int(found[2])


def period(year: str) -> Period:
    if not is_reporting_year(year):
        raise ValueError(f"{year!r} is not a reporting year like 2016-17")
    return Period.reporting_year(int(year[:4]) + 1)


def year_of(day: date) -> str:
    start = day.year if day.month >= 4 else day.year - 1
    return f"{start}-{(start + 1) % 100:02d}"


def label(year: str) -> str:
    """ "2016-17" as a sentence reads it: "2016 to 2017"."""
    start = int(year[:4])
    return f"{start} to {start + 1}"


def quarter_of(day: date) -> int:
    """1 for April to June … 4 for January to March."""
    return (day.month - 4) % 12 // 3 + 1

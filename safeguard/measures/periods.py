"""Reporting years as the measures name them ("2016-17": 1 April 2016 to 31 March 2017)."""

from datetime import date

from django.utils import timezone

from safeguard.frontdoor.figures import Period
from safeguard.journey.generate import reporting_years


def year_name(starting: int) -> str:
    return f"{starting}-{(starting + 1) % 100:02d}"


def years_between(text: str) -> list[str]:
    """Every year in "2012-13:2016-17" (or the one year "2016-17"); ValueError if malformed."""
    first, last = reporting_years(text)
    return [year_name(y) for y in range(first, last + 1)]


def reporting_period(year: str) -> Period:
    return Period.reporting_year(int(year[:4]) + 1)


def year_of(day: date) -> str:
    return year_name(day.year if day.month >= 4 else day.year - 1)


def as_at(year: str, today: date | None = None) -> date:
    """The day a snapshot measure is taken for the year: 31 March, or today for the year still
    running (its 31 March has not come)."""
    return min(reporting_period(year).end, today or timezone.localdate())


def current_year(today: date | None = None) -> str:
    return year_of(today or timezone.localdate())

"""Quarters of the reporting year (1 April to 31 March), as the workforce returns count them."""

from datetime import date

from safeguard.core.calendar import add_months

QUARTER_MONTHS = (1, 4, 7, 10)


def quarter_start(day: date) -> date:
    return date(day.year, (day.month - 1) // 3 * 3 + 1, 1)


def is_quarter_start(day: date) -> bool:
    return day.day == 1 and day.month in QUARTER_MONTHS


def quarter_end(start: date) -> date:
    return date.fromordinal(add_months(start, 3).toordinal() - 1)


def quarter_label(start: date) -> str:
    return f"{start:%B} to {quarter_end(start):%B %Y}"


def recent_quarters(today: date, count: int) -> list[date]:
    """The starts of the `count` quarters up to and including today's, latest first."""
    current = quarter_start(today)
    return [add_months(current, -3 * n) for n in range(count)]


def quarters_of_year(ending: int) -> list[date]:
    """The four quarters of the reporting year ending 31 March `ending`, in order."""
    return [add_months(date(ending - 1, 4, 1), 3 * n) for n in range(4)]

"""The one calendar every deadline goes through: England and Wales working days and office hours.

A working day is Monday to Friday, except the bank holidays of England and Wales (Christmas Day and
Good Friday included, and the one-off days proclaimed for royal events).

Counting working days, "within N working days of D":

- ``Convention.START_IS_DAY_0`` (the project default): D is day 0 and the deadline is the N-th
  working day after D, whatever kind of day D is. N = 0 gives D itself.
- ``Convention.START_IS_DAY_1`` (the DfE CIN validator): D is day 1 when it is a working day, so the
  deadline is the (N-1)-th working day after D and N = 1 gives D itself. When D is not a working day
  the next working day is day 1, so the deadline is the N-th working day after D, as under day 0.
  Put another way, the deadline is the N-th working day on or after D. N must be at least 1, since
  no day can be day 0 when the start is day 1.

``working_days_between`` is the inverse of ``add_working_days`` under either convention: under day 0
it counts the working days after ``start`` up to and including ``end``; under day 1 it counts the
working days from ``start`` to ``end``, both included.

The convention is chosen by the ``SAFEGUARD_WORKING_DAY_CONVENTION`` setting, read only by
``default_convention``.
"""

import calendar as calendar_module
import enum
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from functools import cache
from zoneinfo import ZoneInfo

import holidays
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

LONDON = ZoneInfo("Europe/London")

_ONE_DAY = timedelta(days=1)
_ONE_HOUR = timedelta(hours=1)
_MICROSECONDS_PER_HOUR = 3_600_000_000


class Convention(enum.StrEnum):
    START_IS_DAY_0 = "start_is_day_0"
    START_IS_DAY_1 = "start_is_day_1"


def default_convention() -> Convention:
    try:
        value = getattr(settings, "SAFEGUARD_WORKING_DAY_CONVENTION", Convention.START_IS_DAY_0)
    except ImproperlyConfigured:
        # Scripts and settings-free test runs still need a calendar.
        value = Convention.START_IS_DAY_0
    return Convention(value)


def _resolve(convention: Convention | str | None) -> Convention:
    return default_convention() if convention is None else Convention(convention)


@cache
def _bank_holidays(year: int) -> frozenset[date]:
    # subdiv="ENG" matters: without it the package mixes in Scottish and Northern Irish days.
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year))


def is_working_day(day: date) -> bool:
    if isinstance(day, datetime):
        # A datetime never equals a date, so it would silently miss every bank holiday.
        raise TypeError("is_working_day takes a date, not a datetime")
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def add_working_days(start: date, n: int, convention: Convention | None = None) -> date:
    if n < 0:
        raise ValueError(f"n must be 0 or more, not {n}")
    if _resolve(convention) is Convention.START_IS_DAY_1:
        if n == 0:
            raise ValueError("When the start date is day 1, n must be 1 or more")
        # Counting after the day before makes the start date itself the first candidate.
        start -= _ONE_DAY
    day = start
    while n:
        day += _ONE_DAY
        if is_working_day(day):
            n -= 1
    return day


def working_days_between(start: date, end: date, convention: Convention | None = None) -> int:
    if _resolve(convention) is Convention.START_IS_DAY_1:
        start -= _ONE_DAY
    if end <= start:
        return 0
    # Arithmetic rather than a walk, so that spans of decades (measures over history) stay cheap.
    weekdays = _weekdays_before(end + _ONE_DAY) - _weekdays_before(start + _ONE_DAY)
    holidays_on_weekdays = sum(
        1
        for year in range(start.year, end.year + 1)
        for holiday in _bank_holidays(year)
        if start < holiday <= end and holiday.weekday() < 5
    )
    return weekdays - holidays_on_weekdays


def _weekdays_before(day: date) -> int:
    """Count the Mondays to Fridays before ``day``, from 1 January AD 1 (a Monday)."""
    weeks, extra_days = divmod(day.toordinal() - 1, 7)
    return 5 * weeks + min(extra_days, 5)


@dataclass(frozen=True)
class OfficeHours:
    """Opening hours on working days, in Europe/London local time."""

    opens: time = time(9)
    closes: time = time(17)

    def __post_init__(self) -> None:
        if self.opens >= self.closes:
            raise ValueError("The office must open before it closes")

    def window(self, day: date) -> tuple[datetime, datetime]:
        """Return the opening and closing instants on ``day``, in UTC."""
        return (
            datetime.combine(day, self.opens, tzinfo=LONDON).astimezone(UTC),
            datetime.combine(day, self.closes, tzinfo=LONDON).astimezone(UTC),
        )


STANDARD_OFFICE_HOURS = OfficeHours()


def add_working_hours(
    start: datetime,
    hours: float | Decimal | int,
    office_hours: OfficeHours = STANDARD_OFFICE_HOURS,
    around_the_clock: bool = False,
) -> datetime:
    """Return when ``hours`` of the clock have run, in the time zone of ``start``.

    A clock started outside office hours starts at the next opening; zero hours returns ``start``.
    """
    remaining = _duration(hours)
    moment = _in_utc(start)
    if around_the_clock:
        return (moment + remaining).astimezone(start.tzinfo)
    if not remaining:
        return start
    day = moment.astimezone(LONDON).date()
    while True:
        if is_working_day(day):
            opens, closes = office_hours.window(day)
            begin = max(moment, opens)
            if begin < closes:
                if remaining <= closes - begin:
                    return (begin + remaining).astimezone(start.tzinfo)
                remaining -= closes - begin
        day += _ONE_DAY


def working_hours_between(
    start: datetime,
    end: datetime,
    office_hours: OfficeHours = STANDARD_OFFICE_HOURS,
    around_the_clock: bool = False,
) -> float:
    """Return the hours of the clock that run from ``start`` to ``end`` (0 if end is not later)."""
    begin, finish = _in_utc(start), _in_utc(end)
    if finish <= begin:
        return 0.0
    if around_the_clock:
        return (finish - begin) / _ONE_HOUR
    total = timedelta()
    day = begin.astimezone(LONDON).date()
    last_day = finish.astimezone(LONDON).date()
    while day <= last_day:
        if is_working_day(day):
            opens, closes = office_hours.window(day)
            overlap = min(closes, finish) - max(opens, begin)
            if overlap > timedelta():
                total += overlap
        day += _ONE_DAY
    return total / _ONE_HOUR


def _in_utc(moment: datetime) -> datetime:
    # Arithmetic between aware datetimes sharing a zone is wall-clock arithmetic in Python, which
    # gains or loses an hour across a clock change; UTC has none.
    if moment.utcoffset() is None:
        raise ValueError("Clock times must be timezone-aware")
    return moment.astimezone(UTC)


def _duration(hours: float | Decimal | int) -> timedelta:
    # Through str() so that 0.1 hours means 0.1 and not its nearest binary fraction.
    amount = Decimal(str(hours))
    if not amount.is_finite() or amount < 0:
        raise ValueError(f"hours must be a finite number, 0 or more, not {hours}")
    return timedelta(microseconds=round(amount * _MICROSECONDS_PER_HOUR))


def add_months(start: date, months: int) -> date:
    """The same day `months` calendar months later, or the month's last day if it has no such day.

    Conference reviews and looked-after reviews are set in months (RULES.md), not working days.
    """
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    last_day = calendar_module.monthrange(year, month)[1]
    return date(year, month, min(start.day, last_day))

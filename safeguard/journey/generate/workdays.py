"""The project's calendar, precomputed for the span a simulation covers.

Days are date ordinals (ints). Which days are working days comes from
`safeguard.core.calendar.is_working_day`, asked once per day of the span; after that adding working
days or counting them is a list lookup. The counting convention is the project default
(`Convention.START_IS_DAY_0`: the n-th working day after D), and `add`/`between` agree with
`safeguard.core.calendar.add_working_days`/`working_days_between` under it (tested).

Working hours are the front door's RAG clocks: 09:00-17:00 Europe/London on working days
(FrontDoorSettings' defaults), counted in minutes along the span's working days.
"""

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from safeguard.core.calendar import is_working_day

LONDON = ZoneInfo("Europe/London")
OPENS, CLOSES = 9 * 60, 17 * 60  # minutes after midnight, local time
_OFFICE_DAY = CLOSES - OPENS
_UNIX_EPOCH = date(1970, 1, 1).toordinal()
_MICROSECONDS_PER_MINUTE = 60_000_000


class WorkingDays:
    def __init__(self, first: date, last: date) -> None:
        self.first, self.last = first.toordinal(), last.toordinal()
        self._days: list[int] = []  # the working days of the span, in order
        self._count: list[int] = []  # working days on or before each day of the span
        self._utc_offset: list[int] = []  # London's offset from UTC at noon, in minutes
        for ordinal in range(self.first, self.last + 1):
            day = date.fromordinal(ordinal)
            if is_working_day(day):
                self._days.append(ordinal)
            self._count.append(len(self._days))
            noon = datetime.combine(day, time(12), tzinfo=LONDON).utcoffset()
            self._utc_offset.append(int(noon.total_seconds()) // 60)

    def covers(self, day: int) -> bool:
        return self.first <= day <= self.last

    def is_working_day(self, day: int) -> bool:
        if not self.first <= day <= self.last:
            raise ValueError(f"{date.fromordinal(day)} is outside the precomputed calendar")
        i = day - self.first
        return self._count[i] != (self._count[i - 1] if i else 0)

    def add(self, day: int, n: int) -> int:
        """The n-th working day after `day` (`day` itself when n is 0)."""
        if n == 0:
            return day
        return self._days[self._count[day - self.first] + n - 1]

    def between(self, start: int, end: int) -> int:
        """Working days after `start` up to and including `end`."""
        if end <= start:
            return 0
        return self._count[end - self.first] - self._count[start - self.first]

    def on_or_after(self, day: int) -> int:
        return day if self.is_working_day(day) else self.add(day, 1)

    def on_or_before(self, day: int) -> int:
        while not self.is_working_day(day):
            day -= 1
        return day

    # Working hours -------------------------------------------------------------------------------

    def clock(self, day: int, minute: int) -> int:
        """Working minutes of the span before local `day` at `minute` (a clock started then)."""
        i = day - self.first
        index = self._count[i] - 1  # the latest working day on or before `day`
        if not self.is_working_day(day):
            return (index + 1) * _OFFICE_DAY
        if minute <= OPENS:
            return index * _OFFICE_DAY
        if minute >= CLOSES:
            return (index + 1) * _OFFICE_DAY
        return index * _OFFICE_DAY + minute - OPENS

    def instant(self, clock: int) -> tuple[int, int]:
        """The local (day, minute) when `clock` working minutes have run (17:00, not 09:00 next)."""
        index, minute = divmod(clock, _OFFICE_DAY)
        if minute == 0 and index:
            return self._days[index - 1], CLOSES
        return self._days[index], OPENS + minute

    def utc_microseconds(self, day: int, minute: int) -> int:
        """Microseconds since 1970 (UTC) of local `day` at `minute`.

        The offset is the one at noon, which holds for every time from 03:00: the generator makes
        no contact between midnight and 06:00, so the clocks changing at 01:00 UTC never matter.
        """
        local = (day - _UNIX_EPOCH) * 1440 + minute
        return (local - self._utc_offset[day - self.first]) * _MICROSECONDS_PER_MINUTE


def utc_datetime(microseconds: int) -> datetime:
    """For tests and messages: the aware datetime of `utc_microseconds`."""
    return datetime.fromtimestamp(microseconds / 1_000_000, tz=UTC)

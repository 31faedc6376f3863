"""The inspection window: the days each list covers, and "the last 12 months" before a day.

Annex A lists what happened in the months before the inspection: six for lists 1 to 9, twelve
for the adoption lists. A window given in full (--from, --to) applies to every list.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from safeguard.core.calendar import add_months
from safeguard.returns.annex_a.lists import LISTS
from safeguard.returns.cin_xml.errors import ReturnFileError


@dataclass(frozen=True)
class Window:
    start: date
    end: date

    def __contains__(self, day: date | None) -> bool:
        return day is not None and self.start <= day <= self.end

    def overlaps(self, start: date | None, end: date | None) -> bool:
        """Whether something running from `start` to `end` (None: still open) was open in it."""
        return start is not None and start <= self.end and (end is None or end >= self.start)

    def __str__(self) -> str:
        return f"{self.start:%-d %B %Y} to {self.end:%-d %B %Y}"


def months_before(end: date, months: int) -> Window:
    """The `months` months that end on `end`, both days included."""
    return Window(add_months(end, -months) + timedelta(days=1), end)


def year_before(day: date) -> Window:
    """The twelve months before a day, not counting the day: “in the last 12 months” of a
    referral or an enquiry counts the earlier ones."""
    return Window(add_months(day, -12), day - timedelta(days=1))


def windows(end: date, start: date | None = None) -> dict[int, Window]:
    """Each list's window: from `start` when given, else its default months before `end`."""
    if start is not None and start > end:
        raise ReturnFileError(
            f"The inspection window runs backwards ({start:%-d %B %Y} to {end:%-d %B %Y}): "
            "expected --from on or before --to"
        )
    return {
        spec.number: Window(start, end) if start else months_before(end, spec.months)
        for spec in LISTS
    }


def day_given(text: str, option: str) -> date:
    """A day written 2017-03-31 on the command line."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ReturnFileError(
            f"{option}: “{text}” is not a date: write it as year-month-day, like 2017-03-31"
        ) from None

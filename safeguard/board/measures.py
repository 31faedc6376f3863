"""The board's two partnership measures, registered with the measure registry from
BoardConfig.ready: attendance at board meetings, and actions completed on time. Definitions as in
figures.py."""

from collections.abc import Iterable

from django.conf import settings

from safeguard.board import figures
from safeguard.measures.registry import Figure, Measure, Period, Polarity, Unit, register


def attendance_rates(years: list[str]) -> Iterable[Figure]:
    for year in years:
        total = figures.attendance_by_agency(year).total
        yield settings.LA_CODE, year, total.attended, total.expected, total.rate


def actions_on_time(years: list[str]) -> Iterable[Figure]:
    for year in years:
        found = figures.actions_due(year)
        yield settings.LA_CODE, year, found.done_on_time, found.counted, found.on_time_rate


ATTENDANCE = Measure(
    id="board_attendance_pct",
    title="Attendance at board meetings",
    definition="Of the places at the year's board meetings (one for each member whose term "
    "covered the meeting), the share where the member's agency was there: the member in "
    "person or a named deputy.",
    numerator="places where the member or a named deputy attended",
    denominator="places at board meetings held in the year",
    unit=Unit.PERCENT,
    period=Period.YEAR,
    polarity=Polarity.HIGHER_IS_BETTER,
    priority="board",
    disclosure="none",
    compute=attendance_rates,
)

ACTIONS_ON_TIME = Measure(
    id="board_actions_on_time_pct",
    title="Board actions completed on time",
    definition="Of the actions in the board's and sub-groups' action log that fell due in the "
    "year, leaving out those the board dropped, the share done by their due date.",
    numerator="actions due in the year done on or before their due date",
    denominator="actions due in the year, less those dropped",
    unit=Unit.PERCENT,
    period=Period.YEAR,
    polarity=Polarity.HIGHER_IS_BETTER,
    priority="board",
    disclosure="none",
    compute=actions_on_time,
)


def register_measures() -> None:
    register(ATTENDANCE)
    register(ACTIONS_ON_TIME)

"""The board's figures for the annual report, over one reporting year ("2016-17" = 1 April 2016
to 31 March 2017). Counts are exact: they are about meetings and staff, not children, so no
disclosure control applies.

Attendance: board meetings held in the year (those with attendance recorded), one expected
attendance for each member whose seat covered the day, grouped by the agency the member
represented then ("Independent" for an independent chair or scrutineer). An agency attended
when its member was there or sent a named deputy; rate = attended ÷ expected.

Actions: board and sub-group actions whose due date falls in the year. Dropped actions are left
out of the rate (the board agreed they were no longer needed); completed on time = done on or
before the due date; rate = on time ÷ (due minus dropped).
"""

from collections import defaultdict
from dataclasses import dataclass, field

from safeguard.board import years
from safeguard.board.codes import ActionStatus, AttendanceStatus, GroupKind
from safeguard.board.models import Action, Attendance

INDEPENDENT = "Independent"


def percent(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


@dataclass
class AgencyAttendance:
    agency: str
    meeting_ids: set[int] = field(default_factory=set)
    expected: int = 0
    present: int = 0
    deputies: int = 0
    apologies: int = 0
    absent: int = 0

    @property
    def meetings(self) -> int:
        """Meetings at which the agency was expected."""
        return len(self.meeting_ids)

    @property
    def attended(self) -> int:
        return self.present + self.deputies

    @property
    def rate(self) -> float | None:
        return percent(self.attended, self.expected)

    def count(self, attendance: Attendance) -> None:
        self.meeting_ids.add(attendance.meeting_id)
        self.expected += 1
        if attendance.status == AttendanceStatus.PRESENT:
            self.present += 1
        elif attendance.status == AttendanceStatus.DEPUTY:
            self.deputies += 1
        elif attendance.status == AttendanceStatus.APOLOGIES:
            self.apologies += 1
        else:
            self.absent += 1


@dataclass
class AttendanceFigures:
    year: str
    meetings: int
    agencies: list[AgencyAttendance]
    total: AgencyAttendance


def attendance_by_agency(year: str, *, kind: str = GroupKind.BOARD) -> AttendanceFigures:
    """Attendance at the year's meetings of the board (or of the sub-groups), by agency."""
    span = years.period(year)
    rows = Attendance.objects.filter(
        meeting__group__kind=kind, meeting__held_on__range=(span.start, span.end)
    ).select_related("agency")
    by_agency: dict[str, AgencyAttendance] = defaultdict(lambda: AgencyAttendance(""))
    total = AgencyAttendance("All agencies")
    for row in rows:
        name = row.agency.name if row.agency else INDEPENDENT
        by_agency[name].agency = name
        by_agency[name].count(row)
        total.count(row)
    agencies = sorted(by_agency.values(), key=lambda a: (a.agency == INDEPENDENT, a.agency))
    return AttendanceFigures(year, total.meetings, agencies, total)


@dataclass(frozen=True)
class ActionFigures:
    year: str
    due: int
    done_on_time: int
    done_late: int
    dropped: int
    still_open: int

    @property
    def counted(self) -> int:
        return self.due - self.dropped

    @property
    def on_time_rate(self) -> float | None:
        return percent(self.done_on_time, self.counted)


def actions_due(year: str) -> ActionFigures:
    """Actions due in the year and how they ended, as the log stands now."""
    span = years.period(year)
    due = list(Action.objects.filter(due_on__range=(span.start, span.end)))
    done = [a for a in due if a.status == ActionStatus.DONE]
    on_time = sum(1 for a in done if a.on_time)
    return ActionFigures(
        year=year,
        due=len(due),
        done_on_time=on_time,
        done_late=len(done) - on_time,
        dropped=sum(1 for a in due if a.status == ActionStatus.DROPPED),
        still_open=sum(1 for a in due if a.status == ActionStatus.OPEN),
    )


DEFINITIONS = {
    "attendance": "One expected attendance for each member whose seat covered the day of a "
    "meeting held in the year (a meeting counts once its attendance is recorded), under the "
    "agency the member represented then. Attendance counts the member there in person or a "
    "named deputy in their place.",
    "actions": "Actions from the board's and sub-groups' action log whose due date falls in the "
    "year, as the log stands now. Completed on time: done on or before the due date, out of the "
    "actions due less those the board dropped.",
}

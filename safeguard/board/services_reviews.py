"""Annual member reviews: the year's record of each member, and the conversation about it."""

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from safeguard.access.models import User
from safeguard.board import figures, years
from safeguard.board.codes import ActionStatus, AttendanceStatus
from safeguard.board.models import Action, Attendance, Member, MemberReview
from safeguard.board.rules import Problem, refuse_if


@dataclass(frozen=True)
class MemberYear:
    """One member's year: meetings of every group they sat on, and the actions they owned that
    fell due in the year."""

    year: str
    expected: int
    present: int
    deputies: int
    apologies: int
    absent: int
    actions_owned: int
    actions_done: int
    actions_on_time: int
    actions_open: int

    @property
    def attended(self) -> int:
        return self.present + self.deputies

    @property
    def attendance_rate(self) -> float | None:
        return figures.percent(self.attended, self.expected)


def member_year(member: Member, year: str) -> MemberYear:
    span = years.period(year)
    statuses = list(
        Attendance.objects.filter(
            member=member, meeting__held_on__range=(span.start, span.end)
        ).values_list("status", flat=True)
    )
    owned = list(Action.objects.filter(owner=member, due_on__range=(span.start, span.end)))
    done = [a for a in owned if a.status == ActionStatus.DONE]
    return MemberYear(
        year=year,
        expected=len(statuses),
        present=statuses.count(AttendanceStatus.PRESENT),
        deputies=statuses.count(AttendanceStatus.DEPUTY),
        apologies=statuses.count(AttendanceStatus.APOLOGIES),
        absent=statuses.count(AttendanceStatus.ABSENT),
        actions_owned=len(owned),
        actions_done=len(done),
        actions_on_time=sum(1 for a in done if a.on_time),
        actions_open=sum(1 for a in owned if a.status == ActionStatus.OPEN),
    )


def _held_on_problems(year: str, held_on: date) -> list[Problem]:
    problems = []
    if held_on > timezone.localdate():
        problems.append(Problem("held_on", "The date of the review cannot be in the future"))
    if held_on < years.period(year).start:
        problems.append(Problem("held_on", f"The review of {year} cannot be before the year began"))
    return problems


def record_review(
    member: Member,
    *,
    year: str,
    held_on: date,
    reviewer: str,
    conversation: str,
    agency_feedback: str,
    agreed: str,
    by: User,
) -> MemberReview:
    problems = []
    if not years.is_reporting_year(year):
        problems.append(Problem("year", "Select the year the review covers"))
    else:
        if MemberReview.objects.filter(member=member, year=year).exists():
            problems.append(Problem("year", f"{member} already has a review for {year}"))
        problems += _held_on_problems(year, held_on)
    refuse_if(problems)
    return MemberReview.objects.create(
        member=member,
        year=year,
        held_on=held_on,
        reviewer=reviewer,
        conversation=conversation,
        agency_feedback=agency_feedback,
        agreed=agreed,
        recorded_by=by,
    )


@transaction.atomic
def update_review(
    review: MemberReview,
    *,
    version: int,
    held_on: date,
    reviewer: str,
    conversation: str,
    agency_feedback: str,
    agreed: str,
) -> MemberReview:
    review.ensure_version(version)
    refuse_if(_held_on_problems(review.year, held_on))
    review.held_on, review.reviewer = held_on, reviewer
    review.conversation, review.agency_feedback, review.agreed = (
        conversation,
        agency_feedback,
        agreed,
    )
    review.save_from(version)
    return review

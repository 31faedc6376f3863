"""Meetings: scheduling, the agenda, minutes and decisions, and who came."""

from dataclasses import dataclass
from datetime import date, time

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from safeguard.access.models import User
from safeguard.board.codes import AttendanceStatus, MemberRole
from safeguard.board.models import (
    AgendaItem,
    Attendance,
    BoardGroup,
    Decision,
    Meeting,
    Member,
    Membership,
)
from safeguard.board.rules import Problem, refuse_if


def schedule_meeting(
    *, group: BoardGroup, held_on: date, place: str, starts_at: time | None = None
) -> Meeting:
    return Meeting.objects.create(group=group, held_on=held_on, place=place, starts_at=starts_at)


@transaction.atomic
def update_meeting(
    meeting: Meeting,
    *,
    version: int,
    held_on: date,
    place: str,
    starts_at: time | None,
    office_notes: str,
) -> Meeting:
    meeting.ensure_version(version)
    if meeting.held_on != held_on and meeting.attendances.exists():
        refuse_if(
            [
                Problem(
                    "held_on",
                    "Attendance has been recorded for this meeting, so its date cannot change",
                )
            ]
        )
    meeting.held_on, meeting.place = held_on, place
    meeting.starts_at, meeting.office_notes = starts_at, office_notes
    meeting.save_from(version)
    return meeting


@transaction.atomic
def approve_minutes(meeting: Meeting, *, version: int, approved_on: date) -> Meeting:
    meeting.ensure_version(version)
    problems = []
    if approved_on < meeting.held_on:
        problems.append(
            Problem(
                "minutes_approved_on",
                f"The minutes cannot be approved before the meeting ({meeting.held_on:%-d %B %Y})",
            )
        )
    if approved_on > timezone.localdate():
        problems.append(
            Problem("minutes_approved_on", "The date of approval cannot be in the future")
        )
    refuse_if(problems)
    meeting.minutes_approved_on = approved_on
    meeting.save_from(version)
    return meeting


@transaction.atomic
def add_item(
    meeting: Meeting, *, title: str, presenter: str = "", confidential: bool = False
) -> AgendaItem:
    # Lock the meeting so two items added at once cannot take the same number.
    Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
    number = (meeting.items.aggregate(n=Max("number"))["n"] or 0) + 1
    return AgendaItem.objects.create(
        meeting=meeting, number=number, title=title, presenter=presenter, confidential=confidential
    )


@transaction.atomic
def update_item(
    item: AgendaItem,
    *,
    version: int,
    title: str,
    presenter: str,
    confidential: bool,
    minutes: str,
) -> AgendaItem:
    item.ensure_version(version)
    item.title, item.presenter = title, presenter
    item.confidential, item.minutes = confidential, minutes
    item.save_from(version)
    return item


def record_decision(item: AgendaItem, *, text: str, by: User) -> Decision:
    return Decision.objects.create(item=item, text=text, recorded_by=by)


@dataclass(frozen=True)
class Seat:
    """A member expected at a meeting, with the role they hold on its group."""

    member: Member
    role: str

    @property
    def role_label(self) -> str:
        return MemberRole(self.role).label


def expected_members(meeting: Meeting) -> list[Seat]:
    """The members of the meeting's group whose term covers the day of the meeting."""
    seats = (
        Membership.objects.on(meeting.held_on)
        .filter(group=meeting.group)
        .select_related("member__agency")
        .order_by("member__name", "member_id")
    )
    return [Seat(seat.member, seat.role) for seat in seats]


@dataclass(frozen=True)
class Answer:
    status: str  # "" when not recorded yet
    deputy_name: str = ""


@transaction.atomic
def record_attendance(meeting: Meeting, answers: dict[int, Answer], *, today: date) -> int:
    """Record each expected member's attendance; a member left blank is not recorded yet.

    Apologies may be recorded before the meeting; who was there only on the day or after.
    Returns how many members' attendance is now recorded.
    """
    seats = {seat.member.pk: seat for seat in expected_members(meeting)}
    problems = []
    for member_id, answer in answers.items():
        if member_id not in seats or not answer.status:
            continue
        field = f"member_{member_id}"
        if answer.status not in AttendanceStatus.values:
            problems.append(Problem(field, f"Select how {seats[member_id].member} attended"))
        elif answer.status == AttendanceStatus.DEPUTY and not answer.deputy_name.strip():
            problems.append(
                Problem(
                    f"deputy_{member_id}", f"Enter the name of {seats[member_id].member}'s deputy"
                )
            )
        elif answer.status != AttendanceStatus.APOLOGIES and meeting.held_on > today:
            problems.append(
                Problem(
                    field,
                    f"The meeting is on {meeting.held_on:%-d %B %Y}: before then, record "
                    "only apologies",
                )
            )
    refuse_if(problems)
    for member_id, seat in seats.items():
        answer = answers.get(member_id)
        if answer is None or not answer.status:
            Attendance.objects.filter(meeting=meeting, member_id=member_id).delete()
            continue
        # The agency is the one the member represented when first recorded: it stays if they
        # move agency later and the record is corrected.
        row = Attendance.objects.filter(meeting=meeting, member=seat.member).first()
        if row is None:
            row = Attendance(meeting=meeting, member=seat.member, agency=seat.member.agency)
        row.status = answer.status
        deputy = answer.status == AttendanceStatus.DEPUTY
        row.deputy_name = answer.deputy_name.strip() if deputy else ""
        row.save()
    return meeting.attendances.count()

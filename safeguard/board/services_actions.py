"""The action log: agreeing an action at a meeting, updating it, and carrying the open ones on
to the next meeting of the same group."""

from datetime import date

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from safeguard.access.models import User
from safeguard.board.codes import ActionStatus
from safeguard.board.models import Action, AgendaItem, Meeting, Member
from safeguard.board.rules import Problem, refuse_if


def add_action(
    meeting: Meeting,
    *,
    description: str,
    owner: Member,
    due_on: date,
    by: User,
    item: AgendaItem | None = None,
) -> Action:
    if due_on < meeting.held_on:
        refuse_if(
            [
                Problem(
                    "due_on",
                    f"The due date cannot be before the meeting ({meeting.held_on:%-d %B %Y})",
                )
            ]
        )
    return Action.objects.create(
        meeting=meeting, item=item, description=description, owner=owner, due_on=due_on, added_by=by
    )


def _closing_problems(
    action: Action, day: date | None, field: str, what: str, today: date
) -> list[Problem]:
    if day is None:
        return [Problem(field, f"Enter the date the action was {what}")]
    if day > today:
        return [Problem(field, f"The date the action was {what} cannot be in the future")]
    if day < action.meeting.held_on:
        return [
            Problem(
                field,
                f"The date the action was {what} cannot be before the meeting that agreed it "
                f"({action.meeting.held_on:%-d %B %Y})",
            )
        ]
    return []


@transaction.atomic
def update_action(
    action: Action,
    *,
    version: int,
    status: str,
    completed_on: date | None = None,
    dropped_on: date | None = None,
    update: str = "",
    today: date | None = None,
) -> Action:
    action.ensure_version(version)
    today = today or timezone.localdate()
    problems: list[Problem] = []
    if status == ActionStatus.DONE:
        problems += _closing_problems(action, completed_on, "completed_on", "completed", today)
        dropped_on = None
    elif status == ActionStatus.DROPPED:
        problems += _closing_problems(action, dropped_on, "dropped_on", "dropped", today)
        if not update.strip():
            problems.append(Problem("update", "Enter why the action was dropped"))
        completed_on = None
    elif status == ActionStatus.OPEN:
        completed_on = dropped_on = None
    else:
        problems.append(Problem("status", "Select the status of the action"))
    refuse_if(problems)
    action.status, action.update = status, update
    action.completed_on, action.dropped_on = completed_on, dropped_on
    action.save_from(version)
    return action


def carried_into(meeting: Meeting) -> QuerySet[Action]:
    """Actions agreed at earlier meetings of the same group and still open on the meeting's day:
    the action log the meeting goes through."""
    return (
        Action.objects.filter(meeting__group=meeting.group, meeting__held_on__lt=meeting.held_on)
        .open_on(meeting.held_on)
        .select_related("owner__agency", "meeting")
    )

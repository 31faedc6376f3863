"""Findings, recommendations and the actions that follow them, from reviews and audits alike:
recorded by the business manager, updated by the owning agency, signed off by the board."""

from collections.abc import Iterable
from datetime import date

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from safeguard.access.models import Agency, User
from safeguard.reviews.codes import ActionStatus
from safeguard.reviews.models import Action, CaseFileAudit, CaseReview, Finding, Theme
from safeguard.reviews.rules import Problem, not_before, not_in_future, reason_when_late, refuse_if


@transaction.atomic
def record_finding(
    *,
    text: str,
    recommendation: str,
    themes: Iterable[Theme],
    by: User,
    review: CaseReview | None = None,
    audit: CaseFileAudit | None = None,
) -> Finding:
    themes = list(themes)
    if not themes:
        refuse_if([Problem("themes", "Select the themes of the finding")])
    # Lock the parent so two findings recorded at once cannot take the same number.
    if review is not None:
        CaseReview.objects.select_for_update().filter(pk=review.pk).first()
        siblings = Finding.objects.filter(review=review)
    else:
        CaseFileAudit.objects.select_for_update().filter(pk=audit.pk).first()
        siblings = Finding.objects.filter(audit=audit)
    number = (siblings.aggregate(n=Max("number"))["n"] or 0) + 1
    finding = Finding.objects.create(
        review=review,
        audit=audit,
        number=number,
        text=text,
        recommendation=recommendation,
        recorded_by=by,
    )
    finding.themes.set(themes)
    return finding


def add_action(
    finding: Finding,
    *,
    description: str,
    agency: Agency,
    owner_name: str,
    due_on: date,
    by: User,
) -> Action:
    # A due date may be in the past: plans agreed at a panel are often typed in afterwards.
    return Action.objects.create(
        finding=finding,
        description=description,
        agency=agency,
        owner_name=owner_name,
        due_on=due_on,
        added_by=by,
    )


@transaction.atomic
def update_action(
    action: Action,
    *,
    version: int,
    status: str,
    progress: str = "",
    evidence: str = "",
    completed_on: date | None = None,
    late_reason: str = "",
) -> Action:
    """The owning agency's update: its RAG rating, progress and, when done, the evidence."""
    action.ensure_version(version)
    problems: list[Problem] = []
    if action.is_signed_off:
        problems.append(
            Problem(None, "The board has signed this action off: it can no longer change")
        )
    if status not in ActionStatus.values:
        problems.append(Problem("status", "Select the status of the action"))
    if status == ActionStatus.COMPLETE:
        if completed_on is None:
            problems.append(Problem("completed_on", "Enter the date the action was completed"))
        else:
            problems += not_in_future(
                completed_on, timezone.localdate(), "completed_on", "completion date"
            )
            problems += reason_when_late(
                completed_on, action.due_on, late_reason, "late_reason", "action"
            )
        if not evidence.strip():
            problems.append(Problem("evidence", "Enter the evidence that the action is complete"))
    elif completed_on is not None:
        problems.append(
            Problem(
                "completed_on",
                "Only a complete action has a completion date: remove it, or select ‘Complete’",
            )
        )
    refuse_if(problems)
    action.status, action.progress, action.evidence = status, progress, evidence
    action.completed_on = completed_on
    action.late_reason = late_reason if status == ActionStatus.COMPLETE else ""
    action.save_from(version)
    return action


@transaction.atomic
def sign_off_action(action: Action, *, version: int, by: User, on: date) -> Action:
    action.ensure_version(version)
    problems: list[Problem] = []
    if action.is_signed_off:
        problems.append(Problem(None, "This action has already been signed off"))
    if not action.is_complete:
        problems.append(
            Problem(None, "Only a complete action, with its evidence, can be signed off")
        )
    else:
        problems += not_before(on, action.completed_on, "signed_off_on", "sign-off", "completion")
    problems += not_in_future(on, timezone.localdate(), "signed_off_on", "sign-off")
    refuse_if(problems)
    action.signed_off_by, action.signed_off_on = by, on
    action.save_from(version)
    return action

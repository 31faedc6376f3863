"""The work tray: every task the timescales create, with its due date and who holds it.

Tasks are computed from the open records each time (nothing to fall out of step). Each kind of
record contributes its tasks through a provider; other apps (looked-after children, missing
episodes) register theirs.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet

from safeguard.casework import timescales
from safeguard.casework.codes import EnquiryOutcome
from safeguard.casework.models import (
    Allocation,
    Assessment,
    CaseworkSettings,
    ChildInNeedPlan,
    ProtectionPlan,
    Section47Enquiry,
)
from safeguard.core.calendar import add_working_days


@dataclass(frozen=True)
class Task:
    child_id: int
    child_name: str
    kind: str
    due_on: date
    url: str

    def status(self, today: date, soon: date) -> str:
        if self.due_on < today:
            return "overdue"
        return "due soon" if self.due_on <= soon else "later"


TaskProvider = Callable[[QuerySet], Iterable[Task]]
_providers: list[TaskProvider] = []


def register_tasks(provider: TaskProvider) -> None:
    _providers.append(provider)


def tasks_for_children(children: QuerySet) -> list[Task]:
    """All tasks for these children (a queryset of Child ids), soonest first."""
    tasks = [task for provider in _providers for task in provider(children)]
    return sorted(tasks, key=lambda t: (t.due_on, t.child_name, t.kind))


def children_held_by(
    worker_ids: Iterable[int] | None = None, team_ids: Iterable[int] | None = None
) -> QuerySet:
    condition = Q(ended_on__isnull=True)
    if worker_ids is not None:
        condition &= Q(worker_id__in=list(worker_ids))
    if team_ids is not None:
        condition &= Q(team_id__in=list(team_ids))
    return Allocation.objects.filter(condition).values("child_id")


def due_soon_cutoff(today: date) -> date:
    return add_working_days(today, CaseworkSettings.current().due_soon_working_days)


def _name(child) -> str:
    return f"{child.first_name} {child.last_name}"


def _assessments(children: QuerySet) -> Iterable[Task]:
    open_ones = Assessment.objects.filter(
        referral__child_id__in=children, authorised_on__isnull=True
    ).select_related("referral__child")
    for a in open_ones:
        child = a.referral.child
        kind = "Authorise assessment" if a.completed_on else "Assessment due"
        yield Task(child.pk, _name(child), kind, a.due_on, f"/casework/assessments/{a.pk}/")


def _conferences(children: QuerySet) -> Iterable[Task]:
    waiting = (
        Section47Enquiry.objects.filter(referral__child_id__in=children, conference__isnull=True)
        .filter(Q(outcome="") | Q(outcome=EnquiryOutcome.CONFERENCE))
        .select_related("referral__child")
    )
    for e in waiting:
        child = e.referral.child
        yield Task(
            child.pk,
            _name(child),
            "Initial conference due",
            e.conference_due_on,
            f"/casework/enquiries/{e.pk}/",
        )


def _plans(children: QuerySet) -> Iterable[Task]:
    settings = CaseworkSettings.current()
    plans = (
        ProtectionPlan.objects.filter(child_id__in=children, ended_on__isnull=True)
        .select_related("child")
        .prefetch_related("reviews", "visits", "core_groups")
    )
    for plan in plans:
        child, url = plan.child, f"/casework/plans/{plan.pk}/"
        if not plan.core_groups.all():
            yield Task(
                child.pk,
                _name(child),
                "First core group due",
                timescales.first_core_group_due(plan),
                url,
            )
        yield Task(
            child.pk, _name(child), "Review conference due", timescales.next_review_due(plan), url
        )
        yield Task(
            child.pk, _name(child), "Visit due", timescales.next_visit_due(plan, settings), url
        )


def _cin_plans(children: QuerySet) -> Iterable[Task]:
    settings = CaseworkSettings.current()
    plans = (
        ChildInNeedPlan.objects.filter(referral__child_id__in=children, ended_on__isnull=True)
        .select_related("referral__child")
        .prefetch_related("reviews")
    )
    for plan in plans:
        child = plan.referral.child
        due = timescales.next_cin_review_due(plan, settings)
        yield Task(
            child.pk,
            _name(child),
            "Child in need plan review due",
            due,
            f"/casework/cin-plans/{plan.pk}/",
        )


for _provider in (_assessments, _conferences, _plans, _cin_plans):
    register_tasks(_provider)

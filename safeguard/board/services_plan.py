"""The business plan: the year's priorities, their objectives, measures and actions, and each
quarter's RAG rating and narrative."""

from collections.abc import Sequence
from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from safeguard.access.models import User
from safeguard.board import plan_measures, years
from safeguard.board.models import (
    BoardGroup,
    BusinessPlan,
    Objective,
    PlanAction,
    Priority,
    QuarterRating,
)
from safeguard.board.rules import BoardError, Problem, refuse_if

NARRATIVE_MAX = 1000


def create_plan(*, year: str, introduction: str = "") -> BusinessPlan:
    problems = []
    if not years.is_reporting_year(year):
        problems.append(Problem("year", "Enter the reporting year like 2016-17"))
    elif BusinessPlan.objects.filter(year=year).exists():
        problems.append(Problem("year", f"There is already a business plan for {year}"))
    refuse_if(problems)
    return BusinessPlan.objects.create(year=year, introduction=introduction)


def _measure_problems(measure_ids: Sequence[str], keep: Sequence[str] = ()) -> list[Problem]:
    unknown = plan_measures.unknown(measure_ids, keep)
    if unknown:
        names = ", ".join(unknown)
        return [Problem("measure_ids", f"Choose measures the registry knows: not {names}")]
    return []


@transaction.atomic
def add_priority(
    plan: BusinessPlan,
    *,
    title: str,
    lead_group: BoardGroup | None = None,
    measure_ids: Sequence[str] = (),
) -> Priority:
    refuse_if(_measure_problems(list(measure_ids)))
    BusinessPlan.objects.select_for_update().filter(pk=plan.pk).first()
    number = (plan.priorities.aggregate(n=Max("number"))["n"] or 0) + 1
    return Priority.objects.create(
        plan=plan,
        number=number,
        title=title,
        lead_group=lead_group,
        measure_ids=list(dict.fromkeys(measure_ids)),
    )


@transaction.atomic
def update_priority(
    priority: Priority,
    *,
    version: int,
    title: str,
    lead_group: BoardGroup | None,
    measure_ids: list[str],
) -> Priority:
    priority.ensure_version(version)
    refuse_if(_measure_problems(measure_ids, keep=priority.measure_ids))
    priority.title, priority.lead_group = title, lead_group
    priority.measure_ids = list(dict.fromkeys(measure_ids))
    priority.save_from(version)
    return priority


@transaction.atomic
def add_objective(priority: Priority, *, text: str) -> Objective:
    Priority.objects.select_for_update().filter(pk=priority.pk).first()
    number = (priority.objectives.aggregate(n=Max("number"))["n"] or 0) + 1
    return Objective.objects.create(priority=priority, number=number, text=text)


def add_plan_action(priority: Priority, *, description: str, lead: str, due_on: date) -> PlanAction:
    return PlanAction.objects.create(
        priority=priority, description=description, lead=lead, due_on=due_on
    )


@transaction.atomic
def update_plan_action(action: PlanAction, *, version: int, status: str) -> PlanAction:
    action.ensure_version(version)
    action.status = status
    action.save_from(version)
    return action


@transaction.atomic
def rate_quarter(
    priority: Priority,
    *,
    quarter: int,
    rag: str,
    narrative: str,
    by: User,
    version: int | None = None,
) -> QuarterRating:
    """Rate a quarter, or change its rating: `version` is the one the person saw (None when they
    saw no rating yet, so a rating someone else has just made is not overwritten)."""
    problems = []
    if quarter not in (1, 2, 3, 4):
        problems.append(Problem("quarter", "Select the quarter"))
    if not narrative.strip():
        problems.append(Problem("narrative", "Enter a short narrative of the quarter's progress"))
    elif len(narrative) > NARRATIVE_MAX:
        problems.append(
            Problem("narrative", f"The narrative must be {NARRATIVE_MAX:,} characters or fewer")
        )
    rating = QuarterRating.objects.filter(priority=priority, quarter=quarter).first()
    if rating is not None:
        rating.ensure_version(version if version is not None else 0)
    refuse_if(problems)
    if rating is None:
        try:
            with transaction.atomic():
                return QuarterRating.objects.create(
                    priority=priority, quarter=quarter, rag=rag, narrative=narrative, rated_by=by
                )
        except IntegrityError:
            raise BoardError(
                [Problem(None, "Someone else has just rated this quarter: reload the page")]
            ) from None
    rating.rag, rating.narrative = rag, narrative
    rating.rated_by, rating.rated_at = by, timezone.now()
    rating.save_from(version)
    return rating

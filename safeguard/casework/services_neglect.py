"""Neglect assessments, the reasoning behind a neglect plan, and the consistency prompts.

The board heard that more than half of the children on a plan were there for neglect "but there
was not always a consistency of reasoning in these plans". A plan under neglect therefore prompts
its worker when the child has no neglect assessment in the last three months (a setting), or when
nobody has recorded how the assessed concerns lead to the neglect category; the same rule, as a
count, is the board's measure.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from safeguard.access.models import User
from safeguard.casework import timescales_around
from safeguard.casework.codes import CategoryOfAbuse
from safeguard.casework.codes_around import NeglectGrade
from safeguard.casework.models import (
    AroundSettings,
    CategoryChange,
    NeglectAssessment,
    NeglectReasoning,
    ProtectionPlan,
)
from safeguard.casework.models.neglect import AREAS
from safeguard.casework.rules import Problem, not_before, not_in_future, refuse_if
from safeguard.people.models import Child

NO_RECENT_ASSESSMENT = "no_recent_assessment"
NO_REASONING = "no_reasoning"


@dataclass(frozen=True)
class Prompt:
    code: str
    text: str


def record_assessment(
    child: Child,
    *,
    assessed_on: date,
    carer_name: str,
    grades: dict[str, int],
    comments: str = "",
    assessor: User,
) -> NeglectAssessment:
    problems = not_in_future(assessed_on, timezone.localdate(), "assessed_on", "assessment")
    if not carer_name.strip():
        problems.append(Problem("carer_name", "Enter the name of the carer assessed"))
    for field, label in AREAS.items():
        if grades.get(field) not in NeglectGrade.values:
            problems.append(Problem(field, f"Select the grade for {label.lower()}"))
    refuse_if(problems)
    return NeglectAssessment.objects.create(
        child=child,
        assessed_on=assessed_on,
        carer_name=carer_name,
        assessor=assessor,
        comments=comments,
        **{field: grades[field] for field in AREAS},
    )


def record_reasoning(
    plan: ProtectionPlan,
    *,
    assessment: NeglectAssessment,
    reasoning: str,
    by: User,
    on: date | None = None,
) -> NeglectReasoning:
    on = on or timezone.localdate()
    problems = not_in_future(on, timezone.localdate(), "recorded_on", "reasoning")
    problems += not_before(on, plan.started_on, "recorded_on", "reasoning", "plan's start")
    if not plan.is_open:
        problems.append(Problem(None, "The plan has ended"))
    if plan.latest_category != CategoryOfAbuse.NEGLECT:
        problems.append(Problem(None, "The plan is not under neglect"))
    if assessment.child_id != plan.child_id:
        problems.append(Problem("assessment", "Select one of this child's neglect assessments"))
    if not reasoning.strip():
        problems.append(
            Problem("reasoning", "Enter how the assessed concerns lead to the neglect category")
        )
    refuse_if(problems)
    return NeglectReasoning.objects.create(
        plan=plan, assessment=assessment, reasoning=reasoning, recorded_by=by, recorded_on=on
    )


def neglect_prompts(plan: ProtectionPlan, on: date | None = None) -> list[Prompt]:
    """What the plan page asks the worker to put right (nothing for a plan not under neglect)."""
    on = on or timezone.localdate()
    if not plan.is_open or plan.latest_category != CategoryOfAbuse.NEGLECT:
        return []
    settings = AroundSettings.current()
    cutoff = timescales_around.neglect_assessment_cutoff(on, settings)
    prompts = []
    recent = NeglectAssessment.objects.filter(
        child_id=plan.child_id, assessed_on__gte=cutoff, assessed_on__lte=on
    )
    if not recent.exists():
        months = settings.neglect_assessment_months
        prompts.append(
            Prompt(
                NO_RECENT_ASSESSMENT,
                f"{plan.child.first_name} has had no neglect assessment in the last {months} "
                f"month{'s' if months != 1 else ''}",
            )
        )
    if not plan.neglect_reasonings.filter(recorded_on__lte=on).exists():
        prompts.append(
            Prompt(NO_REASONING, "No reasoning links the category to the assessed concerns")
        )
    return prompts


@dataclass(frozen=True)
class NeglectConsistency:
    plans: int
    without_recent_assessment: int
    without_reasoning: int
    prompted: int


def neglect_consistency(on: date) -> NeglectConsistency:
    """Plans open on `on` under neglect, and how many of them would show a prompt that day.

    The category is the one the plan had that day: its last change by then, or its first."""
    cutoff = timescales_around.neglect_assessment_cutoff(on)
    last_change = CategoryChange.objects.filter(plan_id=OuterRef("pk"), changed_on__lte=on)
    plans = (
        ProtectionPlan.objects.open_on(on)
        .annotate(
            category_then=Coalesce(
                Subquery(last_change.order_by("-changed_on", "-id").values("to_category")[:1]),
                F("initial_category"),
            )
        )
        .filter(category_then=CategoryOfAbuse.NEGLECT)
        .annotate(
            assessed=Exists(
                NeglectAssessment.objects.filter(
                    child_id=OuterRef("child_id"), assessed_on__gte=cutoff, assessed_on__lte=on
                )
            ),
            reasoned=Exists(
                NeglectReasoning.objects.filter(plan_id=OuterRef("pk"), recorded_on__lte=on)
            ),
        )
    )
    return NeglectConsistency(
        plans=plans.count(),
        without_recent_assessment=plans.filter(assessed=False).count(),
        without_reasoning=plans.filter(reasoned=False).count(),
        prompted=plans.filter(Q(assessed=False) | Q(reasoned=False)).count(),
    )


def count_plans_prompted(on: date) -> int:
    """The measure: plans under neglect on `on` without a recent assessment or reasoning."""
    return neglect_consistency(on).prompted

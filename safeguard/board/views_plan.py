"""The business plan: the year's priorities with objectives, measures, actions and each quarter's
RAG rating and narrative."""

from django.contrib import messages
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from safeguard.access.decorators import capability_required
from safeguard.board import capabilities as cap
from safeguard.board import services_plan as services
from safeguard.board import years
from safeguard.board.codes import QUARTERS
from safeguard.board.forms_plan import (
    ObjectiveForm,
    PlanActionForm,
    PlanActionStatusForm,
    PlanForm,
    PriorityEditForm,
    PriorityForm,
    RatingForm,
)
from safeguard.board.models import BusinessPlan, PlanAction, Priority, QuarterRating
from safeguard.board.views_common import chosen_year, form_page, posted, year_options
from safeguard.core.refusals import attempt


def _default_year(offered: list[str]) -> str:
    """This year's plan if there is one, else the latest plan before it, else the latest."""
    this_year = years.year_of(timezone.localdate())
    earlier = [y for y in offered if y <= this_year]
    return max(earlier) if earlier else max(offered, default="")


@capability_required(cap.READ)
def plan(request: HttpRequest) -> HttpResponse:
    offered = list(BusinessPlan.objects.values_list("year", flat=True))
    year = chosen_year(request, offered, _default_year(offered))
    found = (
        BusinessPlan.objects.filter(year=year)
        .prefetch_related(
            Prefetch(
                "priorities",
                queryset=Priority.objects.select_related("lead_group").prefetch_related(
                    "objectives", "actions", "ratings"
                ),
            )
        )
        .first()
    )
    priorities = []
    if found is not None:
        for priority in found.priorities.all():
            by_quarter = {r.quarter: r for r in priority.ratings.all()}
            priorities.append((priority, [(q, by_quarter.get(q)) for q in QUARTERS]))
    return render(
        request,
        "board/plan.html",
        {
            "plan": found,
            "priorities": priorities,
            "year": year,
            "years": year_options(offered),
            "quarters": QUARTERS,
            "can_manage": request.user.can(cap.MANAGE),
        },
    )


@capability_required(cap.MANAGE)
@require_http_methods(["GET", "POST"])
def plan_new(request: HttpRequest) -> HttpResponse:
    form = PlanForm(posted(request))
    if request.method == "POST" and form.is_valid():
        made = attempt(form, lambda: services.create_plan(**form.cleaned_data))
        if made is not None:
            messages.success(request, f"Business plan for {made.year} started. Add its priorities.")
            return redirect(made.get_absolute_url())
    return form_page(
        request,
        form,
        heading="Start a business plan",
        caption="Business plan",
        back_url=reverse("board:plan"),
        back_label="Business plan",
        button="Start plan",
    )


def _priority(priority_id: int) -> Priority:
    return get_object_or_404(Priority.objects.select_related("plan", "lead_group"), pk=priority_id)


@capability_required(cap.MANAGE)
@require_http_methods(["GET", "POST"])
def priority_new(request: HttpRequest, business_plan_id: int) -> HttpResponse:
    found = get_object_or_404(BusinessPlan, pk=business_plan_id)
    form = PriorityForm(posted(request))
    if request.method == "POST" and form.is_valid():
        made = attempt(form, lambda: services.add_priority(found, **form.cleaned_data))
        if made is not None:
            messages.success(request, f"Priority {made.number} added. Now add its objectives.")
            return redirect(made)
    return form_page(
        request,
        form,
        heading="Add a priority",
        caption=str(found),
        back_url=found.get_absolute_url(),
        back_label=str(found),
        button="Add priority",
    )


@capability_required(cap.READ)
def priority(request: HttpRequest, priority_id: int) -> HttpResponse:
    found = _priority(priority_id)
    ratings = {r.quarter: r for r in found.ratings.select_related("rated_by")}
    return render(
        request,
        "board/priority.html",
        {
            "priority": found,
            "objectives": found.objectives.all(),
            "actions": found.actions.all(),
            "quarters": [(q, label, ratings.get(q)) for q, label in QUARTERS.items()],
            "history": QuarterRating.history.filter(priority_id=found.pk)
            .select_related("history_user")
            .order_by("-history_date")[:20],
            "can_manage": request.user.can(cap.MANAGE),
        },
    )


@capability_required(cap.MANAGE)
@require_http_methods(["GET", "POST"])
def priority_edit(request: HttpRequest, priority_id: int) -> HttpResponse:
    found = _priority(priority_id)
    form = PriorityEditForm(
        posted(request),
        keep=found.measure_ids,
        initial={
            "version": found.version,
            "title": found.title,
            "lead_group": found.lead_group_id,
            "measure_ids": found.measure_ids,
        },
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and attempt(form, lambda: services.update_priority(found, **form.cleaned_data))
    ):
        messages.success(request, f"Priority {found.number} is saved.")
        return redirect(found)
    return form_page(
        request,
        form,
        heading=f"Change priority {found.number}",
        caption=str(found.plan),
        back_url=found.get_absolute_url(),
        back_label=found.title,
    )


@capability_required(cap.MANAGE)
@require_http_methods(["GET", "POST"])
def objective_new(request: HttpRequest, priority_id: int) -> HttpResponse:
    found = _priority(priority_id)
    form = ObjectiveForm(posted(request))
    if request.method == "POST" and form.is_valid():
        services.add_objective(found, text=form.cleaned_data["text"])
        messages.success(request, "Objective added.")
        return redirect(found)
    return form_page(
        request,
        form,
        heading="Add an objective",
        caption=str(found),
        back_url=found.get_absolute_url(),
        back_label=found.title,
        button="Add objective",
    )


@capability_required(cap.MANAGE)
@require_http_methods(["GET", "POST"])
def plan_action_new(request: HttpRequest, priority_id: int) -> HttpResponse:
    found = _priority(priority_id)
    form = PlanActionForm(posted(request))
    if request.method == "POST" and form.is_valid():
        services.add_plan_action(found, **form.cleaned_data)
        messages.success(request, "Action added to the plan.")
        return redirect(found)
    return form_page(
        request,
        form,
        heading="Add an action to the plan",
        caption=str(found),
        back_url=found.get_absolute_url(),
        back_label=found.title,
        button="Add action",
    )


@capability_required(cap.MANAGE)
@require_http_methods(["GET", "POST"])
def plan_action(request: HttpRequest, plan_action_id: int) -> HttpResponse:
    found = get_object_or_404(PlanAction.objects.select_related("priority"), pk=plan_action_id)
    form = PlanActionStatusForm(
        posted(request), initial={"version": found.version, "status": found.status}
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and attempt(form, lambda: services.update_plan_action(found, **form.cleaned_data))
    ):
        messages.success(request, "The plan's action is updated.")
        return redirect(found.priority)
    return form_page(
        request,
        form,
        heading="Update an action in the plan",
        caption=str(found.priority),
        back_url=found.priority.get_absolute_url(),
        back_label=found.priority.title,
        intro=f"{found.description} (led by {found.lead}, due {found.due_on:%-d %B %Y})",
    )


@capability_required(cap.MANAGE)
@require_http_methods(["GET", "POST"])
def rating(request: HttpRequest, priority_id: int) -> HttpResponse:
    found = _priority(priority_id)
    asked = request.GET.get("quarter", "")
    quarter = int(asked) if asked in {"1", "2", "3", "4"} else 1
    existing = found.ratings.filter(quarter=quarter).first()
    initial = {"version": existing.version if existing else None}
    if existing:
        initial |= {"rag": existing.rag, "narrative": existing.narrative}
    form = RatingForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if attempt(
            form,
            lambda: services.rate_quarter(
                found,
                quarter=quarter,
                rag=data["rag"],
                narrative=data["narrative"],
                version=data["version"],
                by=request.user,
            ),
        ):
            messages.success(request, f"{QUARTERS[quarter]} is rated.")
            return redirect(found)
    return form_page(
        request,
        form,
        heading=f"RAG rating for q{QUARTERS[quarter][1:]}",
        caption=f"{found.plan}: {found.title}",
        back_url=found.get_absolute_url(),
        back_label=found.title,
        button="Save rating",
    )

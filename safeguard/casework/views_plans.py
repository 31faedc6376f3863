"""Protection plans and children in need plans: the plan at a glance and the actions on it.

Every record is reached through `casework.access`, so scope, restriction and the access log apply;
every change goes through `services`, so the pathway's rules apply.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import wraps

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from safeguard.access.decorators import capability_required
from safeguard.casework import capabilities as cap
from safeguard.casework import services, timescales
from safeguard.casework.access import (
    get_cin_plan_for_user,
    get_plan_for_user,
    get_referral_for_user,
)
from safeguard.casework.codes import Attendee
from safeguard.casework.forms_plans import (
    CategoryChangeForm,
    ChildInNeedPlanForm,
    ChildInNeedReviewForm,
    CoreGroupForm,
    EndChildInNeedPlanForm,
    EndPlanForm,
    ReviewForm,
    VisitForm,
)
from safeguard.casework.models import ChildInNeedPlan, ProtectionPlan
from safeguard.casework.rules import PathwayError
from safeguard.casework.tray import due_soon_cutoff
from safeguard.core.models import StaleEdit
from safeguard.core.refusals import STALE_EDIT
from safeguard.people.access import RecordRestricted, get_child_for_user

View = Callable[..., HttpResponse]


def break_glass_when_restricted(view: View) -> View:
    """A restricted child's record sends the person to break the glass, as the summary does."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except RecordRestricted as restricted:
            return redirect("people:break-glass", child_id=restricted.child.pk)

    return wrapped


def _refused(form: forms.Form, error: PathwayError | StaleEdit) -> None:
    """Show a service's refusal against the answers that caused it."""
    if isinstance(error, StaleEdit):
        form.add_error(None, STALE_EDIT)
        return
    for problem in error.problems:
        form.add_error(problem.field if problem.field in form.fields else None, problem.message)


def _posted(request: HttpRequest) -> QueryDict | None:
    """The answers, if posted: a form posted with nothing filled in must still show its errors."""
    return request.POST if request.method == "POST" else None


@dataclass(frozen=True)
class Due:
    due_on: date
    overdue: bool
    due_soon: bool


def _due(due_on: date, today: date) -> Due:
    return Due(due_on, due_on < today, today <= due_on <= due_soon_cutoff(today))


@capability_required(cap.RECORD)
@break_glass_when_restricted
def plan_detail(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = get_plan_for_user(request, plan_id, "Protection plan")
    today = timezone.localdate()
    core_groups = [
        (meeting, [Attendee(a).label for a in meeting.attendees])
        for meeting in plan.core_groups.all()
    ]
    return render(
        request,
        "casework/plans/plan.html",
        {
            "plan": plan,
            "child": plan.child,
            "first_core_group": plan.core_groups.first(),
            "first_core_group_due": _due(timescales.first_core_group_due(plan), today),
            "review_due": _due(timescales.next_review_due(plan), today) if plan.is_open else None,
            "visit_due": _due(timescales.next_visit_due(plan), today) if plan.is_open else None,
            "other_plans": ProtectionPlan.objects.filter(child=plan.child).exclude(pk=plan.pk),
            "core_groups": core_groups,
            "visits": plan.visits.select_related("visited_by"),
            "reviews": plan.reviews.select_related("chair"),
            "category_changes": plan.category_changes.select_related("changed_by"),
            "can_chair": request.user.can(cap.CHAIR),
        },
    )


@capability_required(cap.RECORD)
@require_http_methods(["GET", "POST"])
@break_glass_when_restricted
def plan_category(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = get_plan_for_user(request, plan_id, "Change a plan's category")
    form = CategoryChangeForm(_posted(request), initial={"version": plan.version})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.change_category(
                plan,
                version=data["version"],
                to=data["category"],
                reason=data["reason"],
                on=data["changed_on"],
                by=request.user,
            )
        except (PathwayError, StaleEdit) as error:
            plan.refresh_from_db()
            _refused(form, error)
        else:
            messages.success(
                request, f"The category is now {plan.get_latest_category_display().lower()}."
            )
            return redirect("casework:plan", plan_id=plan.pk)
    return render(request, "casework/plans/category.html", {"plan": plan, "form": form})


@capability_required(cap.RECORD)
@require_http_methods(["GET", "POST"])
@break_glass_when_restricted
def core_group_new(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = get_plan_for_user(request, plan_id, "Record a core group meeting")
    form = CoreGroupForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.record_core_group(
                plan,
                held_on=data["held_on"],
                attendees=data["attendees"],
                notes=data["notes"],
                by=request.user,
            )
        except PathwayError as error:
            _refused(form, error)
        else:
            messages.success(request, "Core group meeting recorded.")
            return redirect("casework:plan", plan_id=plan.pk)
    return render(request, "casework/plans/core_group_new.html", {"plan": plan, "form": form})


@capability_required(cap.RECORD)
@require_http_methods(["GET", "POST"])
@break_glass_when_restricted
def visit_new(request: HttpRequest, child_id: int) -> HttpResponse:
    child = get_child_for_user(request, child_id, "Record a visit")
    open_plan = ProtectionPlan.objects.filter(child=child, ended_on__isnull=True).first()
    form = VisitForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            visit = services.record_visit(
                child,
                visited_on=data["visited_on"],
                seen=data["seen"],
                seen_alone=data["seen_alone"],
                notes=data["notes"],
                by=request.user,
            )
        except PathwayError as error:
            _refused(form, error)
        else:
            messages.success(request, "Visit recorded.")
            if visit.plan_id:
                return redirect("casework:plan", plan_id=visit.plan_id)
            return redirect("people:child", child_id=child.pk)
    return render(
        request,
        "casework/plans/visit_new.html",
        {"child": child, "plan": open_plan, "form": form},
    )


@capability_required(cap.CHAIR)
@require_http_methods(["GET", "POST"])
@break_glass_when_restricted
def review_new(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = get_plan_for_user(request, plan_id, "Review conference")
    form = ReviewForm(
        _posted(request),
        initial={"version": plan.version, "category": plan.latest_category},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            review = services.hold_review(
                plan,
                version=data["version"],
                held_on=data["held_on"],
                chair=request.user,
                decision=data["decision"],
                category=data["category"],
                category_reason=data["category_reason"],
                end_reason=data["end_reason"],
                notes=data["notes"],
            )
        except (PathwayError, StaleEdit) as error:
            plan.refresh_from_db()
            _refused(form, error)
        else:
            messages.success(
                request, f"Review conference recorded: {review.get_decision_display()}."
            )
            return redirect("casework:plan", plan_id=plan.pk)
    return render(
        request,
        "casework/plans/review_new.html",
        {"plan": plan, "form": form, "review_due": timescales.next_review_due(plan)},
    )


@capability_required(cap.RECORD)
@require_http_methods(["GET", "POST"])
@break_glass_when_restricted
def plan_end(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = get_plan_for_user(request, plan_id, "End a protection plan")
    form = EndPlanForm(_posted(request), initial={"version": plan.version})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.end_plan(
                plan, version=data["version"], ended_on=data["ended_on"], reason=data["reason"]
            )
        except (PathwayError, StaleEdit) as error:
            plan.refresh_from_db()
            _refused(form, error)
        else:
            messages.success(request, "The protection plan has ended.")
            return redirect("casework:plan", plan_id=plan.pk)
    return render(request, "casework/plans/end.html", {"plan": plan, "form": form})


@capability_required(cap.RECORD)
@require_http_methods(["GET", "POST"])
@break_glass_when_restricted
def cin_plan_new(request: HttpRequest, referral_id: int) -> HttpResponse:
    referral = get_referral_for_user(request, referral_id, "Start a child in need plan")
    form = ChildInNeedPlanForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            plan = services.start_cin_plan(
                referral, started_on=data["started_on"], objectives=data["objectives"]
            )
        except PathwayError as error:
            _refused(form, error)
        else:
            messages.success(request, "Child in need plan started.")
            return redirect("casework:cin-plan", cin_plan_id=plan.pk)
    return render(request, "casework/plans/cin_plan_new.html", {"referral": referral, "form": form})


def _cin_forms(
    request: HttpRequest, plan: ChildInNeedPlan
) -> tuple[ChildInNeedReviewForm, EndChildInNeedPlanForm]:
    """Bind only the form whose button was pressed; the other starts afresh."""
    action = request.POST.get("action") if request.method == "POST" else None
    review = ChildInNeedReviewForm(request.POST if action == "review" else None)
    end = EndChildInNeedPlanForm(
        request.POST if action == "end" else None, initial={"version": plan.version}
    )
    return review, end


@capability_required(cap.RECORD)
@require_http_methods(["GET", "POST"])
@break_glass_when_restricted
def cin_plan_detail(request: HttpRequest, cin_plan_id: int) -> HttpResponse:
    plan = get_cin_plan_for_user(request, cin_plan_id, "Child in need plan")
    review_form, end_form = _cin_forms(request, plan)
    if review_form.is_bound and review_form.is_valid():
        data = review_form.cleaned_data
        try:
            services.review_cin_plan(
                plan, held_on=data["held_on"], notes=data["notes"], by=request.user
            )
        except PathwayError as error:
            _refused(review_form, error)
        else:
            messages.success(request, "Review recorded.")
            return redirect("casework:cin-plan", cin_plan_id=plan.pk)
    if end_form.is_bound and end_form.is_valid():
        data = end_form.cleaned_data
        try:
            services.end_cin_plan(plan, version=data["version"], ended_on=data["ended_on"])
        except (PathwayError, StaleEdit) as error:
            plan.refresh_from_db()
            _refused(end_form, error)
        else:
            messages.success(request, "The child in need plan has ended.")
            return redirect("casework:cin-plan", cin_plan_id=plan.pk)
    today = timezone.localdate()
    is_open = plan.ended_on is None
    return render(
        request,
        "casework/plans/cin_plan.html",
        {
            "plan": plan,
            "referral": plan.referral,
            "child": plan.referral.child,
            "reviews": plan.reviews.select_related("recorded_by"),
            "review_due": _due(timescales.next_cin_review_due(plan), today) if is_open else None,
            "is_open": is_open,
            "review_form": review_form,
            "end_form": end_form,
        },
    )

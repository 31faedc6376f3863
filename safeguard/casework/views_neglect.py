"""Neglect assessments (the Graded Care Profile 2's scores) and the reasoning for a neglect plan."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from safeguard.access.decorators import capability_required
from safeguard.casework import capabilities as cap
from safeguard.casework import services_neglect as services
from safeguard.casework.access import get_plan_for_user
from safeguard.casework.forms_neglect import NeglectAssessmentForm, NeglectReasoningForm
from safeguard.casework.models import NeglectAssessment, ProtectionPlan
from safeguard.casework.views_around import break_glass_when_restricted, posted
from safeguard.core.refusals import attempt
from safeguard.people.access import get_child_for_user


@capability_required(cap.NEGLECT)
@require_http_methods(["GET", "POST"])
@break_glass_when_restricted
def neglect(request: HttpRequest, child_id: int) -> HttpResponse:
    """The child's neglect assessments, and the form to record another."""
    child = get_child_for_user(request, child_id, "Neglect assessments")
    form = NeglectAssessmentForm(posted(request))
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        assessment = attempt(
            form,
            lambda: services.record_assessment(
                child,
                assessed_on=data["assessed_on"],
                carer_name=data["carer_name"],
                grades=form.grades(),
                comments=data["comments"],
                assessor=request.user,
            ),
        )
        if assessment is not None:
            messages.success(request, "Neglect assessment recorded.")
            return redirect("casework:neglect", child_id=child.pk)
    return render(
        request,
        "casework/around/neglect.html",
        {
            "child": child,
            "form": form,
            "assessments": NeglectAssessment.objects.filter(child=child).select_related("assessor"),
            "plan": ProtectionPlan.objects.filter(child=child, ended_on__isnull=True).first(),
        },
    )


@capability_required(cap.RECORD)
@require_http_methods(["GET", "POST"])
@break_glass_when_restricted
def neglect_reasoning(request: HttpRequest, plan_id: int) -> HttpResponse:
    """The plan's worker says how the assessed concerns lead to the neglect category."""
    plan = get_plan_for_user(request, plan_id, "Reasoning for a neglect plan")
    form = NeglectReasoningForm(posted(request), child_id=plan.child_id)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        reasoning = attempt(
            form,
            lambda: services.record_reasoning(
                plan, assessment=data["assessment"], reasoning=data["reasoning"], by=request.user
            ),
        )
        if reasoning is not None:
            messages.success(request, "The reasoning for the neglect category is recorded.")
            return redirect("casework:plan", plan_id=plan.pk)
    return render(
        request,
        "casework/around/neglect_reasoning.html",
        {
            "plan": plan,
            "child": plan.child,
            "form": form,
            "reasonings": plan.neglect_reasonings.select_related("recorded_by", "assessment"),
        },
    )

"""Early help: the lead practitioner's work tray, starting an episode, the episode's page (its
assessment and plan, reviews, lead and end) and the step up to children's social care."""

import uuid
from datetime import date

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from safeguard.access.decorators import capability_required
from safeguard.access.log import Access, record_accesses
from safeguard.access.models import AccessKind
from safeguard.casework import capabilities as cap
from safeguard.casework import services_early_help as services
from safeguard.casework import timescales_around, tray_around
from safeguard.casework.forms_early_help import (
    AssessmentAndPlanForm,
    EarlyHelpReviewForm,
    EndEarlyHelpForm,
    LeadForm,
    StartEarlyHelpForm,
    StepUpForm,
)
from safeguard.casework.models import EarlyHelpEpisode
from safeguard.casework.tray import due_soon_cutoff
from safeguard.casework.views_around import break_glass_when_restricted, due, posted, reach
from safeguard.casework.views_plans import Due
from safeguard.core.refusals import attempt
from safeguard.people.access import get_child_for_user

EPISODES = EarlyHelpEpisode.objects.select_related(
    "child", "lead_practitioner", "lead_agency", "assessment_agency", "stepped_down_from"
)


@capability_required(cap.EARLY_HELP_TRAY)
def early_help_tray(request: HttpRequest) -> HttpResponse:
    """The open episodes this practitioner leads, with what each is due next."""
    today = timezone.localdate()
    soon = due_soon_cutoff(today)
    episodes = list(
        EPISODES.filter(lead_practitioner=request.user, ended_on__isnull=True).order_by(
            "started_on"
        )
    )
    tasks = tray_around.early_help_tasks(episodes)
    record_accesses(
        request.user,
        [Access(e.child_id, kind=AccessKind.SEARCH) for e in episodes],
        page=request.path,
        purpose="Early help work tray",
    )
    return render(
        request,
        "casework/around/early_help_tray.html",
        {
            "episodes": episodes,
            "rows": [(task, task.status(today, soon)) for task in tasks],
        },
    )


@capability_required(cap.EARLY_HELP)
@require_http_methods(["GET", "POST"])
@break_glass_when_restricted
def early_help_new(request: HttpRequest, child_id: int) -> HttpResponse:
    child = get_child_for_user(request, child_id, "Start early help")
    leads = services.possible_leads()
    initial = {"started_on": timezone.localdate()}
    if services.can_lead(request.user):
        initial["lead_practitioner"] = request.user.pk
    form = StartEarlyHelpForm(posted(request), leads=leads, child_id=child.pk, initial=initial)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        episode = attempt(
            form,
            lambda: services.start_early_help(
                child,
                started_on=data["started_on"],
                lead=data["lead_practitioner"],
                needs=data["needs"],
                route=data["route"],
                stepped_down_from=data["stepped_down_from"],
                by=request.user,
            ),
        )
        if episode is not None:
            messages.success(request, f"Early help started, led by {episode.lead_practitioner}.")
            if episode.lead_practitioner_id == request.user.pk or request.user.can(cap.RECORD):
                return redirect("casework:early-help", early_help_id=episode.pk)
            return redirect("people:child", child_id=child.pk)
    return render(request, "casework/around/early_help_new.html", {"child": child, "form": form})


@capability_required(cap.EARLY_HELP)
@require_http_methods(["GET", "POST"])
@break_glass_when_restricted
def early_help(request: HttpRequest, early_help_id: int) -> HttpResponse:
    episode = reach(request, EPISODES, early_help_id, "Early help episode")
    leads = services.possible_leads()
    version = {"version": episode.version}
    forms = {
        "plan": AssessmentAndPlanForm(
            posted(request, "plan"),
            prefix="plan",
            initial={
                **version,
                "assessment_started_on": episode.assessment_started_on,
                "assessment_completed_on": episode.assessment_completed_on,
                "assessment_agency": episode.assessment_agency_id or episode.lead_agency_id,
                "plan_agreed_on": episode.plan_agreed_on,
                "plan": episode.plan,
            },
        ),
        "review": EarlyHelpReviewForm(posted(request, "review"), prefix="review"),
        "lead": LeadForm(posted(request, "lead"), leads=leads, initial=version, prefix="lead"),
        "end": EndEarlyHelpForm(posted(request, "end"), initial=version, prefix="end"),
    }
    calls = {
        "plan": lambda d: services.record_assessment_and_plan(episode, **d),
        "review": lambda d: services.review(episode, by=request.user, **d),
        "lead": lambda d: services.change_lead(
            episode, version=d["version"], lead=d["lead_practitioner"]
        ),
        "end": lambda d: services.end_early_help(
            episode,
            version=d["version"],
            ended_on=d["ended_on"],
            outcome=d["outcome"],
            notes=d["outcome_notes"],
        ),
    }
    for action, form in forms.items():
        if form.is_bound and form.is_valid():
            if attempt(form, lambda f=form, a=action: calls[a](f.cleaned_data)) is not None:
                messages.success(request, "Early help episode updated.")
                return _after_change(request, episode)
            episode.refresh_from_db()
    today = timezone.localdate()
    reviews = list(episode.reviews.select_related("recorded_by"))
    return render(
        request,
        "casework/around/early_help.html",
        {
            "episode": episode,
            "child": episode.child,
            "reviews": reviews,
            "steps_up": episode.steps_up.select_related("contact", "stepped_up_by"),
            "assessment_due": _assessment_due(episode, today),
            "review_due": _review_due(episode, reviews, today),
            **{f"{name}_form": form for name, form in forms.items()},
        },
    )


def _assessment_due(episode: EarlyHelpEpisode, today: date) -> Due | None:
    if not episode.is_open or episode.assessment_completed_on:
        return None
    return due(timescales_around.early_help_assessment_due(episode.started_on), today)


def _review_due(episode: EarlyHelpEpisode, reviews: list, today: date) -> Due | None:
    if not episode.is_open or episode.plan_agreed_on is None:
        return None
    held = [r.held_on for r in reviews]
    return due(timescales_around.early_help_review_due(episode.plan_agreed_on, held), today)


def _after_change(request: HttpRequest, episode: EarlyHelpEpisode) -> HttpResponse:
    """Back to the episode, unless the change took it out of this person's reach (an ended
    episode, or another lead) when they see children only through the episodes they lead."""
    episode.refresh_from_db()
    still_reaches = request.user.can(cap.RECORD) or (
        episode.is_open and episode.lead_practitioner_id == request.user.pk
    )
    if still_reaches:
        return redirect("casework:early-help", early_help_id=episode.pk)
    if request.user.can(cap.EARLY_HELP_TRAY):
        return redirect("casework:early-help-tray")
    return redirect("people:find")


@capability_required(cap.EARLY_HELP)
@require_http_methods(["GET", "POST"])
@break_glass_when_restricted
def step_up(request: HttpRequest, early_help_id: int) -> HttpResponse:
    episode = reach(request, EPISODES, early_help_id, "Step up to children's social care")
    form = StepUpForm(posted(request), initial={"idempotency_key": uuid.uuid4()})
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        stepped = attempt(
            form,
            lambda: services.step_up(
                episode,
                reason=data["reason"],
                concerns=data["concerns"],
                immediate_danger=data["immediate_danger"],
                family_aware=data["family_aware"],
                lawful_basis=data["lawful_basis"],
                lawful_basis_details=data["lawful_basis_details"],
                idempotency_key=data["idempotency_key"],
                by=request.user,
            ),
        )
        if stepped is not None:
            messages.success(
                request,
                f"Contact {stepped.contact.reference} is with the MASH: they will decide what "
                "happens next and tell you.",
            )
            return redirect("casework:early-help", early_help_id=episode.pk)
    return render(
        request,
        "casework/around/step_up.html",
        {"episode": episode, "child": episode.child, "form": form},
    )

"""The first half of the child protection pathway: allocation, the referral's episode page,
assessment, strategy discussion, section 47 enquiry, the initial conference and closure.

Records are reached only through `casework.access` (scope, restriction and the access log), and
every change goes through `casework.services`, whose refusals become form errors.
"""

from collections.abc import Callable
from functools import wraps
from typing import TypeVar

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import TextChoices
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from safeguard.access.decorators import capability_required
from safeguard.casework import capabilities as cap
from safeguard.casework import services, timescales
from safeguard.casework.access import (
    get_assessment_for_user,
    get_discussion_for_user,
    get_enquiry_for_user,
    get_referral_for_user,
)
from safeguard.casework.caseloads import current_caseloads, team_summary
from safeguard.casework.codes import AssessmentFactor, Attendee, EnquiryOutcome
from safeguard.casework.forms_pathway import (
    AllocateForm,
    AuthoriseAssessmentForm,
    CloseReferralForm,
    CompleteAssessmentForm,
    EnquiryOutcomeForm,
    InitialConferenceForm,
    StartAssessmentForm,
    StartEnquiryForm,
    StrategyDiscussionForm,
)
from safeguard.casework.models import Allocation, CaseworkSettings, InitialConference
from safeguard.core.refusals import attempt
from safeguard.frontdoor.models import Referral
from safeguard.people.access import RecordRestricted, get_child_for_user

T = TypeVar("T")
View = Callable[..., HttpResponse]


def _break_glass_if_restricted(view: View) -> View:
    """A restricted child's records send the user to break the glass, as the child's page does."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except RecordRestricted as restricted:
            return redirect("people:break-glass", child_id=restricted.child.pk)

    return wrapped


def _labels(codes: list[str], choices: type[TextChoices]) -> list[str]:
    return [choices(code).label for code in codes if code in choices.values]


def _current_allocation(child_id: int) -> Allocation | None:
    return (
        Allocation.objects.filter(child_id=child_id, ended_on__isnull=True)
        .select_related("worker", "team")
        .first()
    )


@capability_required(cap.AUTHORISE)
@require_http_methods(["GET", "POST"])
@_break_glass_if_restricted
def allocate(request: HttpRequest, child_id: int) -> HttpResponse:
    child = get_child_for_user(request, child_id, "Allocate a child")
    form = AllocateForm(request.POST or None, initial={"started_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        allocation = attempt(
            form,
            lambda: services.allocate(
                child, data["worker"], data["team"], on=data["started_on"], by=request.user
            ),
        )
        if allocation is not None:
            messages.success(
                request,
                f"{child.full_name} is allocated to {allocation.worker.full_name}, "
                f"{allocation.team.name}.",
            )
            return redirect("people:child", child_id=child.pk)
    history = child.allocations.select_related("worker", "team", "allocated_by")
    caseloads = current_caseloads(list(request.user.teams.values_list("pk", flat=True)))
    return render(
        request,
        "casework/pathway/allocate.html",
        {
            "child": child,
            "form": form,
            "history": history,
            "caseloads": caseloads,
            "teams": team_summary(caseloads),
        },
    )


@capability_required(cap.RECORD)
@_break_glass_if_restricted
def referral_detail(request: HttpRequest, referral_id: int) -> HttpResponse:
    referral = get_referral_for_user(request, referral_id, "Referral")
    discussions = referral.strategy_discussions.select_related("recorded_by").prefetch_related(
        "enquiries"
    )
    enquiries = referral.enquiries.select_related(
        "strategy_discussion", "conference__chair", "conference__plan"
    )
    conferences = [
        (e.conference, _labels(e.conference.attendees, Attendee))
        for e in enquiries
        if hasattr(e, "conference")
    ]
    is_open = referral.closed_on is None
    return render(
        request,
        "casework/pathway/referral.html",
        {
            "referral": referral,
            "child": referral.child,
            "allocation": _current_allocation(referral.child_id),
            "assessments": referral.assessments.select_related("worker", "authorised_by"),
            "discussions": [(d, _labels(d.attendees, Attendee)) for d in discussions],
            "enquiries": enquiries,
            "conferences": conferences,
            "plans": referral.protection_plans.all(),
            "cin_plans": referral.cin_plans.all(),
            "today": timezone.localdate(),
            "is_open": is_open,
            "can_start_assessment": is_open
            and not referral.assessments.filter(authorised_on__isnull=True).exists(),
            "can_allocate": request.user.can(cap.AUTHORISE),
            "can_chair": request.user.can(cap.CHAIR),
        },
    )


@capability_required(cap.RECORD)
@require_http_methods(["GET", "POST"])
@_break_glass_if_restricted
def new_assessment(request: HttpRequest, referral_id: int) -> HttpResponse:
    referral = get_referral_for_user(request, referral_id, "Start an assessment")
    allocation = _current_allocation(referral.child_id)
    worker = allocation.worker if allocation else request.user
    form = StartAssessmentForm(request.POST or None, initial={"worker": worker})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        assessment = attempt(
            form,
            lambda: services.start_assessment(
                referral, started_on=data["started_on"], worker=data["worker"]
            ),
        )
        if assessment is not None:
            messages.success(
                request, f"Assessment started. It is due by {assessment.due_on:%-d %B %Y}."
            )
            return redirect("casework:assessment", assessment_id=assessment.pk)
    return render(
        request, "casework/pathway/assessment_new.html", {"referral": referral, "form": form}
    )


@capability_required(cap.RECORD)
@require_http_methods(["GET", "POST"])
@_break_glass_if_restricted
def assessment_detail(request: HttpRequest, assessment_id: int) -> HttpResponse:
    """The assessment, a form to complete it, and (for managers) a form to authorise it.

    The two forms post to this page; the button's `action` value says which was sent.
    """
    assessment = get_assessment_for_user(request, assessment_id, "Assessment")
    can_authorise = request.user.can(cap.AUTHORISE)
    action = request.POST.get("action") if request.method == "POST" else None
    if action == "authorise" and not can_authorise:
        raise PermissionDenied
    complete_form = CompleteAssessmentForm(
        request.POST if action == "complete" else None,
        due_on=assessment.due_on,
        initial={
            "version": assessment.version,
            "factors": assessment.factors,
            "outcome": assessment.outcome,
            "completed_on": assessment.completed_on,
            "late_reason": assessment.late_reason,
        },
    )
    authorise_form = AuthoriseAssessmentForm(
        request.POST if action == "authorise" else None,
        initial={"version": assessment.version, "authorised_on": timezone.localdate()},
        prefix="authorise",
    )
    if action == "complete" and complete_form.is_valid():
        data = complete_form.cleaned_data
        if not assessment.is_open:
            complete_form.add_error(None, "The assessment has been authorised: it cannot change")
        elif attempt(
            complete_form,
            lambda: services.complete_assessment(
                assessment,
                version=data["version"],
                factors=data["factors"],
                outcome=data["outcome"],
                completed_on=data["completed_on"],
                late_reason=data["late_reason"],
            ),
        ):
            messages.success(request, "The assessment is completed, ready for authorisation.")
            return redirect("casework:assessment", assessment_id=assessment.pk)
    if action == "authorise" and authorise_form.is_valid():
        data = authorise_form.cleaned_data
        if not assessment.is_open:
            authorise_form.add_error(None, "The assessment has already been authorised")
        elif attempt(
            authorise_form,
            lambda: services.authorise_assessment(
                assessment, version=data["version"], by=request.user, on=data["authorised_on"]
            ),
        ):
            messages.success(request, "The assessment is authorised.")
            return redirect("casework:referral", referral_id=assessment.referral_id)
    if request.method == "POST":
        # A refused save may have changed the copy in memory: show the record as it is stored.
        assessment.refresh_from_db()
    return render(
        request,
        "casework/pathway/assessment.html",
        {
            "assessment": assessment,
            "referral": assessment.referral,
            "factors": _labels(assessment.factors, AssessmentFactor),
            "complete_form": complete_form,
            "authorise_form": authorise_form,
            "errors": complete_form.errors or authorise_form.errors,
            "can_authorise": can_authorise,
            "today": timezone.localdate(),
        },
    )


@capability_required(cap.RECORD)
@require_http_methods(["GET", "POST"])
@_break_glass_if_restricted
def new_strategy_discussion(request: HttpRequest, referral_id: int) -> HttpResponse:
    referral = get_referral_for_user(request, referral_id, "Record a strategy discussion")
    form = StrategyDiscussionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        discussion = attempt(
            form,
            lambda: services.record_strategy_discussion(
                referral,
                held_on=data["held_on"],
                attendees=data["attendees"],
                what_was_known=data["what_was_known"],
                decision=data["decision"],
                rationale=data["rationale"],
                by=request.user,
            ),
        )
        if discussion is not None:
            messages.success(request, "Strategy discussion recorded.")
            return redirect("casework:referral", referral_id=referral.pk)
    return render(
        request, "casework/pathway/strategy_new.html", {"referral": referral, "form": form}
    )


@capability_required(cap.RECORD)
@require_http_methods(["GET", "POST"])
@_break_glass_if_restricted
def new_enquiry(request: HttpRequest, discussion_id: int) -> HttpResponse:
    discussion = get_discussion_for_user(request, discussion_id, "Start a section 47 enquiry")
    form = StartEnquiryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        enquiry = attempt(
            form,
            lambda: services.start_enquiry(discussion, started_on=form.cleaned_data["started_on"]),
        )
        if enquiry is not None:
            messages.success(
                request,
                "Section 47 enquiry started. The initial conference is due by "
                f"{enquiry.conference_due_on:%-d %B %Y}.",
            )
            return redirect("casework:enquiry", enquiry_id=enquiry.pk)
    return render(
        request,
        "casework/pathway/enquiry_new.html",
        {"discussion": discussion, "referral": discussion.referral, "form": form},
    )


@capability_required(cap.RECORD)
@require_http_methods(["GET", "POST"])
@_break_glass_if_restricted
def enquiry_detail(request: HttpRequest, enquiry_id: int) -> HttpResponse:
    enquiry = get_enquiry_for_user(request, enquiry_id, "Section 47 enquiry")
    conference = InitialConference.objects.filter(enquiry=enquiry).first()
    form = EnquiryOutcomeForm(
        request.POST or None,
        initial={
            "version": enquiry.version,
            "outcome": enquiry.outcome,
            "completed_on": enquiry.completed_on,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if conference is not None:
            form.add_error(None, "The initial conference has been held: the outcome cannot change")
        elif attempt(
            form,
            lambda: services.record_enquiry_outcome(
                enquiry,
                version=data["version"],
                outcome=data["outcome"],
                completed_on=data["completed_on"],
            ),
        ):
            messages.success(request, "The enquiry's outcome is recorded.")
            return redirect("casework:enquiry", enquiry_id=enquiry.pk)
    if request.method == "POST":
        enquiry.refresh_from_db()
    settings = CaseworkSettings.current()
    today = timezone.localdate()
    waiting = conference is None and enquiry.outcome in ("", EnquiryOutcome.CONFERENCE)
    return render(
        request,
        "casework/pathway/enquiry.html",
        {
            "enquiry": enquiry,
            "referral": enquiry.referral,
            "conference": conference,
            "form": form,
            "anchor_rule": settings.get_icpc_anchor_display(),
            "anchor_date": timescales.conference_anchor(enquiry.strategy_discussion, settings),
            "conference_days": timescales.CONFERENCE_WORKING_DAYS,
            "conference_needed": enquiry.outcome == EnquiryOutcome.CONFERENCE,
            "conference_overdue": waiting and enquiry.conference_due_on < today,
            "can_chair": request.user.can(cap.CHAIR),
        },
    )


@capability_required(cap.CHAIR)
@require_http_methods(["GET", "POST"])
@_break_glass_if_restricted
def new_conference(request: HttpRequest, enquiry_id: int) -> HttpResponse:
    enquiry = get_enquiry_for_user(request, enquiry_id, "Record the initial conference")
    if InitialConference.objects.filter(enquiry=enquiry).exists():
        messages.info(request, "The initial conference for this enquiry has already been recorded.")
        return redirect("casework:referral", referral_id=enquiry.referral_id)
    form = InitialConferenceForm(request.POST or None, due_on=enquiry.conference_due_on)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        conference = attempt(
            form,
            lambda: services.hold_initial_conference(
                enquiry,
                held_on=data["held_on"],
                chair=request.user,
                attendees=data["attendees"],
                outcome=data["outcome"],
                category=data["category"],
                dissent=data["dissent"],
                late_reason=data["late_reason"],
                objectives=data["objectives"],
            ),
        )
        if conference is not None:
            if conference.quorate:
                messages.success(request, "Initial conference recorded. It was quorate.")
            else:
                messages.success(
                    request,
                    "Initial conference recorded as not quorate: the local authority, police "
                    "and health did not all attend.",
                )
            plan = getattr(conference, "plan", None)
            if plan is not None:
                return redirect(f"/casework/plans/{plan.pk}/")
            return redirect("casework:referral", referral_id=enquiry.referral_id)
    return render(
        request,
        "casework/pathway/conference_new.html",
        {"enquiry": enquiry, "referral": enquiry.referral, "form": form},
    )


@capability_required(cap.RECORD)
@require_http_methods(["GET", "POST"])
@_break_glass_if_restricted
def close(request: HttpRequest, referral_id: int) -> HttpResponse:
    referral = get_referral_for_user(request, referral_id, "Close a referral")
    form = CloseReferralForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        closed: Referral | None = attempt(
            form,
            lambda: services.close_referral(
                referral, closed_on=data["closed_on"], reason=data["reason"]
            ),
        )
        if closed is not None:
            messages.success(request, f"The referral is closed from {closed.closed_on:%-d %B %Y}.")
            return redirect("casework:referral", referral_id=referral.pk)
    return render(request, "casework/pathway/close.html", {"referral": referral, "form": form})

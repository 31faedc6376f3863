"""Serious incidents: the list with what is late, notifying, linking children, the rapid review
and commissioning the review that follows."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from safeguard.access.decorators import capability_required
from safeguard.access.models import AccessKind
from safeguard.core.refusals import attempt
from safeguard.people.access import RecordRestricted, get_child_for_user
from safeguard.people.models import Child
from safeguard.reviews import capabilities as cap
from safeguard.reviews import services_incidents as services
from safeguard.reviews import status
from safeguard.reviews.access import show_children
from safeguard.reviews.codes import RapidReviewDecision, ReviewKind
from safeguard.reviews.forms_incidents import (
    CommissionForm,
    IncidentForm,
    LinkChildForm,
    NotificationForm,
    RapidReviewForm,
)
from safeguard.reviews.models import SeriousIncident
from safeguard.reviews.views_common import PAGE_SIZE, posted


def _incident(incident_id: int) -> SeriousIncident:
    return get_object_or_404(
        SeriousIncident.objects.select_related("rapid_review", "case_review"), pk=incident_id
    )


@capability_required(cap.VIEW)
def incidents(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    found = SeriousIncident.objects.select_related("rapid_review", "case_review")
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [(i, status.stage(i), status.late(i, today)) for i in page]
    return render(
        request,
        "reviews/incidents.html",
        {"page": page, "rows": rows, "can_run": request.user.can(cap.RUN)},
    )


@capability_required(cap.RUN)
@require_http_methods(["GET", "POST"])
def new_incident(request: HttpRequest) -> HttpResponse:
    form = IncidentForm(posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        incident = attempt(
            form,
            lambda: services.record_incident(
                name=data["name"],
                aware_on=data["aware_on"],
                what_happened=data["what_happened"],
                agencies=data["agencies"],
                by=request.user,
            ),
        )
        if incident is not None:
            messages.success(
                request,
                f"Incident recorded. Notify the national Panel by "
                f"{incident.notification_due_on:%-d %B %Y}.",
            )
            return redirect("reviews:incident", incident_id=incident.pk)
    return render(request, "reviews/incident_new.html", {"form": form})


@capability_required(cap.VIEW)
def incident_detail(request: HttpRequest, incident_id: int) -> HttpResponse:
    incident = _incident(incident_id)
    today = timezone.localdate()
    child_ids = list(incident.child_links.values_list("child_id", flat=True))
    rapid = getattr(incident, "rapid_review", None)
    review = getattr(incident, "case_review", None)
    can_run = request.user.can(cap.RUN)
    return render(
        request,
        "reviews/incident.html",
        {
            "incident": incident,
            "children": show_children(request, child_ids, purpose=f"Serious incident {incident}"),
            "agencies": incident.agencies.all(),
            "milestones": [(m, m.state(today)) for m in status.milestones(incident)],
            "stage": status.stage(incident),
            "rapid": rapid,
            "rapid_agencies": rapid.agencies.all() if rapid else [],
            "review": review,
            "can_run": can_run,
            "can_link": request.user.can(cap.CASE_RECORDS),
            "can_notify": can_run and rapid is None,
            "can_hold_rapid_review": can_run
            and rapid is None
            and incident.notified_on is not None
            and not incident.under_old_rules,
            "can_commission": can_run
            and review is None
            and (
                incident.under_old_rules
                or (rapid is not None and rapid.decision == RapidReviewDecision.PRACTICE_REVIEW)
            ),
        },
    )


@capability_required(cap.RUN)
@require_http_methods(["GET", "POST"])
def record_notification(request: HttpRequest, incident_id: int) -> HttpResponse:
    incident = _incident(incident_id)
    form = NotificationForm(
        posted(request),
        due_on=incident.notification_due_on,
        initial={
            "version": incident.version,
            "notified_on": incident.notified_on,
            "late_reason": incident.notification_late_reason,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = attempt(
            form,
            lambda: services.record_notification(
                incident,
                version=data["version"],
                notified_on=data["notified_on"],
                late_reason=data["late_reason"],
            ),
        )
        if done is not None:
            due = (
                f" The rapid review is due by {done.rapid_review_due_on:%-d %B %Y}."
                if done.rapid_review_due_on
                else ""
            )
            messages.success(request, f"Notification recorded.{due}")
            return redirect("reviews:incident", incident_id=incident.pk)
        incident.refresh_from_db()
    return render(request, "reviews/notification.html", {"incident": incident, "form": form})


@capability_required(cap.CASE_RECORDS)
@require_http_methods(["GET", "POST"])
def link_child(request: HttpRequest, incident_id: int) -> HttpResponse:
    """Someone who may open the child's record links it; the read is logged as for any record."""
    incident = _incident(incident_id)
    form = LinkChildForm(posted(request))
    if request.method == "POST" and form.is_valid():
        la_child_id = form.cleaned_data["la_child_id"].strip().upper()
        found = Child.objects.current().filter(la_child_id=la_child_id).first()
        child = None
        if found is not None:
            try:
                child = get_child_for_user(
                    request,
                    found.pk,
                    f"Link to serious incident {incident}",
                    kind=AccessKind.UPDATE,
                )
            except (Http404, RecordRestricted):
                child = None
        if child is None:
            form.add_error("la_child_id", "Enter the LA child ID of a record you can open")
        elif attempt(form, lambda: services.link_child(incident, child, by=request.user)):
            messages.success(request, f"{child.full_name}'s record is linked to the incident.")
            return redirect("reviews:incident", incident_id=incident.pk)
    return render(request, "reviews/link_child.html", {"incident": incident, "form": form})


@capability_required(cap.RUN)
@require_http_methods(["GET", "POST"])
def rapid_review(request: HttpRequest, incident_id: int) -> HttpResponse:
    incident = _incident(incident_id)
    if hasattr(incident, "rapid_review"):
        messages.info(request, "The rapid review for this incident is already recorded.")
        return redirect("reviews:incident", incident_id=incident.pk)
    form = RapidReviewForm(
        posted(request),
        due_on=incident.rapid_review_due_on,
        initial={"agencies": incident.agencies.all()},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        held = attempt(
            form,
            lambda: services.hold_rapid_review(
                incident,
                held_on=data["held_on"],
                agencies=data["agencies"],
                decision=data["decision"],
                rationale=data["rationale"],
                late_reason=data["late_reason"],
                sent_to_panel_on=data["sent_to_panel_on"],
                by=request.user,
            ),
        )
        if held is not None:
            messages.success(request, "Rapid review recorded.")
            return redirect("reviews:incident", incident_id=incident.pk)
    return render(request, "reviews/rapid_review.html", {"incident": incident, "form": form})


@capability_required(cap.RUN)
@require_http_methods(["GET", "POST"])
def commission_review(request: HttpRequest, incident_id: int) -> HttpResponse:
    incident = _incident(incident_id)
    if hasattr(incident, "case_review"):
        return redirect("reviews:review", review_id=incident.case_review.pk)
    rapid = getattr(incident, "rapid_review", None)
    form = CommissionForm(posted(request), initial={"decided_on": rapid.held_on if rapid else None})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        review = attempt(
            form,
            lambda: services.commission_review(
                incident,
                decided_on=data["decided_on"],
                terms_of_reference=data["terms_of_reference"],
                reviewers=data["reviewers"],
                by=request.user,
            ),
        )
        if review is not None:
            messages.success(
                request,
                f"{review.get_kind_display()} commissioned. The final report is due by "
                f"{review.report_due_on:%-d %B %Y}.",
            )
            return redirect("reviews:review", review_id=review.pk)
    return render(
        request,
        "reviews/commission.html",
        {
            "incident": incident,
            "form": form,
            "kind": ReviewKind(services.review_kind_for(incident)).label,
        },
    )

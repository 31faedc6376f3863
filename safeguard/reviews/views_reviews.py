"""A case review: its milestones and progress, panel meetings, findings and their actions, and the
multi-agency chronology (for people who may open the children's records)."""

from django.contrib import messages
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from safeguard.access.decorators import capability_required
from safeguard.access.log import Access, record_access, record_accesses
from safeguard.access.models import AccessKind
from safeguard.core.refusals import attempt
from safeguard.people.models import Child
from safeguard.reviews import capabilities as cap
from safeguard.reviews import chronology, status
from safeguard.reviews import services_incidents as services
from safeguard.reviews.access import visible_children
from safeguard.reviews.forms_actions import FindingForm
from safeguard.reviews.forms_incidents import AgencyEntryForm, PanelMeetingForm, ReviewUpdateForm
from safeguard.reviews.models import Action, AgencyChronologyEntry, CaseReview, Finding
from safeguard.reviews.views_common import posted, record_finding_page


def _review(review_id: int) -> CaseReview:
    return get_object_or_404(
        CaseReview.objects.select_related(
            "incident__rapid_review", "incident__case_review", "commissioned_by"
        ),
        pk=review_id,
    )


def findings_with_actions(findings: QuerySet[Finding]) -> QuerySet[Finding]:
    """Findings with their themes and actions, in the order the page lists them."""
    return findings.prefetch_related(
        "themes", Prefetch("actions", queryset=Action.objects.select_related("agency"))
    )


@capability_required(cap.VIEW)
def review_detail(request: HttpRequest, review_id: int) -> HttpResponse:
    review = _review(review_id)
    today = timezone.localdate()
    return render(
        request,
        "reviews/review.html",
        {
            "review": review,
            "incident": review.incident,
            "milestones": [(m, m.state(today)) for m in status.milestones(review.incident)],
            "stage": status.stage(review.incident),
            "meetings": review.panel_meetings.all(),
            "findings": findings_with_actions(review.findings.all()),
            "briefings": review.briefings.all(),
            "events": review.events.all(),
            "courses": review.courses.all(),
            "today": today,
            "can_run": request.user.can(cap.RUN),
            "can_see_chronology": request.user.can(cap.CASE_RECORDS),
        },
    )


@capability_required(cap.RUN)
@require_http_methods(["GET", "POST"])
def edit_review(request: HttpRequest, review_id: int) -> HttpResponse:
    review = _review(review_id)
    fields = [
        "terms_of_reference",
        "reviewers",
        "report_completed_on",
        "report_late_reason",
        "publication_planned_on",
        "sent_on",
        "sent_late_reason",
        "published_on",
        "publication_url",
        "not_published_reason",
    ]
    form = ReviewUpdateForm(
        posted(request),
        report_due_on=review.report_due_on,
        initial={"version": review.version} | {f: getattr(review, f) for f in fields},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved = attempt(
            form,
            lambda: services.update_review(
                review, version=data["version"], **{f: data[f] for f in fields}
            ),
        )
        if saved is not None:
            messages.success(request, "The review is updated.")
            return redirect("reviews:review", review_id=review.pk)
        review.refresh_from_db()
    return render(request, "reviews/review_edit.html", {"review": review, "form": form})


@capability_required(cap.RUN)
@require_http_methods(["GET", "POST"])
def new_panel_meeting(request: HttpRequest, review_id: int) -> HttpResponse:
    review = _review(review_id)
    form = PanelMeetingForm(posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        meeting = attempt(
            form,
            lambda: services.record_panel_meeting(
                review, held_on=data["held_on"], notes=data["notes"], by=request.user
            ),
        )
        if meeting is not None:
            messages.success(request, "Panel meeting recorded.")
            return redirect("reviews:review", review_id=review.pk)
    return render(request, "reviews/panel_meeting_new.html", {"review": review, "form": form})


@capability_required(cap.RUN)
@require_http_methods(["GET", "POST"])
def new_finding(request: HttpRequest, review_id: int) -> HttpResponse:
    review = _review(review_id)
    form = FindingForm(posted(request))
    return record_finding_page(request, form, review, review=review)


def _chronology_children(request: HttpRequest, review: CaseReview) -> tuple[list[Child], int]:
    """The review's children this user may open, and how many others there are."""
    linked = list(review.incident.child_links.values_list("child_id", flat=True))
    visible = visible_children(request.user, linked)
    children = [visible[pk] for pk in linked if pk in visible]
    return children, len(linked) - len(children)


@capability_required(cap.CASE_RECORDS)
def review_chronology(request: HttpRequest, review_id: int) -> HttpResponse:
    review = _review(review_id)
    children, hidden = _chronology_children(request, review)
    rows = chronology.assemble(review, children)
    record_accesses(
        request.user,
        [Access(c.pk) for c in children],
        page=request.path,
        purpose=f"Multi-agency chronology for {review}",
    )
    return render(
        request,
        "reviews/chronology.html",
        {"review": review, "rows": rows, "children": children, "hidden": hidden},
    )


@capability_required(cap.CASE_RECORDS)
def export_chronology(request: HttpRequest, review_id: int) -> HttpResponse:
    review = _review(review_id)
    children, _ = _chronology_children(request, review)
    rows = chronology.assemble(review, children)
    record_accesses(
        request.user,
        [Access(c.pk, kind=AccessKind.EXPORT) for c in children],
        page=request.path,
        purpose=f"Multi-agency chronology for {review}, exported",
    )
    response = HttpResponse(chronology.to_csv(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="review-{review.pk}-chronology.csv"'
    return response


@capability_required(cap.CASE_RECORDS)
@require_http_methods(["GET", "POST"])
def new_chronology_entry(request: HttpRequest, review_id: int) -> HttpResponse:
    review = _review(review_id)
    children, _ = _chronology_children(request, review)
    form = AgencyEntryForm(
        posted(request), children=Child.objects.filter(pk__in=[c.pk for c in children])
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        entry = AgencyChronologyEntry.objects.create(
            review=review,
            agency=data["agency"],
            child=data["child"],
            occurred_on=data["occurred_on"],
            what_happened=data["what_happened"],
            detail=data["detail"],
            recorded_by=request.user,
        )
        if entry.child_id:
            record_access(
                request,
                entry.child_id,
                kind=AccessKind.UPDATE,
                purpose=f"Agency entry added to the chronology for {review}",
            )
        messages.success(request, "The agency's entry is added to the chronology.")
        return redirect("reviews:chronology", review_id=review.pk)
    return render(request, "reviews/chronology_entry_new.html", {"review": review, "form": form})

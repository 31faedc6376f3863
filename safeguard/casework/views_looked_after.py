"""Children looked after: the child's episodes of care, reviews and visits, and the actions that
start, change and end a period of care or record a review."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from safeguard.access.decorators import capability_required
from safeguard.casework import capabilities as cap
from safeguard.casework import services_looked_after as services
from safeguard.casework.forms_looked_after import (
    CareReviewForm,
    CeaseCareForm,
    ChangeCareForm,
    StartCareForm,
)
from safeguard.casework.models import CareEpisode, CareReview, Visit
from safeguard.casework.views_around import break_glass_when_restricted, due, posted
from safeguard.core.refusals import attempt
from safeguard.people.access import get_child_for_user


@capability_required(cap.LOOKED_AFTER)
@break_glass_when_restricted
def looked_after(request: HttpRequest, child_id: int) -> HttpResponse:
    child = get_child_for_user(request, child_id, "Looked after")
    episodes = CareEpisode.objects.filter(child=child).select_related("recorded_by")
    current = next((e for e in episodes if e.is_open), None)
    today = timezone.localdate()
    timescales = services.timescales_for(current) if current else None
    return render(
        request,
        "casework/around/looked_after.html",
        {
            "child": child,
            "episodes": episodes,
            "current": current,
            "timescales": timescales,
            "review_due": due(timescales.review_due, today) if timescales else None,
            "visit_due": due(timescales.visit_due, today) if timescales else None,
            "reviews": CareReview.objects.filter(child=child).select_related("chair"),
            "visits": Visit.objects.filter(child=child).select_related("visited_by")[:10],
        },
    )


@capability_required(cap.LOOKED_AFTER)
@require_http_methods(["GET", "POST"])
@break_glass_when_restricted
def start_care(request: HttpRequest, child_id: int) -> HttpResponse:
    child = get_child_for_user(request, child_id, "Start a period of care")
    form = StartCareForm(posted(request))
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        episode = attempt(
            form,
            lambda: services.start_care(
                child,
                started_on=data["started_on"],
                legal_status=data["legal_status"],
                category_of_need=data["category_of_need"],
                placement=form.placement(),
                by=request.user,
            ),
        )
        if episode is not None:
            messages.success(request, f"{child.full_name} is looked after.")
            return redirect("casework:looked-after", child_id=child.pk)
    return render(request, "casework/around/care_start.html", {"child": child, "form": form})


def _seen(child, data: dict) -> CareEpisode:
    """The episode of this child that the person had on their screen."""
    return get_object_or_404(CareEpisode, child=child, pk=data["episode"])


def _open_or_back(request: HttpRequest, child) -> CareEpisode | None:
    episode = services.open_episode(child)
    if episode is None:
        messages.info(request, f"{child.full_name} is not looked after.")
    return episode


@capability_required(cap.LOOKED_AFTER)
@require_http_methods(["GET", "POST"])
@break_glass_when_restricted
def change_care(request: HttpRequest, child_id: int) -> HttpResponse:
    child = get_child_for_user(request, child_id, "Change of legal status or placement")
    current = _open_or_back(request, child)
    if current is None:
        return redirect("casework:looked-after", child_id=child.pk)
    form = ChangeCareForm(
        posted(request),
        initial={
            "version": current.version,
            "episode": current.pk,
            "category_of_need": current.category_of_need,
        },
    )
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        episode = attempt(
            form,
            lambda: services.change_care(
                _seen(child, data),
                version=data["version"],
                on=data["on"],
                reason_new=data["reason_new"],
                legal_status=data["legal_status"],
                category_of_need=data["category_of_need"],
                placement=form.placement(),
                reason_place_change=data["reason_place_change"],
                by=request.user,
            ),
        )
        if episode is not None:
            messages.success(
                request, f"A new episode of care began on {episode.started_on:%-d %B %Y}."
            )
            return redirect("casework:looked-after", child_id=child.pk)
    return render(
        request,
        "casework/around/care_change.html",
        {"child": child, "current": current, "form": form},
    )


@capability_required(cap.LOOKED_AFTER)
@require_http_methods(["GET", "POST"])
@break_glass_when_restricted
def cease_care(request: HttpRequest, child_id: int) -> HttpResponse:
    child = get_child_for_user(request, child_id, "End a period of care")
    current = _open_or_back(request, child)
    if current is None:
        return redirect("casework:looked-after", child_id=child.pk)
    form = CeaseCareForm(
        posted(request), initial={"version": current.version, "episode": current.pk}
    )
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        ended = attempt(
            form,
            lambda: services.cease_care(
                _seen(child, data), version=data["version"], on=data["on"], reason=data["reason"]
            ),
        )
        if ended is not None:
            messages.success(request, f"{child.full_name} is no longer looked after.")
            return redirect("casework:looked-after", child_id=child.pk)
    return render(
        request,
        "casework/around/care_end.html",
        {"child": child, "current": current, "form": form},
    )


@capability_required(cap.LOOKED_AFTER)
@require_http_methods(["GET", "POST"])
@break_glass_when_restricted
def care_review(request: HttpRequest, child_id: int) -> HttpResponse:
    child = get_child_for_user(request, child_id, "Record a looked-after review")
    form = CareReviewForm(posted(request))
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        review = attempt(
            form,
            lambda: services.record_care_review(
                child,
                held_on=data["held_on"],
                participation=data["participation"],
                chair=request.user,
                notes=data["notes"],
            ),
        )
        if review is not None:
            messages.success(request, "Review recorded.")
            return redirect("casework:looked-after", child_id=child.pk)
    current = services.open_episode(child)
    review_due = services.timescales_for(current).review_due if current else None
    return render(
        request,
        "casework/around/care_review.html",
        {"child": child, "form": form, "review_due": review_due},
    )

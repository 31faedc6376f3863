"""Annual member reviews: the business unit's list for a year, each review, and a member's own."""

from django.contrib import messages
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from safeguard.access.decorators import capability_required
from safeguard.board import capabilities as cap
from safeguard.board import services_reviews as services
from safeguard.board import years
from safeguard.board.access import get_review_for_user
from safeguard.board.forms_reviews import ReviewEditForm, ReviewForm
from safeguard.board.models import Member, MemberReview
from safeguard.board.views_common import chosen_year, form_page, posted, year_options
from safeguard.board.views_meetings import meeting_years
from safeguard.core.refusals import attempt


def _offered_years() -> list[str]:
    return sorted(set(meeting_years()) | set(MemberReview.objects.values_list("year", flat=True)))


def _default_year(offered: list[str]) -> str:
    """The latest year that has ended: a review looks back over a whole year."""
    current = years.year_of(timezone.localdate())
    ended = [y for y in offered if y < current]
    return max(ended) if ended else max(offered, default=current)


def members_in(year: str) -> list[Member]:
    """Members who held a seat at some point in the year."""
    span = years.period(year)
    return list(
        Member.objects.filter(memberships__term_start__lte=span.end)
        .filter(Q(memberships__term_end__isnull=True) | Q(memberships__term_end__gte=span.start))
        .select_related("agency")
        .distinct()
        .order_by("name")
    )


@capability_required(cap.MANAGE)
def reviews(request: HttpRequest) -> HttpResponse:
    offered = _offered_years()
    year = chosen_year(request, offered, _default_year(offered))
    done = {r.member_id: r for r in MemberReview.objects.filter(year=year)}
    rows = [(m, services.member_year(m, year), done.get(m.pk)) for m in members_in(year)]
    return render(
        request,
        "board/reviews.html",
        {"rows": rows, "year": year, "years": year_options(offered)},
    )


@capability_required(cap.MANAGE)
@require_http_methods(["GET", "POST"])
def review_new(request: HttpRequest, board_member_id: int) -> HttpResponse:
    member = get_object_or_404(Member.objects.select_related("agency"), pk=board_member_id)
    asked = request.GET.get("year", "")
    year = asked if years.is_reporting_year(asked) else _default_year(_offered_years())
    form = ReviewForm(posted(request))
    if request.method == "POST" and form.is_valid():
        made = attempt(
            form,
            lambda: services.record_review(member, year=year, by=request.user, **form.cleaned_data),
        )
        if made is not None:
            messages.success(request, f"{member}'s review of {year} is recorded.")
            return redirect(made)
    return form_page(
        request,
        form,
        heading=f"Record {member}'s review of {year}",
        caption="Annual member reviews",
        back_url=f"{reverse('board:reviews')}?year={year}",
        back_label=f"Member reviews {year}",
        button="Record review",
        figures=services.member_year(member, year),
    )


@capability_required(cap.READ)
def review(request: HttpRequest, member_review_id: int) -> HttpResponse:
    found = get_review_for_user(request, member_review_id)
    can_manage = request.user.can(cap.MANAGE)
    return render(
        request,
        "board/review.html",
        {
            "review": found,
            "figures": services.member_year(found.member, found.year),
            "can_manage": can_manage,
            "back_url": f"{reverse('board:reviews')}?year={found.year}"
            if can_manage
            else reverse("board:my-reviews"),
        },
    )


@capability_required(cap.MANAGE)
@require_http_methods(["GET", "POST"])
def review_edit(request: HttpRequest, member_review_id: int) -> HttpResponse:
    found = get_review_for_user(request, member_review_id)
    fields = ["held_on", "reviewer", "conversation", "agency_feedback", "agreed"]
    initial = {"version": found.version} | {f: getattr(found, f) for f in fields}
    form = ReviewEditForm(posted(request), initial=initial)
    if (
        request.method == "POST"
        and form.is_valid()
        and attempt(form, lambda: services.update_review(found, **form.cleaned_data))
    ):
        messages.success(request, "The review is saved.")
        return redirect(found)
    return form_page(
        request,
        form,
        heading=f"Change {found.member}'s review of {found.year}",
        caption="Annual member reviews",
        back_url=found.get_absolute_url(),
        back_label=f"{found.member}'s review",
        history=found.history.select_related("history_user")[:10],
    )


@capability_required(cap.OWN_REVIEW)
def my_reviews(request: HttpRequest) -> HttpResponse:
    member = Member.objects.filter(user=request.user).select_related("agency").first()
    # The year of their latest recorded meeting: the year in progress, or their last on the board.
    latest = member.attendances.order_by("-meeting__held_on").first() if member else None
    year = years.year_of(latest.meeting.held_on if latest else timezone.localdate())
    return render(
        request,
        "board/my_reviews.html",
        {
            "member": member,
            "reviews": member.reviews.all() if member else [],
            "this_year": services.member_year(member, year) if member else None,
        },
    )

"""Who may open what in the board. Everything here is about meetings and people on the board,
never children: readers (board members and the business unit) see meetings, papers, minutes and
the plan; a member's annual review is open to the business unit and to that member alone."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from safeguard.board import capabilities as cap
from safeguard.board.models import MemberReview


def get_review_for_user(request: HttpRequest, review_id: int) -> MemberReview:
    user = request.user
    reviews = MemberReview.objects.select_related("member__agency", "recorded_by")
    if user.can(cap.MANAGE):
        review = reviews.filter(pk=review_id).first()
    elif user.can(cap.OWN_REVIEW):
        # Another member's review is simply not there for them.
        review = reviews.filter(pk=review_id, member__user=user).first()
    else:
        raise PermissionDenied
    if review is None:
        raise Http404("No review found")
    return review

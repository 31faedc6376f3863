"""The case review figures for the partnership's annual report, over one reporting year.

Counts are exact: these are the partnership's own activity, not children's data, so no disclosure
control applies.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import F
from django.utils import timezone

from safeguard.frontdoor.figures import Period
from safeguard.reviews import progress
from safeguard.reviews.models import CaseReview, RapidReview, SeriousIncident
from safeguard.reviews.progress import Tally

__all__ = ["DEFINITIONS", "Period", "ReviewFigures", "compute"]


@dataclass
class ReviewFigures:
    period: Period
    as_at: date
    notified: int = 0
    notified_on_time: int = 0
    rapid_reviews: int = 0
    rapid_reviews_on_time: int = 0
    commissioned: int = 0
    published: int = 0
    actions: Tally = field(default_factory=lambda: Tally("All actions"))
    by_agency: list[Tally] = field(default_factory=list)
    by_theme: list[Tally] = field(default_factory=list)


def compute(period: Period, today: date | None = None) -> ReviewFigures:
    today = today or timezone.localdate()
    as_at = min(period.end, today)
    in_period = (period.start, period.end)
    figures = ReviewFigures(period=period, as_at=as_at)
    notified = SeriousIncident.objects.filter(notified_on__range=in_period)
    figures.notified = notified.count()
    figures.notified_on_time = notified.filter(notified_on__lte=F("notification_due_on")).count()
    rapid = RapidReview.objects.filter(held_on__range=in_period)
    figures.rapid_reviews = rapid.count()
    figures.rapid_reviews_on_time = rapid.filter(
        held_on__lte=F("incident__rapid_review_due_on")
    ).count()
    figures.commissioned = CaseReview.objects.filter(decided_on__range=in_period).count()
    figures.published = CaseReview.objects.filter(published_on__range=in_period).count()
    actions = list(progress.actions_for_progress())
    figures.actions = progress.overall(actions, as_at)
    figures.by_agency = progress.by_agency(actions, as_at)
    figures.by_theme = progress.by_theme(actions, as_at)
    return figures


DEFINITIONS = {
    "notified": "Serious incidents notified to the national Panel in the year, and how many within "
    "5 working days of the council becoming aware.",
    "rapid_reviews": "Rapid reviews held in the year, and how many within 15 working days of the "
    "notification.",
    "commissioned": "Local child safeguarding practice reviews (and, before 2019, serious case "
    "reviews) the partnership decided to hold in the year.",
    "published": "Reviews whose report was published in the year.",
    "actions": "Actions from reviews and audits agreed by the end of the year (or today, for the "
    "year in progress), as they stood then: complete, open, and open after their due date "
    "(overdue). By theme, an action counts under each theme of its finding.",
}

"""The partnership's own activity in the report's year, from the apps that keep it: case reviews
and their learning, multi-agency training and compliance, and the social work workforce.

These tables give the detail behind the partnership measures in the run (actions open and
overdue, attendances, vacancy and agency rates). Actions, sessions, staff and posts are not
children, so they are exact. Serious incidents and the reviews of them are about children, so
their counts follow disclosure control as the run's notifications measure does; a published
review is a public document, so the reviews published are named and counted exactly.
"""

from dataclasses import dataclass

from safeguard.board.years import period
from safeguard.measures import disclosure
from safeguard.reviews import figures as review_figures
from safeguard.reviews.models import Briefing, CaseReview
from safeguard.training import figures as training_figures


@dataclass(frozen=True)
class PublishedReview:
    name: str
    kind: str
    published_on: str
    url: str
    themes: list[str]


@dataclass(frozen=True)
class CaseReviews:
    figures: review_figures.ReviewFigures
    counts: list[tuple[str, str, str]]  # what, how many in the year, how many on time
    published: list[PublishedReview]
    briefings: list[tuple[str, str]]  # title, date published


def _with_on_time(total: int, on_time: int, deadline: str) -> tuple[str, str]:
    """A count and how many of it were on time, as they may be published: the late ones are
    the rest, so on time and late are a breakdown of the total."""
    protected = disclosure.protect_breakdown([("on time", on_time), ("late", total - on_time)])
    shown = protected.cell("on time").count
    return str(protected.total), f"{shown} {deadline}" if total else "–"


def _review_counts(found: review_figures.ReviewFigures) -> list[tuple[str, str, str]]:
    commissioned = disclosure.protect_figure(
        found.commissioned, None, found.commissioned, value_is_count=True
    ).value
    return [
        (
            "Serious incidents notified to the national Panel",
            *_with_on_time(found.notified, found.notified_on_time, "within 5 working days"),
        ),
        (
            "Rapid reviews held",
            *_with_on_time(
                found.rapid_reviews, found.rapid_reviews_on_time, "within 15 working days"
            ),
        ),
        ("Reviews commissioned", str(commissioned), "–"),
        ("Reviews published", str(found.published), "–"),
    ]


@dataclass(frozen=True)
class Training:
    courses: list[training_figures.CourseRow]
    by_agency: list[tuple[str, int]]
    attended: int
    compliance: list[training_figures.AudienceCompliance]
    checks: training_figures.LicenceCheckFigures


@dataclass(frozen=True)
class Workforce:
    teams: list[training_figures.WorkforceRow]
    total: training_figures.WorkforceRow


def case_reviews(year: str) -> CaseReviews:
    span = period(year)
    published = (
        CaseReview.objects.filter(published_on__range=(span.start, span.end))
        .select_related("incident")
        .prefetch_related("findings__themes")
        .order_by("published_on", "id")
    )
    briefings = Briefing.objects.filter(published_on__range=(span.start, span.end)).order_by(
        "published_on", "id"
    )
    found = review_figures.compute(span)
    return CaseReviews(
        figures=found,
        counts=_review_counts(found),
        published=[
            PublishedReview(
                review.name,
                review.get_kind_display(),
                f"{review.published_on:%-d %B %Y}",
                review.publication_url,
                sorted({t.name for f in review.findings.all() for t in f.themes.all()}),
            )
            for review in published
        ],
        briefings=[(b.title, f"{b.published_on:%-d %B %Y}") for b in briefings],
    )


def training(year: str) -> Training:
    span = period(year)
    table = training_figures.attendances_by_agency(span)
    return Training(
        courses=training_figures.sessions_by_course(span),
        by_agency=[(agency, total) for agency, _, total in table.rows],
        attended=table.total,
        compliance=training_figures.compliance_by_audience(span),
        checks=training_figures.licence_checks(span),
    )


def workforce(year: str) -> Workforce:
    teams, total = training_figures.workforce(period(year))
    return Workforce(teams, total)

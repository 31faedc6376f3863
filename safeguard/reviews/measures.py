"""The case review measures in the partnership's registry, from the figures this app keeps
(figures.py): notifications, rapid reviews on time, and actions open and overdue."""

from collections.abc import Iterator

from django.conf import settings

from safeguard.measures.periods import reporting_period
from safeguard.measures.registry import Figure, Measure, Period, Polarity, Unit, register
from safeguard.reviews import figures


def _figures(years: list[str]) -> Iterator[tuple[str, figures.ReviewFigures]]:
    for year in years:
        yield year, figures.compute(reporting_period(year))


def notifications(years: list[str]) -> Iterator[Figure]:
    for year, f in _figures(years):
        yield settings.LA_CODE, year, f.notified, None, f.notified


def rapid_reviews_on_time(years: list[str]) -> Iterator[Figure]:
    for year, f in _figures(years):
        if f.rapid_reviews:
            share = 100 * f.rapid_reviews_on_time / f.rapid_reviews
            yield settings.LA_CODE, year, f.rapid_reviews_on_time, f.rapid_reviews, share


def actions_open(years: list[str]) -> Iterator[Figure]:
    for year, f in _figures(years):
        yield settings.LA_CODE, year, f.actions.open, f.actions.total, f.actions.open


def actions_overdue(years: list[str]) -> Iterator[Figure]:
    for year, f in _figures(years):
        yield settings.LA_CODE, year, f.actions.overdue, f.actions.open, f.actions.overdue


def register_measures() -> None:
    common = {"priority": "reviews", "unit": Unit.COUNT, "period": Period.YEAR}
    register(
        Measure(
            id="reviews_notifications",
            title="Serious incidents notified to the national Panel",
            definition=figures.DEFINITIONS["notified"],
            numerator="serious incidents notified in the year",
            denominator="",
            polarity=Polarity.NEITHER,
            headline=True,
            compute=notifications,
            **common,
        )
    )
    register(
        Measure(
            id="reviews_rapid_15wd_pct",
            title="Rapid reviews held within 15 working days",
            definition=figures.DEFINITIONS["rapid_reviews"],
            numerator="rapid reviews held in the year within 15 working days of the notification",
            denominator="rapid reviews held in the year",
            priority="reviews",
            unit=Unit.PERCENT,
            period=Period.YEAR,
            polarity=Polarity.HIGHER_IS_BETTER,
            compute=rapid_reviews_on_time,
        )
    )
    # Actions are agencies' work, not children: their counts need no disclosure control.
    register(
        Measure(
            id="reviews_actions_open",
            title="Actions from reviews and audits still open",
            definition="Actions agreed by the end of the year (or today, for the year in "
            "progress) that were not complete then.",
            numerator="actions open at the end of the year",
            denominator="actions agreed by the end of the year",
            polarity=Polarity.LOWER_IS_BETTER,
            disclosure="none",
            compute=actions_open,
            **common,
        )
    )
    register(
        Measure(
            id="reviews_actions_overdue",
            title="Actions from reviews and audits overdue",
            definition="Actions open at the end of the year (or today, for the year in "
            "progress) after their due date.",
            numerator="actions open after their due date at the end of the year",
            denominator="actions open at the end of the year",
            polarity=Polarity.LOWER_IS_BETTER,
            disclosure="none",
            headline=True,
            compute=actions_overdue,
            **common,
        )
    )

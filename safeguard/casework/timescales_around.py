"""The timescales around the pathway (RULES.md), all through the core calendar.

- Looked-after reviews (Care Planning, Placement and Case Review (England) Regulations 2010,
  reg 33): the first within 20 working days of becoming looked after, the second within 3 months
  of the first, then at most 6 months apart.
- Visits to a child looked after (reg 28): within a week of the start of each placement, then at
  most 6 weeks apart in the placement's first year; after that at most 3 months apart in a
  long-term placement and still 6 weeks in any other.
- Return home interview: offered and held within 72 hours of the child's return (DfE statutory
  guidance, 2014): clock hours, day and night.
- The local ones (early help, screening reviews, home education contacts) come from
  `AroundSettings`.
"""

from datetime import date, datetime, timedelta

from safeguard.casework.models import AroundSettings
from safeguard.core.calendar import add_months, add_working_days, add_working_hours

FIRST_CARE_REVIEW_WORKING_DAYS = 20
SECOND_CARE_REVIEW_MONTHS = 3
LATER_CARE_REVIEW_MONTHS = 6
FIRST_VISIT_DAYS = 7
YEAR_ONE_VISIT_WEEKS = 6
LONG_TERM_VISIT_MONTHS = 3
RETURN_INTERVIEW_HOURS = 72


def care_review_due(looked_after_since: date, reviews: list[date]) -> date:
    """The next looked-after review, from the start of the period of care and its reviews."""
    held = sorted(day for day in reviews if day >= looked_after_since)
    if not held:
        return add_working_days(looked_after_since, FIRST_CARE_REVIEW_WORKING_DAYS)
    if len(held) == 1:
        return add_months(held[0], SECOND_CARE_REVIEW_MONTHS)
    return add_months(held[-1], LATER_CARE_REVIEW_MONTHS)


def care_visit_due(placed_on: date, visits: list[date], *, long_term: bool) -> date:
    """The next visit, from the start of the placement and the visits in which the child was seen
    since."""
    seen = [day for day in visits if day >= placed_on]
    if not seen:
        return placed_on + timedelta(days=FIRST_VISIT_DAYS)
    last = max(seen)
    if long_term and last >= add_months(placed_on, 12):
        return add_months(last, LONG_TERM_VISIT_MONTHS)
    return last + timedelta(weeks=YEAR_ONE_VISIT_WEEKS)


def return_interview_due(returned_at: datetime) -> datetime:
    return add_working_hours(returned_at, RETURN_INTERVIEW_HOURS, around_the_clock=True)


def early_help_assessment_due(started_on: date, settings: AroundSettings | None = None) -> date:
    settings = settings or AroundSettings.current()
    return add_working_days(started_on, settings.early_help_assessment_working_days)


def early_help_review_due(
    plan_agreed_on: date, reviews: list[date], settings: AroundSettings | None = None
) -> date:
    settings = settings or AroundSettings.current()
    last = max([plan_agreed_on, *reviews])
    return last + timedelta(weeks=settings.early_help_review_weeks)


def screening_review_default(screened_on: date, settings: AroundSettings | None = None) -> date:
    settings = settings or AroundSettings.current()
    return add_months(screened_on, settings.screening_review_months)


def home_education_contact_due(
    started_on: date, contacts: list[date], settings: AroundSettings | None = None
) -> date:
    settings = settings or AroundSettings.current()
    return add_months(max([started_on, *contacts]), settings.home_education_contact_months)


def neglect_assessment_cutoff(on: date, settings: AroundSettings | None = None) -> date:
    """The earliest date a neglect assessment may carry and still count as recent on `on`."""
    settings = settings or AroundSettings.current()
    return add_months(on, -settings.neglect_assessment_months)

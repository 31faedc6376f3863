"""The timescales of serious incidents and case reviews (RULES.md), all through the core calendar.

- Notify the national Panel within 5 working days of becoming aware (Children Act 2004 s16C; the
  LSCB Regulations 2006 set the same 5 days for serious case reviews).
- Hold the rapid review within 15 working days of the notification (Working Together 2018).
- Finish the review's report within 6 months of the decision to hold it (both sets of rules).
- Send the report to the Panel and the DfE 7 working days before it is published.
"""

from datetime import date, timedelta

from safeguard.core.calendar import (
    add_months,
    add_working_days,
    is_working_day,
    working_days_between,
)

NOTIFICATION_WORKING_DAYS = 5
RAPID_REVIEW_WORKING_DAYS = 15
REPORT_MONTHS = 6
SEND_BEFORE_PUBLICATION_WORKING_DAYS = 7

# The Child Safeguarding Practice Review Panel began on 29 June 2018 and with it rapid reviews and
# local child safeguarding practice reviews. Incidents the council learnt of before then followed
# the LSCB Regulations 2006: no rapid review, and a serious case review if the board decided one.
# (Some boards ran serious case reviews until their partnership began, by 29 September 2019; an
# incident known before the Panel began is how the system tells the old rules from the new.)
PANEL_BEGAN = date(2018, 6, 29)


def notification_due(aware_on: date) -> date:
    return add_working_days(aware_on, NOTIFICATION_WORKING_DAYS)


def rapid_review_due(notified_on: date) -> date:
    return add_working_days(notified_on, RAPID_REVIEW_WORKING_DAYS)


def report_due(decided_on: date) -> date:
    return add_months(decided_on, REPORT_MONTHS)


def send_by(publication_on: date) -> date:
    """The last working day the report can go to the Panel and the DfE before publication.

    Counted backwards as the calendar counts forwards, so that from the day it returns to the
    publication date there are 7 working days under the partnership's counting convention.
    """
    day = publication_on - timedelta(days=1)
    while not (
        is_working_day(day)
        and working_days_between(day, publication_on) >= SEND_BEFORE_PUBLICATION_WORKING_DAYS
    ):
        day -= timedelta(days=1)
    return day


def under_old_rules(aware_on: date) -> bool:
    return aware_on < PANEL_BEGAN

"""The timescales of serious incidents and reviews (RULES.md), across bank holidays.

Every expected date was counted by hand on a calendar against the GOV.UK list of bank holidays in
England and Wales, the start day being day 0 (the project's convention) unless a test says not.
"""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from reviews_records import business_manager, incident, notified

from safeguard.core.calendar import (
    Convention,
    add_working_days,
    is_working_day,
    working_days_between,
)
from safeguard.reviews import services_incidents, timescales
from safeguard.reviews.codes import RapidReviewDecision
from safeguard.reviews.rules import ReviewError

DAY_1 = Convention.START_IS_DAY_1


# Notification: 5 working days from becoming aware ------------------------------------------------


def test_notification_is_due_5_working_days_after_awareness_across_christmas():
    # Thu 21 Dec 2023: Fri 22 (1); Christmas Day and Boxing Day skipped; Wed 27 (2), Thu 28 (3),
    # Fri 29 (4); New Year's Day skipped; Tue 2 January 2024 (5).
    assert timescales.notification_due(date(2023, 12, 21)) == date(2024, 1, 2)


def test_notification_skips_the_coronation_bank_holiday():
    # Wed 3 May 2023: Thu 4 (1), Fri 5 (2), the coronation on Mon 8 skipped, Tue 9 (3),
    # Wed 10 (4), Thu 11 May (5).
    assert timescales.notification_due(date(2023, 5, 3)) == date(2023, 5, 11)


def test_notification_counts_the_start_as_day_1_when_the_partnership_says_so(settings):
    settings.SAFEGUARD_WORKING_DAY_CONVENTION = DAY_1
    # Thu 21 Dec 2023 is day 1: Fri 22 (2), Wed 27 (3), Thu 28 (4), Fri 29 December (5).
    assert timescales.notification_due(date(2023, 12, 21)) == date(2023, 12, 29)


@pytest.mark.django_db
def test_an_incident_stores_its_notification_due_date():
    found = incident(business_manager(), date(2023, 12, 21))
    assert found.notification_due_on == date(2024, 1, 2)


# Rapid review: 15 working days from notification --------------------------------------------------


def test_rapid_review_is_due_15_working_days_after_notification_across_easter():
    # Wed 20 Mar 2024: 21-22 (1-2), 25-28 (3-6), Good Friday and Easter Monday skipped,
    # 2-5 April (7-10), 8-12 April (11-15): Friday 12 April.
    assert timescales.rapid_review_due(date(2024, 3, 20)) == date(2024, 4, 12)


@pytest.mark.django_db
def test_recording_the_notification_sets_the_rapid_review_due_date():
    found = notified(business_manager(), date(2024, 3, 18), date(2024, 3, 20))
    assert found.rapid_review_due_on == date(2024, 4, 12)


@pytest.mark.django_db
def test_a_rapid_review_on_day_15_needs_no_reason_but_day_16_does():
    manager = business_manager()
    on_time = notified(manager, date(2024, 3, 18), date(2024, 3, 20), name="Child A")
    services_incidents.hold_rapid_review(
        on_time,
        held_on=date(2024, 4, 12),
        agencies=[],
        decision=RapidReviewDecision.NO_FURTHER_REVIEW,
        rationale="-",
        by=manager,
    )
    late = notified(manager, date(2024, 3, 18), date(2024, 3, 20), name="Child B")
    with pytest.raises(ReviewError) as refused:
        services_incidents.hold_rapid_review(
            late,
            held_on=date(2024, 4, 15),  # Monday: day 16
            agencies=[],
            decision=RapidReviewDecision.NO_FURTHER_REVIEW,
            rationale="-",
            by=manager,
        )
    assert refused.value.problems[0].field == "late_reason"
    assert "12 April 2024" in refused.value.problems[0].message


@pytest.mark.django_db
def test_a_late_notification_needs_a_reason():
    manager = business_manager()
    found = incident(manager, date(2023, 12, 21))
    with pytest.raises(ReviewError, match="enter why it was late"):
        services_incidents.record_notification(found, version=1, notified_on=date(2024, 1, 3))
    services_incidents.record_notification(
        found, version=1, notified_on=date(2024, 1, 3), late_reason="Awaiting police confirmation"
    )
    found.refresh_from_db()
    assert found.notified_on == date(2024, 1, 3)


# The review's report: 6 months from the decision ----------------------------------------------


@pytest.mark.parametrize(
    "decided, due",
    [
        (date(2023, 8, 31), date(2024, 2, 29)),  # leap year: the month's last day
        (date(2022, 8, 31), date(2023, 2, 28)),
        (date(2024, 3, 18), date(2024, 9, 18)),
    ],
)
def test_the_report_is_due_6_calendar_months_after_the_decision(decided, due):
    assert timescales.report_due(decided) == due


# Sending to the Panel and the DfE: 7 working days before publication -----------------------------


def test_the_report_goes_7_working_days_before_publication_across_the_early_may_holiday():
    # Publication Wed 7 May 2025. Counting back: Tue 6, (Mon 5 is the early May bank holiday),
    # Fri 2, Thu 1, Wed 30 Apr, Tue 29, Mon 28: with Wed 7 itself that is 7 working days after
    # Friday 25 April, the last day to send it.
    assert timescales.send_by(date(2025, 5, 7)) == date(2025, 4, 25)


def test_sending_counts_the_day_sent_when_the_partnership_counts_the_start_as_day_1(settings):
    settings.SAFEGUARD_WORKING_DAY_CONVENTION = DAY_1
    # Mon 28 Apr to Wed 7 May 2025, both counted: 28, 29, 30, 1, 2, 6, 7.
    assert timescales.send_by(date(2025, 5, 7)) == date(2025, 4, 28)


def test_the_last_day_to_send_is_a_working_day_even_after_a_holiday_weekend():
    # Publication Thu 10 April 2025: 10, 9, 8, 7, 4, 3, 2 April are the 7 working days, so the
    # report goes by Tuesday 1 April.
    assert timescales.send_by(date(2025, 4, 10)) == date(2025, 4, 1)
    # Publication Wed 9 April 2025 would put the last day on Monday 31 March.
    assert timescales.send_by(date(2025, 4, 9)) == date(2025, 3, 31)


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2060, 12, 31)))
def test_the_last_day_to_send_is_the_latest_working_day_7_working_days_before(publication):
    last = timescales.send_by(publication)
    assert is_working_day(last)
    assert working_days_between(last, publication) >= 7
    later = add_working_days(last, 1)
    assert later >= publication or working_days_between(later, publication) < 7


# Which rules an incident falls under ----------------------------------------------------------


def test_incidents_known_before_the_national_panel_began_follow_the_old_rules():
    assert timescales.under_old_rules(date(2018, 6, 28))
    assert not timescales.under_old_rules(date(2018, 6, 29))


@pytest.mark.django_db
def test_an_old_rules_incident_has_no_rapid_review_and_becomes_a_serious_case_review():
    manager = business_manager()
    found = notified(manager, date(2016, 4, 11), date(2016, 4, 15))
    assert found.rapid_review_due_on is None
    with pytest.raises(ReviewError, match="serious case review"):
        services_incidents.hold_rapid_review(
            found, held_on=date(2016, 5, 4), agencies=[], decision="none", rationale="-", by=manager
        )
    review = services_incidents.commission_review(found, decided_on=date(2016, 5, 4), by=manager)
    assert (review.kind, review.report_due_on) == ("scr", date(2016, 11, 4))


def test_a_sunday_publication_still_gets_a_working_day_to_send_by():
    # Sun 6 Jul 2025: Fri 4, Thu 3, Wed 2, Tue 1, Mon 30 Jun, Fri 27, Thu 26 are 7 working days
    # after Wednesday 25 June.
    assert timescales.send_by(date(2025, 7, 6)) == date(2025, 6, 25)

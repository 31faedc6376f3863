"""The case review figures for the annual report, over a small hand-made 2024-25.

The year runs from 1 April 2024 to 31 March 2025. Every figure below was worked out by hand from
this table (bank holidays: none fall between the dates counted).

incident aware         notify due    notified           rapid due     rapid held         decision
-------- ------------- ------------- ------------------ ------------- ------------------ --------
A        Mon 18 Mar 24 Mon 25 Mar 24 Wed 20 Mar 24 (*)  Fri 12 Apr 24 Fri 12 Apr 24      review
B        Mon 3 Jun 24  Mon 10 Jun 24 Tue 11 Jun 24 late Tue 2 Jul 24  Wed 3 Jul 24 late  none
C        Mon 3 Mar 25  Mon 10 Mar 25 Fri 7 Mar 25       Fri 28 Mar 25 Mon 7 Apr 25 (*)   none
D        Mon 11 Apr 16 (serious case review, published 14 March 2017)                    (*)
(*) outside the year.

So: notified 2 (B, C), on time 1 (C); rapid reviews 2 (A, B), on time 1 (A); commissioned 1 (A's
review, decided 12 April 2024); published 1 (A's, 11 December 2024).

A's actions, as at 31 March 2025 (finding 1: information sharing and neglect; finding 2: voice of
the child):

action agency finding agreed      due          completed      state on 31 March 2025
------ ------ ------- ----------- ------------ -------------- ----------------------------
a1     police 1       1 May 2024  30 Sep 2024  15 Sep 2024    complete, signed off 1 Oct 2024
a2     police 1       1 May 2024  31 Dec 2024  -              open, overdue
a3     health 2       1 May 2024  30 Jun 2025  -              open
a4     health 2       1 May 2024  31 Jan 2025  10 Apr 2025    open, overdue (done after the year)
a5     police 1       10 Apr 2025 30 Jun 2025  -              not yet agreed: left out
"""

from datetime import date

import pytest
from factories import UserFactory, sign_in_as
from reviews_records import action, business_manager, finding, health, notified, police

from safeguard.reviews import figures, services_incidents
from safeguard.reviews.codes import ActionStatus, RapidReviewDecision

pytestmark = pytest.mark.django_db

YEAR = figures.Period.reporting_year(2025)


def rapid(manager, found, held_on, decision, late_reason=""):
    services_incidents.hold_rapid_review(
        found,
        held_on=held_on,
        agencies=[],
        decision=decision,
        rationale="-",
        late_reason=late_reason,
        by=manager,
    )


@pytest.fixture
def year_of_reviews():
    manager = business_manager()
    a = notified(manager, date(2024, 3, 18), date(2024, 3, 20), name="A")
    rapid(manager, a, date(2024, 4, 12), RapidReviewDecision.PRACTICE_REVIEW)
    review = services_incidents.commission_review(a, decided_on=date(2024, 4, 12), by=manager)
    services_incidents.update_review(
        review,
        version=review.version,
        terms_of_reference="",
        reviewers="",
        report_completed_on=date(2024, 10, 1),
        publication_planned_on=date(2024, 12, 11),
        sent_on=date(2024, 12, 2),
        published_on=date(2024, 12, 11),
        publication_url="https://example.org/a",
    )
    b = services_incidents.record_notification(
        services_incidents.record_incident(
            name="B", aware_on=date(2024, 6, 3), what_happened="-", agencies=[], by=manager
        ),
        version=1,
        notified_on=date(2024, 6, 11),
        late_reason="Police confirmation",
    )
    rapid(manager, b, date(2024, 7, 3), RapidReviewDecision.NO_FURTHER_REVIEW, "Chair ill")
    c = notified(manager, date(2025, 3, 3), date(2025, 3, 7), name="C")
    rapid(manager, c, date(2025, 4, 7), RapidReviewDecision.NO_FURTHER_REVIEW, "Easter")
    d = notified(manager, date(2016, 4, 11), date(2016, 4, 15), name="D")
    services_incidents.commission_review(d, decided_on=date(2016, 5, 4), by=manager)

    sharing = finding(manager, review, "Information sharing", "Neglect")
    voice = finding(manager, review, "Voice of the child")
    agreed = date(2024, 5, 1)
    action(
        manager,
        sharing,
        police(),
        date(2024, 9, 30),
        added_on=agreed,
        status=ActionStatus.COMPLETE,
        completed_on=date(2024, 9, 15),
        signed_off_on=date(2024, 10, 1),
    )
    action(manager, sharing, police(), date(2024, 12, 31), added_on=agreed)
    action(manager, voice, health(), date(2025, 6, 30), added_on=agreed)
    action(
        manager,
        voice,
        health(),
        date(2025, 1, 31),
        added_on=agreed,
        status=ActionStatus.COMPLETE,
        completed_on=date(2025, 4, 10),
    )
    action(manager, sharing, police(), date(2025, 6, 30), added_on=date(2025, 4, 10))


def test_incidents_and_rapid_reviews_in_the_year(year_of_reviews):
    result = figures.compute(YEAR, today=date(2025, 6, 1))
    assert (result.notified, result.notified_on_time) == (2, 1)
    assert (result.rapid_reviews, result.rapid_reviews_on_time) == (2, 1)
    assert (result.commissioned, result.published) == (1, 1)


def test_actions_as_they_stood_at_the_end_of_the_year(year_of_reviews):
    result = figures.compute(YEAR, today=date(2025, 6, 1))
    assert result.as_at == date(2025, 3, 31)
    totals = result.actions
    assert (totals.total, totals.complete, totals.signed_off, totals.open, totals.overdue) == (
        4,
        1,
        1,
        3,
        2,
    )


def test_actions_by_agency(year_of_reviews):
    result = figures.compute(YEAR, today=date(2025, 6, 1))
    rows = [(t.label, t.total, t.complete, t.open, t.overdue) for t in result.by_agency]
    assert rows == [
        ("Marcher Community Health NHS Trust", 2, 0, 2, 1),
        ("West Marcher Police", 2, 1, 1, 1),
    ]


def test_actions_by_theme_count_under_each_theme_of_their_finding(year_of_reviews):
    result = figures.compute(YEAR, today=date(2025, 6, 1))
    rows = [(t.label, t.total, t.complete, t.overdue) for t in result.by_theme]
    assert rows == [
        ("Information sharing", 2, 1, 1),
        ("Neglect", 2, 1, 1),
        ("Voice of the child", 2, 0, 1),
    ]


def test_a_year_in_progress_counts_actions_as_they_stand_today(year_of_reviews):
    # On 1 December 2024 a1 was complete, and nothing open was yet past its due date.
    result = figures.compute(YEAR, today=date(2024, 12, 1))
    totals = result.actions
    assert (result.as_at, totals.total, totals.complete, totals.overdue) == (
        date(2024, 12, 1),
        4,
        1,
        0,
    )


def test_the_figures_page_shows_the_year_chosen(client, year_of_reviews):
    sign_in_as(client, UserFactory(role="board_member"))
    response = client.get("/case-reviews/figures/?year=2025")
    assert response.context["figures"].published == 1
    assert "1 April 2024 to 31 March 2025" in response.content.decode()

"""The case review measures in the registry, over a small hand-made 2024-25.

incident aware        notified      rapid review due  held                decision
-------- ------------ ------------- ----------------- ------------------- ---------------
A        Mon 3 Jun 24 Wed 5 Jun 24  Wed 26 Jun 24     Mon 24 Jun 24       practice review
B        Mon 2 Sep 24 Tue 3 Sep 24  Tue 24 Sep 24     Tue 1 Oct 24, late  none
C        Mon 7 Apr 25 Tue 8 Apr 25  (the next year)

A rapid review is due 15 working days after the notification (no bank holiday falls in those
weeks). So in 2024-25: 2 notified (A, B); 2 rapid reviews, 1 within 15 working days (50%).

A's actions, all agreed on 1 July 2024, as they stood on 31 March 2025:
a1 due 31 Dec 2024, open: overdue; a2 due 30 Jun 2025, open; a3 due 1 Oct 2024, completed
15 Sep 2024. So 2 of 3 open, 1 of those 2 overdue.
"""

from datetime import date

import pytest
from factories import AgencyFactory, UserFactory

from safeguard.measures import registry
from safeguard.reviews import services_actions, services_incidents
from safeguard.reviews.codes import ActionStatus, RapidReviewDecision
from safeguard.reviews.models import Action, Theme

pytestmark = pytest.mark.django_db

YEAR = "2024-25"


def incident(manager, name, aware_on, notified_on):
    found = services_incidents.record_incident(
        name=name, aware_on=aware_on, what_happened="A serious injury", agencies=[], by=manager
    )
    return services_incidents.record_notification(found, version=1, notified_on=notified_on)


@pytest.fixture
def year_of_reviews():
    manager = UserFactory(role="business_manager")
    a = incident(manager, "A", date(2024, 6, 3), date(2024, 6, 5))
    services_incidents.hold_rapid_review(
        a,
        held_on=date(2024, 6, 24),
        agencies=[],
        decision=RapidReviewDecision.PRACTICE_REVIEW,
        rationale="National learning",
        by=manager,
    )
    b = incident(manager, "B", date(2024, 9, 2), date(2024, 9, 3))
    services_incidents.hold_rapid_review(
        b,
        held_on=date(2024, 10, 1),
        agencies=[],
        decision=RapidReviewDecision.NO_FURTHER_REVIEW,
        rationale="Learning already known",
        late_reason="The chair was ill",
        by=manager,
    )
    incident(manager, "C", date(2025, 4, 7), date(2025, 4, 8))
    review = services_incidents.commission_review(a, decided_on=date(2024, 6, 24), by=manager)
    finding = services_actions.record_finding(
        review=review,
        text="Agencies did not share the history",
        recommendation="Share it",
        themes=Theme.objects.filter(name="Information sharing"),
        by=manager,
    )
    police = AgencyFactory(name="West Marcher Police")
    for due_on, done_on in [
        (date(2024, 12, 31), None),
        (date(2025, 6, 30), None),
        (date(2024, 10, 1), date(2024, 9, 15)),
    ]:
        action = services_actions.add_action(
            finding,
            description="Share the history",
            agency=police,
            owner_name="DI Ellis",
            due_on=due_on,
            by=manager,
        )
        changes = {"added_on": date(2024, 7, 1)}
        if done_on:
            changes |= {"status": ActionStatus.COMPLETE, "completed_on": done_on}
        Action.objects.filter(pk=action.pk).update(**changes)


def figures(measure_id: str) -> list[tuple]:
    return list(registry.get(measure_id).compute([YEAR]))


def test_notifications_count_the_incidents_notified_in_the_year(year_of_reviews, settings):
    settings.LA_CODE = "884"
    assert figures("reviews_notifications") == [("884", YEAR, 2, None, 2)]


def test_rapid_reviews_within_15_working_days(year_of_reviews, settings):
    settings.LA_CODE = "884"
    assert figures("reviews_rapid_15wd_pct") == [("884", YEAR, 1, 2, 50.0)]


def test_actions_open_and_overdue_as_they_stood_at_the_end_of_the_year(year_of_reviews, settings):
    settings.LA_CODE = "884"
    assert figures("reviews_actions_open") == [("884", YEAR, 2, 3, 2)]
    assert figures("reviews_actions_overdue") == [("884", YEAR, 1, 2, 1)]


def test_a_year_with_no_rapid_reviews_has_no_share_to_give(db, settings):
    settings.LA_CODE = "884"
    assert figures("reviews_rapid_15wd_pct") == []
    assert figures("reviews_notifications") == [("884", YEAR, 0, None, 0)]


def test_the_review_measures_are_registered_with_their_app(db):
    for measure_id in (
        "reviews_notifications",
        "reviews_rapid_15wd_pct",
        "reviews_actions_open",
        "reviews_actions_overdue",
    ):
        measure = registry.get(measure_id)
        assert measure.priority == "reviews"
        assert measure.compute is not None
    # Serious incidents are about children; actions are agencies' work.
    assert registry.get("reviews_notifications").disclosure == "counts"
    assert registry.get("reviews_actions_open").disclosure == "none"

"""The rules from incident to published review: what is refused, with what message, and the
status at a glance that follows. Dates were chosen by hand on a 2024 calendar (Easter: Good Friday
29 March, Easter Monday 1 April)."""

from datetime import date, timedelta

import pytest
from django.utils import timezone
from reviews_records import business_manager, incident, notified, practice_review

from safeguard.core.models import StaleEdit
from safeguard.reviews import services_incidents, status
from safeguard.reviews.codes import RapidReviewDecision
from safeguard.reviews.rules import ReviewError

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager():
    return business_manager()


def refused_fields(call) -> list[str | None]:
    with pytest.raises(ReviewError) as refused:
        call()
    return [p.field for p in refused.value.problems]


def test_an_incident_cannot_be_in_the_future_or_share_a_name(manager):
    incident(manager, date(2024, 3, 18), name="Child Q")
    tomorrow = timezone.localdate() + timedelta(days=1)
    assert refused_fields(lambda: incident(manager, tomorrow, name="child q")) == [
        "aware_on",
        "name",
    ]


def test_a_notification_cannot_come_before_the_council_knew(manager):
    found = incident(manager, date(2024, 3, 18))
    assert refused_fields(
        lambda: services_incidents.record_notification(
            found, version=1, notified_on=date(2024, 3, 15)
        )
    ) == ["notified_on"]


def test_a_rapid_review_needs_the_notification_first_and_happens_once(manager):
    found = incident(manager, date(2024, 3, 18))

    def hold():
        return services_incidents.hold_rapid_review(
            found,
            held_on=date(2024, 4, 5),
            agencies=[],
            decision=RapidReviewDecision.NO_FURTHER_REVIEW,
            rationale="-",
            by=manager,
        )

    with pytest.raises(ReviewError, match="notified before the rapid review"):
        hold()
    services_incidents.record_notification(found, version=1, notified_on=date(2024, 3, 20))
    found.refresh_from_db()
    hold()
    with pytest.raises(ReviewError, match="already recorded"):
        hold()


def test_the_notification_cannot_change_once_the_rapid_review_is_held(manager):
    review = practice_review(manager, date(2024, 3, 18), date(2024, 3, 20), date(2024, 4, 5))
    found = review.incident
    with pytest.raises(ReviewError, match="can no longer change"):
        services_incidents.record_notification(
            found, version=found.version, notified_on=date(2024, 3, 19)
        )


def test_a_practice_review_only_follows_a_rapid_review_that_decided_one(manager):
    found = notified(manager, date(2024, 3, 18), date(2024, 3, 20))
    with pytest.raises(ReviewError, match="record the rapid review first"):
        services_incidents.commission_review(found, decided_on=date(2024, 4, 5), by=manager)
    services_incidents.hold_rapid_review(
        found,
        held_on=date(2024, 4, 5),
        agencies=[],
        decision=RapidReviewDecision.OTHER_LEARNING,
        rationale="A learning event instead",
        by=manager,
    )
    with pytest.raises(ReviewError, match="record the rapid review first"):
        services_incidents.commission_review(found, decided_on=date(2024, 4, 5), by=manager)


def test_the_decision_cannot_come_before_the_rapid_review(manager):
    review = practice_review(manager, date(2024, 3, 18), date(2024, 3, 20), date(2024, 4, 5))
    assert review.report_due_on == date(2024, 10, 5)
    other = notified(manager, date(2024, 3, 18), date(2024, 3, 20), name="Child Z")
    services_incidents.hold_rapid_review(
        other,
        held_on=date(2024, 4, 5),
        agencies=[],
        decision=RapidReviewDecision.PRACTICE_REVIEW,
        rationale="-",
        by=manager,
    )
    assert refused_fields(
        lambda: services_incidents.commission_review(other, decided_on=date(2024, 4, 4), by=manager)
    ) == ["decided_on"]


def _update(review, **changes):
    fields = {
        "terms_of_reference": "",
        "reviewers": "",
        "report_completed_on": None,
        "report_late_reason": "",
        "publication_planned_on": None,
        "sent_on": None,
        "sent_late_reason": "",
        "published_on": None,
        "publication_url": "",
        "not_published_reason": "",
    }
    return services_incidents.update_review(review, version=review.version, **(fields | changes))


def test_a_late_report_and_a_late_sending_each_need_a_reason(manager):
    review = practice_review(manager, date(2024, 3, 18), date(2024, 3, 20), date(2024, 4, 5))
    # Report due 5 October 2024; publication Wed 11 December 2024 means sending by Mon 2 December
    # (3, 4, 5, 6, 9, 10, 11 December are the 7 working days).
    late = {
        "report_completed_on": date(2024, 10, 7),
        "publication_planned_on": date(2024, 12, 11),
        "sent_on": date(2024, 12, 3),
    }
    assert refused_fields(lambda: _update(review, **late)) == [
        "report_late_reason",
        "sent_late_reason",
    ]
    saved = _update(
        review, **late, report_late_reason="Reviewer ill", sent_late_reason="Family's comments"
    )
    assert saved.send_by == date(2024, 12, 2)


def test_publishing_needs_the_report_sent_first_and_a_link(manager):
    review = practice_review(manager, date(2024, 3, 18), date(2024, 3, 20), date(2024, 4, 5))
    assert refused_fields(
        lambda: _update(
            review,
            report_completed_on=date(2024, 9, 30),
            published_on=date(2024, 12, 11),
            not_published_reason="Risk to siblings",
        )
    ) == ["sent_on", "publication_url", "not_published_reason"]


def test_sending_needs_a_finished_report_and_a_planned_publication_date(manager):
    review = practice_review(manager, date(2024, 3, 18), date(2024, 3, 20), date(2024, 4, 5))
    assert refused_fields(lambda: _update(review, sent_on=date(2024, 12, 3))) == [
        "sent_on",
        "publication_planned_on",
    ]


def test_two_people_updating_a_review_at_once_cannot_overwrite_each_other(manager):
    review = practice_review(manager, date(2024, 3, 18), date(2024, 3, 20), date(2024, 4, 5))
    stale = type(review).objects.get(pk=review.pk)
    _update(review, reviewers="Dr Jenkins")
    with pytest.raises(StaleEdit):
        _update(stale, reviewers="Someone else")


def test_status_shows_where_an_incident_has_got_to_and_what_is_late(manager):
    found = notified(manager, date(2024, 3, 18), date(2024, 3, 20))
    assert status.stage(found) == "Rapid review to hold"
    # The rapid review was due on 12 April 2024 and has not been held.
    late = status.late(found, today=date(2024, 4, 15))
    assert [(m.name, state) for m, state in late] == [("Rapid review", "overdue")]
    assert status.late(found, today=date(2024, 4, 12)) == []


def test_a_review_the_board_decided_not_to_publish_is_not_late(manager):
    review = practice_review(manager, date(2024, 3, 18), date(2024, 3, 20), date(2024, 4, 5))
    saved = _update(
        review,
        report_completed_on=date(2024, 9, 30),
        not_published_reason="Publishing would identify the surviving siblings",
    )
    assert status.stage(saved.incident) == "Not published"
    states = {m.name: m.state(date(2025, 6, 1)) for m in status.milestones(saved.incident)}
    assert states["Publication"] == status.NOT_PUBLISHED
    assert states["Final report"] == status.DONE

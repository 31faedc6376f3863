"""Actions: completing them takes evidence (and a reason when late), only the board signs them
off, and a signed-off action no longer changes. Findings are numbered within their review."""

from datetime import date, timedelta

import pytest
from django.utils import timezone
from reviews_records import action, business_manager, finding, police, practice_review

from safeguard.core.models import StaleEdit
from safeguard.reviews import services_actions
from safeguard.reviews.codes import ActionStatus
from safeguard.reviews.models import Action
from safeguard.reviews.rules import ReviewError

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def manager():
    return business_manager()


@pytest.fixture
def review(manager):
    return practice_review(manager, date(2024, 3, 18), date(2024, 3, 20), date(2024, 4, 5))


@pytest.fixture
def police_action(manager, review):
    return action(manager, finding(manager, review), police(), TODAY - timedelta(days=10))


def complete(found: Action, **changes):
    fields = {
        "status": ActionStatus.COMPLETE,
        "progress": "",
        "evidence": "Audit of 20 notifications",
        "completed_on": TODAY,
        "late_reason": "",
    }
    return services_actions.update_action(found, version=found.version, **(fields | changes))


def problems(call) -> list[str | None]:
    with pytest.raises(ReviewError) as refused:
        call()
    return [p.field for p in refused.value.problems]


def test_a_complete_action_needs_evidence_and_a_date(police_action):
    assert problems(lambda: complete(police_action, evidence=" ", completed_on=None)) == [
        "completed_on",
        "evidence",
    ]


def test_an_action_completed_after_its_due_date_needs_a_reason(police_action):
    assert problems(lambda: complete(police_action)) == ["late_reason"]
    done = complete(police_action, late_reason="The supplier's change came late")
    assert done.is_complete and done.completed_on == TODAY


def test_an_open_action_has_no_completion_date(police_action):
    assert problems(
        lambda: complete(police_action, status=ActionStatus.AMBER, completed_on=TODAY)
    ) == ["completed_on"]


def test_only_a_complete_action_is_signed_off_and_then_it_is_fixed(manager, police_action):
    with pytest.raises(ReviewError, match="Only a complete action"):
        services_actions.sign_off_action(police_action, version=1, by=manager, on=TODAY)
    done = complete(police_action, late_reason="Late")
    signed = services_actions.sign_off_action(done, version=done.version, by=manager, on=TODAY)
    assert signed.signed_off_by == manager
    with pytest.raises(ReviewError, match="can no longer change"):
        complete(signed, evidence="Rewritten", late_reason="Late")


def test_sign_off_cannot_come_before_completion(manager, review):
    found = action(manager, finding(manager, review), police(), TODAY)
    done = complete(found)
    assert problems(
        lambda: services_actions.sign_off_action(
            done, version=done.version, by=manager, on=TODAY - timedelta(days=1)
        )
    ) == ["signed_off_on"]


def test_a_stale_update_is_refused(police_action):
    stale = Action.objects.get(pk=police_action.pk)
    complete(police_action, late_reason="Late")
    with pytest.raises(StaleEdit):
        complete(stale, late_reason="Late")


def test_overdue_means_open_after_the_due_date(manager, review):
    found = finding(manager, review)
    agency = police()
    yesterday = action(manager, found, agency, TODAY - timedelta(days=1))
    action(manager, found, agency, TODAY)  # due today: not yet overdue
    done = action(manager, found, agency, TODAY - timedelta(days=5))
    complete(done, late_reason="Late")
    assert list(Action.objects.overdue(TODAY)) == [yesterday]


def test_findings_are_numbered_in_their_own_review(manager, review):
    other = practice_review(
        manager, date(2024, 3, 18), date(2024, 3, 20), date(2024, 4, 5), name="Child P"
    )
    numbers = [finding(manager, review).number, finding(manager, review).number]
    assert numbers == [1, 2]
    assert finding(manager, other).number == 1


def test_a_finding_needs_a_theme(manager, review):
    with pytest.raises(ReviewError, match="themes"):
        services_actions.record_finding(
            review=review, text="-", recommendation="-", themes=[], by=manager
        )

"""Each board member sees and updates their own agency's actions, with the overdue ones standing
out; another agency's actions stay hidden; only the partnership office signs actions off."""

from datetime import date, timedelta

import pytest
from django.utils import timezone
from factories import UserFactory, sign_in_as
from reviews_records import action, business_manager, finding, health, police, practice_review

from safeguard.reviews.codes import ActionStatus

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def world():
    manager = business_manager()
    review = practice_review(manager, date(2024, 3, 18), date(2024, 3, 20), date(2024, 4, 5))
    found = finding(manager, review, "Information sharing", "Domestic abuse")
    return {
        "manager": manager,
        "review": review,
        "police_action": action(
            manager,
            found,
            police(),
            TODAY - timedelta(days=3),
            description="Attach the call-out history to every notification",
        ),
        "health_action": action(
            manager,
            found,
            health(),
            TODAY + timedelta(days=30),
            description="Follow up every visit with no access",
        ),
        "police_member": UserFactory(role="board_member", agency=police()),
        "health_member": UserFactory(role="board_member", agency=health()),
    }


def test_the_police_board_member_sees_the_police_action_overdue(client, world):
    sign_in_as(client, world["police_member"])
    page = client.get("/case-reviews/our-actions/").content.decode()
    assert "Attach the call-out history" in page
    assert "1 action overdue" in page
    assert "Follow up every visit" not in page


def test_a_board_member_from_another_agency_sees_only_their_own_actions(client, world):
    sign_in_as(client, world["health_member"])
    response = client.get("/case-reviews/our-actions/")
    page = response.content.decode()
    assert "Follow up every visit" in page
    assert "Attach the call-out history" not in page
    assert response.context["summary"].overdue == 0 and "action overdue" not in page
    assert client.get(f"/case-reviews/actions/{world['police_action'].pk}/").status_code == 404


def test_a_board_member_updates_their_agency_s_action_but_cannot_sign_it_off(client, world):
    police_action = world["police_action"]
    sign_in_as(client, world["police_member"])
    response = client.post(
        f"/case-reviews/actions/{police_action.pk}/",
        {
            "form": "update",
            "version": police_action.version,
            "status": ActionStatus.COMPLETE,
            "progress": "",
            "evidence": "Every notification since June carries the history",
            "completed_on_day": TODAY.day,
            "completed_on_month": TODAY.month,
            "completed_on_year": TODAY.year,
            "late_reason": "The supplier's change came three days late",
        },
    )
    assert response.status_code == 302
    police_action.refresh_from_db()
    assert police_action.is_complete
    refused = client.post(
        f"/case-reviews/actions/{police_action.pk}/",
        {"form": "sign-off", "sign-off-version": police_action.version},
    )
    assert refused.status_code == 403


def test_the_business_manager_signs_off_a_complete_action(client, world):
    police_action = world["police_action"]
    police_action.status, police_action.completed_on = ActionStatus.COMPLETE, TODAY
    police_action.evidence = "Done"
    police_action.save()
    sign_in_as(client, world["manager"])
    response = client.post(
        f"/case-reviews/actions/{police_action.pk}/",
        {
            "form": "sign-off",
            "sign-off-version": police_action.version,
            "sign-off-signed_off_on_day": TODAY.day,
            "sign-off-signed_off_on_month": TODAY.month,
            "sign-off-signed_off_on_year": TODAY.year,
        },
    )
    assert response.status_code == 302
    police_action.refresh_from_db()
    assert police_action.signed_off_on == TODAY and police_action.signed_off_by == world["manager"]


def test_completing_without_evidence_shows_the_error_against_the_answer(client, world):
    police_action = world["police_action"]
    sign_in_as(client, world["police_member"])
    response = client.post(
        f"/case-reviews/actions/{police_action.pk}/",
        {
            "form": "update",
            "version": police_action.version,
            "status": ActionStatus.COMPLETE,
            "completed_on_day": TODAY.day,
            "completed_on_month": TODAY.month,
            "completed_on_year": TODAY.year,
            "late_reason": "Late",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: " in page
    assert 'href="#id_evidence"' in page
    assert "Enter the evidence that the action is complete" in page


def test_progress_rolls_up_by_review_and_theme_for_board_members(client, world):
    sign_in_as(client, world["health_member"])
    response = client.get("/case-reviews/progress/")
    by_theme = {t.label: (t.total, t.overdue) for t in response.context["by_theme"]}
    # Both actions hang off one finding tagged with two themes; the police one is overdue.
    assert by_theme == {"Domestic abuse": (2, 1), "Information sharing": (2, 1)}
    by_source = [(t.label, t.total, t.open) for t in response.context["by_source"]]
    assert by_source == [("Child Q", 2, 2)]


def test_a_board_member_without_an_agency_sees_no_actions(client, world):
    sign_in_as(client, UserFactory(role="board_member", agency=None))
    assert "Your agency has no actions" in client.get("/case-reviews/our-actions/").content.decode()

"""A child in need plan's pages: start it, review it, end it, on one page after the start."""

from datetime import date, timedelta

import pytest
from django.utils import timezone
from django.utils.html import escape
from factories import ChildFactory, UserFactory, sign_in_as

from safeguard.access.models import AccessEvent, ChildScope, Outcome, Role
from safeguard.casework import capabilities as cap
from safeguard.casework import services
from safeguard.casework.models import ChildInNeedPlan, ChildInNeedReview
from safeguard.core.calendar import add_months
from safeguard.frontdoor.models import Referral

STALE = "Someone else changed this record while you were working on it."


def on(name: str, day: date) -> dict[str, int]:
    return {f"{name}_day": day.day, f"{name}_month": day.month, f"{name}_year": day.year}


def long_date(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


@pytest.fixture
def today() -> date:
    return timezone.localdate()


@pytest.fixture
def referral(db, today) -> Referral:
    child = ChildFactory(first_name="Alfie", last_name="Brennan")
    return Referral.objects.create(
        child=child, referral_date=today - timedelta(days=150), source="6", primary_need="N1"
    )


@pytest.fixture
def plan(referral, today) -> ChildInNeedPlan:
    return services.start_cin_plan(
        referral, started_on=today - timedelta(days=120), objectives="Regular school attendance"
    )


@pytest.fixture
def worker(client, personas):
    sign_in_as(client, personas["social_worker"])
    return personas["social_worker"]


def test_a_child_in_need_plan_is_started_and_shown(client, worker, referral, today):
    started_on = today - timedelta(days=100)
    response = client.post(
        f"/casework/referrals/{referral.pk}/cin-plans/new/",
        {"objectives": "Stable housing for the family", **on("started_on", started_on)},
    )
    plan = ChildInNeedPlan.objects.get()
    assert response["Location"] == f"/casework/cin-plans/{plan.pk}/"
    assert (plan.referral, plan.started_on) == (referral, started_on)
    page = client.get(response["Location"]).content.decode()
    assert "Alfie Brennan" in page
    assert "Stable housing for the family" in page
    assert long_date(add_months(started_on, 3)) in page
    assert "Overdue" in page


def test_a_child_in_need_plan_cannot_start_before_the_referral(client, worker, referral):
    response = client.post(
        f"/casework/referrals/{referral.pk}/cin-plans/new/",
        on("started_on", referral.referral_date - timedelta(days=1)),
    )
    assert response.status_code == 200
    assert "The plan start cannot be before the referral" in response.content.decode()
    assert not ChildInNeedPlan.objects.exists()


def test_a_second_open_plan_on_the_referral_is_refused(client, worker, plan, referral, today):
    response = client.post(
        f"/casework/referrals/{referral.pk}/cin-plans/new/", on("started_on", today)
    )
    assert "This referral already has an open child in need plan" in response.content.decode()
    assert ChildInNeedPlan.objects.count() == 1


def test_a_review_is_recorded_and_moves_the_next_review(client, worker, plan, today):
    held_on = today - timedelta(days=30)
    response = client.post(
        f"/casework/cin-plans/{plan.pk}/",
        {"action": "review", "notes": "Attendance up to 92%", **on("held_on", held_on)},
    )
    assert response.status_code == 302
    review = ChildInNeedReview.objects.get()
    assert (review.plan, review.held_on, review.recorded_by) == (plan, held_on, worker)
    page = client.get(f"/casework/cin-plans/{plan.pk}/").content.decode()
    assert "Attendance up to 92%" in page
    assert long_date(add_months(held_on, 3)) in page


def test_a_review_before_the_plan_started_is_refused(client, worker, plan):
    response = client.post(
        f"/casework/cin-plans/{plan.pk}/",
        {"action": "review", **on("held_on", plan.started_on - timedelta(days=1))},
    )
    assert escape("The review cannot be before the plan's start") in response.content.decode()
    assert not ChildInNeedReview.objects.exists()


def test_the_plan_is_ended_from_its_page(client, worker, plan, today):
    ended_on = today - timedelta(days=2)
    response = client.post(
        f"/casework/cin-plans/{plan.pk}/",
        {"action": "end", "version": plan.version, **on("ended_on", ended_on)},
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.ended_on == ended_on
    page = client.get(f"/casework/cin-plans/{plan.pk}/").content.decode()
    assert "Ended" in page
    assert 'value="end"' not in page


def test_ending_the_plan_without_a_date_changes_nothing(client, worker, plan):
    response = client.post(
        f"/casework/cin-plans/{plan.pk}/", {"action": "end", "version": plan.version}
    )
    assert "Enter the date the plan ended" in response.content.decode()
    plan.refresh_from_db()
    assert plan.ended_on is None


def test_a_stale_end_is_refused_and_changes_nothing(client, worker, plan, today):
    opened_at = plan.version
    plan.objectives = "Changed by a colleague"
    plan.save_from(opened_at)
    response = client.post(
        f"/casework/cin-plans/{plan.pk}/",
        {"action": "end", "version": opened_at, **on("ended_on", today)},
    )
    assert STALE in response.content.decode()
    plan.refresh_from_db()
    assert plan.ended_on is None


def test_a_user_whose_scope_reaches_no_child_is_told_the_plan_is_not_found(client, plan, referral):
    role = Role.objects.create(
        key="early_help_lead",
        name="Early help lead",
        child_scope=ChildScope.ALLOCATED,
        capabilities=[cap.RECORD],
    )
    practitioner = UserFactory(role=role)
    sign_in_as(client, practitioner)
    assert client.get(f"/casework/cin-plans/{plan.pk}/").status_code == 404
    assert client.get(f"/casework/referrals/{referral.pk}/cin-plans/new/").status_code == 404
    denied = AccessEvent.objects.filter(
        child=referral.child, user=practitioner, outcome=Outcome.DENIED
    )
    assert denied.count() == 2


def test_a_board_member_may_not_see_a_child_in_need_plan(client, personas, plan):
    sign_in_as(client, personas["board_member"])
    assert client.get(f"/casework/cin-plans/{plan.pk}/").status_code == 403

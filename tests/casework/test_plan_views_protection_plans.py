"""The protection plan's pages: the plan at a glance, its timescales, and each action on it."""

from datetime import date, timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.html import escape
from factories import ChildFactory, UserFactory, sign_in_as
from pytest_django.asserts import assertContains

from safeguard.access.models import (
    AccessEvent,
    AccessKind,
    ChildScope,
    Outcome,
    RestrictedRecord,
    Role,
)
from safeguard.casework import capabilities as cap
from safeguard.casework import services
from safeguard.casework.codes import Attendee, StrategyDecision
from safeguard.casework.models import CategoryChange, ProtectionPlan, ReviewConference, Visit
from safeguard.casework.rules import PathwayError
from safeguard.core.calendar import add_months, add_working_days
from safeguard.frontdoor.models import Referral
from safeguard.people.models import Child

STATUTORY = [Attendee.LOCAL_AUTHORITY, Attendee.POLICE, Attendee.HEALTH]
STALE = "Someone else changed this record while you were working on it."


def put_on_plan(child: Child, *, conference_on: date, by, chair) -> ProtectionPlan:
    """A referral a week before the conference, then the pathway to a plan under neglect."""
    discussed_on = conference_on - timedelta(days=7)
    referral = Referral.objects.create(
        child=child, referral_date=discussed_on, source="6", primary_need="N1"
    )
    discussion = services.record_strategy_discussion(
        referral,
        held_on=discussed_on,
        attendees=STATUTORY,
        what_was_known="Bruising seen at school",
        decision=StrategyDecision.SINGLE_AGENCY_S47,
        rationale="Risk of significant harm",
        by=by,
    )
    enquiry = services.start_enquiry(discussion, started_on=discussed_on)
    services.record_enquiry_outcome(
        enquiry,
        version=enquiry.version,
        outcome="conference",
        completed_on=discussed_on + timedelta(days=1),
    )
    conference = services.hold_initial_conference(
        enquiry,
        held_on=conference_on,
        chair=chair,
        attendees=STATUTORY,
        outcome="plan",
        category="NEG",
    )
    return conference.plan


def on(name: str, day: date) -> dict[str, int]:
    return {f"{name}_day": day.day, f"{name}_month": day.month, f"{name}_year": day.year}


def long_date(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


@pytest.fixture
def today() -> date:
    return timezone.localdate()


@pytest.fixture
def child(db) -> Child:
    return ChildFactory(first_name="Poppy", last_name="Hartigan")


@pytest.fixture
def plan(child, personas, today) -> ProtectionPlan:
    return put_on_plan(
        child,
        conference_on=today - timedelta(days=200),
        by=personas["social_worker"],
        chair=personas["conference_chair"],
    )


@pytest.fixture
def worker(client, personas):
    sign_in_as(client, personas["social_worker"])
    return personas["social_worker"]


@pytest.fixture
def chair(client, personas):
    sign_in_as(client, personas["conference_chair"])
    return personas["conference_chair"]


def test_the_plan_page_shows_the_plan_and_its_due_dates(client, worker, plan, child):
    response = client.get(f"/casework/plans/{plan.pk}/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Poppy Hartigan" in page
    assert f"{plan.started_on.day} {plan.started_on:%B %Y}" in page
    assert "Neglect" in page
    assert long_date(add_working_days(plan.started_on, 10)) in page  # first core group
    assert long_date(add_months(plan.started_on, 3)) in page  # first review
    assert page.count("Overdue") == 3
    assert AccessEvent.objects.filter(
        child=child, user=worker, kind=AccessKind.VIEW, outcome=Outcome.ALLOWED
    ).exists()


def test_the_plan_page_marks_a_first_core_group_due_soon(client, worker, personas, today):
    # The latest conference whose first core group falls due within the "due soon" window.
    conference_on = today
    while add_working_days(conference_on, 10) > add_working_days(today, 3):
        conference_on -= timedelta(days=1)
    recent = put_on_plan(
        ChildFactory(),
        conference_on=conference_on,
        by=worker,
        chair=personas["conference_chair"],
    )
    page = client.get(f"/casework/plans/{recent.pk}/").content.decode()
    assert long_date(add_working_days(conference_on, 10)) in page
    assert "Due soon" in page


def test_a_category_change_without_a_reason_is_refused(client, worker, plan, today):
    response = client.post(
        f"/casework/plans/{plan.pk}/category/",
        {"version": plan.version, "category": "EMO", "reason": "  ", **on("changed_on", today)},
    )
    assert response.status_code == 200
    assert "Enter the reason for changing the category" in response.content.decode()
    plan.refresh_from_db()
    assert plan.latest_category == "NEG"
    assert not CategoryChange.objects.exists()


def test_a_category_change_with_a_reason_is_recorded_and_shown(client, worker, plan, today):
    changed_on = today - timedelta(days=30)
    response = client.post(
        f"/casework/plans/{plan.pk}/category/",
        {
            "version": plan.version,
            "category": "EMO",
            "reason": "Domestic abuse witnessed at home",
            **on("changed_on", changed_on),
        },
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert (plan.initial_category, plan.latest_category) == ("NEG", "EMO")
    change = CategoryChange.objects.get()
    assert (change.changed_on, change.changed_by) == (changed_on, worker)
    page = client.get(response["Location"]).content.decode()
    assert "Domestic abuse witnessed at home" in page
    assert "Emotional abuse" in page


def test_a_category_change_to_the_same_category_is_refused(client, worker, plan, today):
    response = client.post(
        f"/casework/plans/{plan.pk}/category/",
        {
            "version": plan.version,
            "category": "NEG",
            "reason": "No change",
            **on("changed_on", today),
        },
    )
    assert "Select a different category from the current one" in response.content.decode()
    assert not CategoryChange.objects.exists()


def review_at_three_months(plan: ProtectionPlan, **answers: object) -> dict[str, object]:
    return {
        "version": plan.version,
        "decision": "continue",
        "category": plan.latest_category,
        **on("held_on", add_months(plan.started_on, 3)),
        **answers,
    }


def test_the_review_form_offers_the_latest_category(client, chair, plan):
    response = client.get(f"/casework/plans/{plan.pk}/reviews/new/")
    assertContains(
        response,
        '<input type="radio" name="category" value="NEG" id="id_category_0"'
        ' class="govuk-radios__input" checked>',
        html=True,
    )


def test_a_review_at_three_months_that_changes_the_category_needs_a_reason(client, chair, plan):
    url = f"/casework/plans/{plan.pk}/reviews/new/"
    response = client.post(url, review_at_three_months(plan, category="PHY"))
    assert "Enter the reason for changing the category" in response.content.decode()
    assert not ReviewConference.objects.exists()

    response = client.post(
        url, review_at_three_months(plan, category="PHY", category_reason="Injuries disclosed")
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.latest_category == "PHY" and plan.is_open
    review = ReviewConference.objects.get()
    assert (review.chair, review.category) == (chair, "PHY")
    assert CategoryChange.objects.get().reason == "Injuries disclosed"


def test_after_a_review_the_next_is_due_within_six_months(client, chair, plan):
    client.post(f"/casework/plans/{plan.pk}/reviews/new/", review_at_three_months(plan))
    page = client.get(f"/casework/plans/{plan.pk}/").content.decode()
    assert long_date(add_months(add_months(plan.started_on, 3), 6)) in page


def test_a_review_deciding_end_ends_the_plan_with_its_reason(client, chair, plan):
    url = f"/casework/plans/{plan.pk}/reviews/new/"
    response = client.post(url, review_at_three_months(plan, decision="end"))
    assert "Select why the plan is ending" in response.content.decode()
    plan.refresh_from_db()
    assert plan.is_open

    response = client.post(url, review_at_three_months(plan, decision="end", end_reason="safe"))
    assert response.status_code == 302
    plan.refresh_from_db()
    assert (plan.ended_on, plan.end_reason) == (add_months(plan.started_on, 3), "safe")
    page = client.get(f"/casework/plans/{plan.pk}/").content.decode()
    assert "No longer at risk of significant harm" in page
    assert "Overdue" not in page


def test_a_social_worker_may_not_record_a_review(client, worker, plan):
    response = client.post(f"/casework/plans/{plan.pk}/reviews/new/", review_at_three_months(plan))
    assert response.status_code == 403
    assert not ReviewConference.objects.exists()


def test_a_plan_ended_outside_a_review_records_its_date_and_reason(client, worker, plan, today):
    ended_on = today - timedelta(days=10)
    response = client.post(
        f"/casework/plans/{plan.pk}/end/",
        {"version": plan.version, "reason": "moved", **on("ended_on", ended_on)},
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert (plan.ended_on, plan.end_reason) == (ended_on, "moved")
    page = client.get(f"/casework/plans/{plan.pk}/").content.decode()
    assert "Moved to another local authority" in page


def test_a_plan_cannot_end_before_it_started(client, worker, plan):
    response = client.post(
        f"/casework/plans/{plan.pk}/end/",
        {
            "version": plan.version,
            "reason": "adult",
            **on("ended_on", plan.started_on - timedelta(1)),
        },
    )
    assert escape("The end date cannot be before the plan's start") in response.content.decode()
    plan.refresh_from_db()
    assert plan.is_open


def test_a_core_group_meeting_is_recorded_and_shown(client, worker, plan):
    held_on = plan.started_on + timedelta(days=7)
    response = client.post(
        f"/casework/plans/{plan.pk}/core-groups/new/",
        {
            "attendees": ["la", "health", "education"],
            "notes": "Plan agreed",
            **on("held_on", held_on),
        },
    )
    assert response.status_code == 302
    page = client.get(f"/casework/plans/{plan.pk}/").content.decode()
    assert "Plan agreed" in page
    assert escape("Local authority children's social care, Health, Education") in page
    assert page.count("Overdue") == 2  # the first core group is no longer due


def test_a_core_group_meeting_needs_its_attendees(client, worker, plan):
    response = client.post(
        f"/casework/plans/{plan.pk}/core-groups/new/", on("held_on", plan.started_on)
    )
    assert "Select who attended" in response.content.decode()
    assert not plan.core_groups.exists()


def test_a_second_open_plan_for_the_same_child_is_impossible(plan, child, personas, today):
    with pytest.raises(PathwayError, match="already on a protection plan"):
        put_on_plan(
            child,
            conference_on=today - timedelta(days=20),
            by=personas["social_worker"],
            chair=personas["conference_chair"],
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        ProtectionPlan.objects.create(
            child=child,
            referral=plan.referral,
            started_on=today,
            initial_category="PHY",
            latest_category="PHY",
        )
    assert ProtectionPlan.objects.filter(child=child).count() == 1


def test_a_visit_seen_alone_but_not_seen_is_refused(client, worker, plan, child, today):
    response = client.post(
        f"/casework/children/{child.pk}/visits/new/",
        {"seen": "no", "seen_alone": "yes", **on("visited_on", today)},
    )
    assert response.status_code == 200
    assert "A child not seen cannot have been seen alone" in response.content.decode()
    assert not Visit.objects.exists()


def test_a_visit_posted_with_no_answers_shows_what_is_missing(client, worker, child):
    page = client.post(f"/casework/children/{child.pk}/visits/new/", {}).content.decode()
    assert "Enter the date of the visit" in page
    assert "Select yes if the child was seen" in page
    assert not Visit.objects.exists()


def test_a_visit_is_linked_to_the_open_plan_and_moves_the_next_visit_due(
    client, worker, plan, child, today
):
    visited_on = today - timedelta(days=1)
    response = client.post(
        f"/casework/children/{child.pk}/visits/new/",
        {
            "seen": "yes",
            "seen_alone": "yes",
            "notes": "Poppy showed me her room",
            **on("visited_on", visited_on),
        },
    )
    assert response["Location"] == f"/casework/plans/{plan.pk}/"
    visit = Visit.objects.get()
    assert (visit.plan, visit.seen, visit.seen_alone, visit.visited_by) == (
        plan,
        True,
        True,
        worker,
    )
    page = client.get(f"/casework/plans/{plan.pk}/").content.decode()
    assert "Poppy showed me her room" in page
    assert long_date(add_working_days(visited_on, 10)) in page


def test_a_stale_version_is_refused_and_changes_nothing(client, chair, plan, today):
    opened_at = plan.version
    services.change_category(
        plan, version=opened_at, to="EMO", reason="Chair's change", on=today, by=chair
    )
    response = client.post(
        f"/casework/plans/{plan.pk}/category/",
        {"version": opened_at, "category": "PHY", "reason": "Mine", **on("changed_on", today)},
    )
    assert STALE in response.content.decode()
    response = client.post(
        f"/casework/plans/{plan.pk}/reviews/new/",
        review_at_three_months(plan, version=opened_at, decision="end", end_reason="safe"),
    )
    assert STALE in response.content.decode()
    plan.refresh_from_db()
    assert (plan.latest_category, plan.is_open, plan.version) == ("EMO", True, opened_at + 1)
    assert list(CategoryChange.objects.values_list("reason", flat=True)) == ["Chair's change"]
    assert not ReviewConference.objects.exists()


def test_a_practitioner_whose_scope_reaches_no_child_is_told_it_is_not_found(client, plan, child):
    # The early help practitioner's scope (episodes they lead) reaches no child; even with the
    # capability to record, the plan stays out of reach.
    role = Role.objects.create(
        key="early_help_lead",
        name="Early help lead",
        child_scope=ChildScope.ALLOCATED,
        capabilities=[cap.RECORD, cap.CHAIR],
    )
    practitioner = UserFactory(role=role)
    sign_in_as(client, practitioner)
    for url in (
        f"/casework/plans/{plan.pk}/",
        f"/casework/plans/{plan.pk}/category/",
        f"/casework/plans/{plan.pk}/reviews/new/",
        f"/casework/children/{child.pk}/visits/new/",
    ):
        response = client.get(url)
        assert response.status_code == 404
        assert "Hartigan" not in response.content.decode()
    denied = AccessEvent.objects.filter(child=child, user=practitioner, outcome=Outcome.DENIED)
    assert denied.count() == 4


def test_an_early_help_practitioner_may_not_record_the_pathway(client, personas, plan):
    sign_in_as(client, personas["early_help_practitioner"])
    assert client.get(f"/casework/plans/{plan.pk}/").status_code == 403


def test_a_board_member_may_not_see_a_plan(client, personas, plan, child):
    sign_in_as(client, personas["board_member"])
    response = client.get(f"/casework/plans/{plan.pk}/")
    assert response.status_code == 403
    assert "Hartigan" not in response.content.decode()
    assert not AccessEvent.objects.filter(child=child).exists()


def test_a_restricted_childs_plan_sends_the_worker_to_break_the_glass(
    client, worker, personas, plan, child
):
    RestrictedRecord.objects.create(
        child=child, reason="A member of staff's child", restricted_by=personas["team_manager"]
    )
    response = client.get(f"/casework/plans/{plan.pk}/")
    assert response.status_code == 302
    assert response["Location"] == f"/children/{child.pk}/break-glass/"

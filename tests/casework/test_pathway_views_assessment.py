"""The assessment pages: a social worker starts and completes an assessment, a team manager
authorises it, and the referral closes only once nothing is left open.

Dates are in the past, counted back from today, and due dates come from the calendar, so the tests
do not depend on the day they run.
"""

from datetime import date, timedelta

import pytest
from django.utils import timezone
from django.utils.html import escape
from factories import ChildFactory, TeamFactory, UserFactory, sign_in_as

from safeguard.casework import services
from safeguard.casework.codes import AssessmentOutcome
from safeguard.casework.models import Assessment
from safeguard.core.calendar import add_working_days
from safeguard.frontdoor.models import ReasonForClosure, Referral

STALE = "Someone else changed this record while you were working on it."


def make_referral(*, days_ago: int = 120) -> Referral:
    return Referral.objects.create(
        child=ChildFactory(),
        referral_date=timezone.localdate() - timedelta(days=days_ago),
        source="6",
        primary_need="N1",
    )


def date_answer(name: str, day: date) -> dict[str, int]:
    return {f"{name}_day": day.day, f"{name}_month": day.month, f"{name}_year": day.year}


def shows(response, text: str) -> bool:
    return escape(text) in response.content.decode()


def completion(assessment: Assessment, completed_on: date, **answers: object) -> dict:
    return {
        "action": "complete",
        "version": assessment.version,
        "factors": ["16A", "2B"],
        "outcome": AssessmentOutcome.CHILD_IN_NEED_PLAN,
        "late_reason": "",
        **date_answer("completed_on", completed_on),
        **answers,
    }


@pytest.fixture
def worker(personas):
    return personas["social_worker"]


@pytest.fixture
def manager(personas):
    return personas["team_manager"]


def test_a_social_worker_assesses_and_a_team_manager_authorises(client, worker, manager):
    referral = make_referral()
    started_on = referral.referral_date + timedelta(days=2)
    completed_on = referral.referral_date + timedelta(days=20)
    sign_in_as(client, worker)

    page = client.get(f"/casework/referrals/{referral.pk}/")
    assert page.status_code == 200
    assert shows(page, "Start an assessment")

    response = client.post(
        f"/casework/referrals/{referral.pk}/assessment/new/",
        {"worker": worker.pk, **date_answer("started_on", started_on)},
    )
    assessment = Assessment.objects.get(referral=referral)
    assert response.url == f"/casework/assessments/{assessment.pk}/"
    assert assessment.worker == worker
    assert assessment.due_on == add_working_days(referral.referral_date, 45)

    page = client.get(f"/casework/assessments/{assessment.pk}/")
    assert shows(page, f"Needed if the assessment is completed after {assessment.due_on:%-d %B %Y}")
    assert not shows(page, "Authorise assessment")
    response = client.post(
        f"/casework/assessments/{assessment.pk}/", completion(assessment, completed_on)
    )
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert (assessment.completed_on, assessment.factors) == (completed_on, ["16A", "2B"])

    sign_in_as(client, manager)
    page = client.get(f"/casework/assessments/{assessment.pk}/")
    assert shows(page, "Authorise assessment")
    response = client.post(
        f"/casework/assessments/{assessment.pk}/",
        {
            "action": "authorise",
            "authorise-version": assessment.version,
            **date_answer("authorise-authorised_on", completed_on + timedelta(days=1)),
        },
    )
    assert response.url == f"/casework/referrals/{referral.pk}/"
    assessment.refresh_from_db()
    assert assessment.authorised_by == manager
    assert assessment.authorised_on == completed_on + timedelta(days=1)
    assert shows(client.get(response.url), "Authorised")


def test_a_social_worker_cannot_authorise_an_assessment(client, worker):
    referral = make_referral()
    assessment = services.start_assessment(referral, started_on=referral.referral_date, worker=None)
    sign_in_as(client, worker)
    response = client.post(
        f"/casework/assessments/{assessment.pk}/",
        {
            "action": "authorise",
            "authorise-version": 1,
            **date_answer("authorise-authorised_on", referral.referral_date),
        },
    )
    assert response.status_code == 403
    assert Assessment.objects.get().authorised_on is None


def test_the_assessing_worker_defaults_to_the_allocated_worker(client, worker, manager):
    referral = make_referral()
    allocated = UserFactory(role="social_worker", full_name="Ada Allocated")
    team = TeamFactory(name="Hereford North")
    allocated.teams.add(team)
    services.allocate(referral.child, allocated, team, on=referral.referral_date, by=manager)
    sign_in_as(client, worker)

    page = client.get(f"/casework/referrals/{referral.pk}/assessment/new/")

    assert page.context["form"]["worker"].value() == allocated.pk


def test_the_assessing_worker_defaults_to_the_user_when_nobody_is_allocated(client, worker):
    referral = make_referral()
    sign_in_as(client, worker)

    page = client.get(f"/casework/referrals/{referral.pk}/assessment/new/")

    assert page.context["form"]["worker"].value() == worker.pk


def test_a_late_assessment_needs_a_reason(client, worker):
    referral = make_referral()
    assessment = services.start_assessment(
        referral, started_on=referral.referral_date, worker=worker
    )
    late = add_working_days(assessment.due_on, 1)
    sign_in_as(client, worker)

    refused = client.post(f"/casework/assessments/{assessment.pk}/", completion(assessment, late))

    assert refused.status_code == 200
    assert shows(
        refused,
        f"The assessment was after its due date ({assessment.due_on:%-d %B %Y}): "
        "enter why it was late",
    )
    assert refused.content.decode().count("<title>Error: ") == 1
    assert Assessment.objects.get().completed_on is None

    accepted = client.post(
        f"/casework/assessments/{assessment.pk}/",
        completion(assessment, late, late_reason="The family were away for three weeks."),
    )
    assert accepted.status_code == 302
    assert Assessment.objects.get().completed_on == late


def test_a_stale_version_is_refused_and_changes_nothing(client, worker):
    referral = make_referral()
    assessment = services.start_assessment(
        referral, started_on=referral.referral_date, worker=worker
    )
    opened_at = assessment.version
    first_day = referral.referral_date + timedelta(days=10)
    # Someone else completes it while this worker has the page open.
    services.complete_assessment(
        Assessment.objects.get(pk=assessment.pk),
        version=opened_at,
        factors=["21"],
        outcome=AssessmentOutcome.NO_FURTHER_ACTION,
        completed_on=first_day,
    )
    before = Assessment.objects.filter(pk=assessment.pk).values().get()
    sign_in_as(client, worker)

    response = client.post(
        f"/casework/assessments/{assessment.pk}/",
        completion(assessment, first_day + timedelta(days=1), version=opened_at),
    )

    assert response.status_code == 200
    assert shows(response, STALE)
    assert Assessment.objects.filter(pk=assessment.pk).values().get() == before


def test_closing_a_referral_with_an_assessment_in_progress_is_refused(client, worker, manager):
    referral = make_referral()
    assessment = services.start_assessment(
        referral, started_on=referral.referral_date, worker=worker
    )
    closed_on = referral.referral_date + timedelta(days=30)
    answers = {
        "reason": ReasonForClosure.NFA_AFTER_ASSESSMENT,
        **date_answer("closed_on", closed_on),
    }
    sign_in_as(client, worker)

    refused = client.post(f"/casework/referrals/{referral.pk}/close/", answers)

    assert refused.status_code == 200
    assert shows(refused, "An assessment is still in progress")
    assert Referral.objects.get().closed_on is None

    done_on = referral.referral_date + timedelta(days=20)
    services.complete_assessment(
        assessment,
        version=assessment.version,
        factors=["21"],
        outcome=AssessmentOutcome.NO_FURTHER_ACTION,
        completed_on=done_on,
    )
    services.authorise_assessment(assessment, version=assessment.version, by=manager, on=done_on)
    accepted = client.post(f"/casework/referrals/{referral.pk}/close/", answers)

    assert accepted.url == f"/casework/referrals/{referral.pk}/"
    referral.refresh_from_db()
    assert (referral.closed_on, referral.reason_for_closure) == (closed_on, "RC8")
    # Closed RC8 after assessment; ReferralNFA stays false (it means no action on the referral
    # itself, CIN rule 8831).
    assert not referral.no_further_action
    page = client.get(accepted.url)
    assert shows(page, "Closed")
    assert not shows(page, "Start an assessment")

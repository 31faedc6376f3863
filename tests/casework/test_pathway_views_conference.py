"""From a strategy discussion through the section 47 enquiry to the initial child protection
conference: the statutory attendees, the conference due date and its late reason, quorum, and the
plan the conference starts.

Dates are in the past, counted back from today, and due dates come from the calendar, so the tests
do not depend on the day they run.
"""

from datetime import date, timedelta

import pytest
from django.utils import timezone
from django.utils.html import escape
from factories import ChildFactory, sign_in_as

from safeguard.casework import services
from safeguard.casework.codes import (
    Attendee,
    CategoryOfAbuse,
    ConferenceOutcome,
    EnquiryOutcome,
    StrategyDecision,
)
from safeguard.casework.models import (
    InitialConference,
    ProtectionPlan,
    Section47Enquiry,
    StrategyDiscussion,
)
from safeguard.core.calendar import add_working_days, is_working_day
from safeguard.frontdoor.models import Referral

STATUTORY = [Attendee.LOCAL_AUTHORITY, Attendee.POLICE, Attendee.HEALTH]


def make_referral(*, days_ago: int = 100) -> Referral:
    return Referral.objects.create(
        child=ChildFactory(),
        referral_date=timezone.localdate() - timedelta(days=days_ago),
        source="6",
        primary_need="N1",
    )


def next_working_day(day: date) -> date:
    day += timedelta(days=1)
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def date_answer(name: str, day: date) -> dict[str, int]:
    return {f"{name}_day": day.day, f"{name}_month": day.month, f"{name}_year": day.year}


def shows(response, text: str) -> bool:
    return escape(text) in response.content.decode()


def discussion_answers(held_on: date, attendees: list[str]) -> dict[str, object]:
    return {
        "attendees": attendees,
        "what_was_known": "Bruising to the upper arm; the school nurse saw it on Monday.",
        "decision": StrategyDecision.JOINT_S47,
        "rationale": "Reasonable cause to suspect significant harm.",
        **date_answer("held_on", held_on),
    }


def conference_answers(held_on: date, **answers: object) -> dict[str, object]:
    return {
        "attendees": STATUTORY,
        "outcome": ConferenceOutcome.PLAN,
        "category": CategoryOfAbuse.NEGLECT,
        "objectives": "Regular meals, clean clothes, school every day.",
        "dissent": "",
        "late_reason": "",
        **date_answer("held_on", held_on),
        **answers,
    }


def enquiry_waiting_for_conference(worker) -> Section47Enquiry:
    """A referral, a strategy discussion the next working day, and an enquiry needing an ICPC."""
    referral = make_referral()
    held_on = next_working_day(referral.referral_date)
    discussion = services.record_strategy_discussion(
        referral,
        held_on=held_on,
        attendees=STATUTORY,
        what_was_known="Bruising",
        decision=StrategyDecision.JOINT_S47,
        rationale="Significant harm",
        by=worker,
    )
    enquiry = services.start_enquiry(discussion, started_on=held_on)
    return services.record_enquiry_outcome(
        enquiry,
        version=enquiry.version,
        outcome=EnquiryOutcome.CONFERENCE,
        completed_on=add_working_days(held_on, 5),
    )


@pytest.fixture
def worker(personas):
    return personas["social_worker"]


@pytest.fixture
def chair(personas):
    return personas["conference_chair"]


def test_a_strategy_discussion_without_the_police_shows_the_services_error(client, worker):
    referral = make_referral()
    sign_in_as(client, worker)

    response = client.post(
        f"/casework/referrals/{referral.pk}/strategy-discussions/new/",
        discussion_answers(
            next_working_day(referral.referral_date), [Attendee.LOCAL_AUTHORITY, Attendee.HEALTH]
        ),
    )

    assert response.status_code == 200
    assert shows(
        response, "A strategy discussion needs the local authority, police and health: add police"
    )
    assert 'href="#id_attendees_0"' in response.content.decode()
    assert not StrategyDiscussion.objects.exists()


def test_the_pathway_runs_to_a_plan_from_a_conference_on_its_due_day(client, worker, chair):
    referral = make_referral()
    held_on = next_working_day(referral.referral_date)
    due = add_working_days(held_on, 15)
    sign_in_as(client, worker)

    response = client.post(
        f"/casework/referrals/{referral.pk}/strategy-discussions/new/",
        discussion_answers(held_on, STATUTORY),
    )
    assert response.url == f"/casework/referrals/{referral.pk}/"
    discussion = StrategyDiscussion.objects.get()
    assert shows(client.get(response.url), "Start the section 47 enquiry")

    response = client.post(
        f"/casework/strategy-discussions/{discussion.pk}/enquiry/new/",
        date_answer("started_on", held_on),
    )
    enquiry = Section47Enquiry.objects.get()
    assert response.url == f"/casework/enquiries/{enquiry.pk}/"
    assert enquiry.conference_due_on == due
    page = client.get(response.url)
    assert shows(page, f"{due:%A %-d %B %Y}")
    assert shows(page, "15 working days from the last strategy discussion")

    response = client.post(
        f"/casework/enquiries/{enquiry.pk}/",
        {
            "version": enquiry.version,
            "outcome": EnquiryOutcome.CONFERENCE,
            **date_answer("completed_on", add_working_days(held_on, 5)),
        },
    )
    assert response.status_code == 302
    assert Section47Enquiry.objects.get().outcome == EnquiryOutcome.CONFERENCE

    sign_in_as(client, chair)
    page = client.get(f"/casework/enquiries/{enquiry.pk}/conference/new/")
    assert shows(page, f"The conference is due by {due:%A %-d %B %Y}")
    response = client.post(
        f"/casework/enquiries/{enquiry.pk}/conference/new/", conference_answers(due)
    )

    plan = ProtectionPlan.objects.get()
    assert response.url == f"/casework/plans/{plan.pk}/"
    assert (plan.child, plan.started_on) == (referral.child, due)
    assert (plan.initial_category, plan.latest_category) == ("NEG", "NEG")
    assert plan.previous_plans == 0
    conference = InitialConference.objects.get()
    assert (conference.chair, conference.quorate, conference.late_reason) == (chair, True, "")
    page = client.get(f"/casework/referrals/{referral.pk}/")
    assert shows(page, f"/casework/plans/{plan.pk}/")


def test_a_late_conference_is_refused_without_a_reason_and_accepted_with_one(client, worker, chair):
    enquiry = enquiry_waiting_for_conference(worker)
    late = add_working_days(enquiry.strategy_discussion.held_on, 17)
    sign_in_as(client, chair)

    refused = client.post(
        f"/casework/enquiries/{enquiry.pk}/conference/new/", conference_answers(late)
    )

    assert refused.status_code == 200
    assert shows(
        refused,
        f"The conference was after its due date ({enquiry.conference_due_on:%-d %B %Y}): "
        "enter why it was late",
    )
    assert not InitialConference.objects.exists()
    assert not ProtectionPlan.objects.exists()

    accepted = client.post(
        f"/casework/enquiries/{enquiry.pk}/conference/new/",
        conference_answers(late, late_reason="The police officer in the case was on leave."),
    )

    assert accepted.status_code == 302
    conference = InitialConference.objects.get()
    assert (conference.held_on, conference.late_reason) == (
        late,
        "The police officer in the case was on leave.",
    )
    assert ProtectionPlan.objects.get().started_on == late


def test_a_conference_without_the_police_is_recorded_as_not_quorate(client, worker, chair):
    enquiry = enquiry_waiting_for_conference(worker)
    sign_in_as(client, chair)

    response = client.post(
        f"/casework/enquiries/{enquiry.pk}/conference/new/",
        conference_answers(
            enquiry.conference_due_on,
            attendees=[Attendee.LOCAL_AUTHORITY, Attendee.HEALTH],
            outcome=ConferenceOutcome.NO_PLAN,
            category="",
        ),
        follow=True,
    )

    assert response.redirect_chain == [(f"/casework/referrals/{enquiry.referral_id}/", 302)]
    assert shows(response, "Initial conference recorded as not quorate")
    assert shows(response, "Not quorate")
    assert not InitialConference.objects.get().quorate
    assert not ProtectionPlan.objects.exists()


def test_a_plan_needs_a_category(client, worker, chair):
    enquiry = enquiry_waiting_for_conference(worker)
    sign_in_as(client, chair)

    response = client.post(
        f"/casework/enquiries/{enquiry.pk}/conference/new/",
        conference_answers(enquiry.conference_due_on, category=""),
    )

    assert shows(response, "Select the category of abuse for the plan")
    assert not InitialConference.objects.exists()


def test_a_second_conference_for_the_same_enquiry_goes_back_to_the_referral(client, worker, chair):
    enquiry = enquiry_waiting_for_conference(worker)
    sign_in_as(client, chair)
    client.post(
        f"/casework/enquiries/{enquiry.pk}/conference/new/",
        conference_answers(enquiry.conference_due_on),
    )

    again = client.post(
        f"/casework/enquiries/{enquiry.pk}/conference/new/",
        conference_answers(enquiry.conference_due_on),
    )

    assert again.url == f"/casework/referrals/{enquiry.referral_id}/"
    assert InitialConference.objects.count() == 1


def test_only_a_conference_chair_records_the_conference(client, worker):
    enquiry = enquiry_waiting_for_conference(worker)
    sign_in_as(client, worker)

    response = client.post(
        f"/casework/enquiries/{enquiry.pk}/conference/new/",
        conference_answers(enquiry.conference_due_on),
    )

    assert response.status_code == 403
    assert not InitialConference.objects.exists()

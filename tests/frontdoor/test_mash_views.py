"""The MASH's pages: the queue, the RAG rating, linking the child, asking agencies, deciding.

Contacts are received in November 2025 unless a test says otherwise; deadlines were worked out by
hand (09:00 to 17:00 on working days; red 4 hours, amber 24).
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape
from factories import AgencyFactory, ChildFactory, UserFactory, sign_in_as
from factories_frontdoor import make_contact

from safeguard.access.models import AgencyKind
from safeguard.frontdoor import services
from safeguard.frontdoor.codes import Outcome, PrimaryNeed, Rag
from safeguard.frontdoor.models import (
    Contact,
    ContactStatus,
    InformationRequest,
    RagChange,
    Referral,
    SharingDecision,
    ThresholdDecision,
)
from safeguard.people.models import Child

LONDON = ZoneInfo("Europe/London")


def london(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=LONDON)


@pytest.fixture
def worker(personas):
    return personas["mash_worker"]


@pytest.fixture
def manager(personas):
    return personas["mash_manager"]


@pytest.fixture
def health(db):
    return AgencyFactory(name="Westshire Health Trust", kind=AgencyKind.HEALTH_TRUST)


@pytest.fixture
def nurse(health):
    return UserFactory(role="partner_practitioner", agency=health, full_name="Nia Nurse")


def html(response) -> str:
    return response.content.decode()


def shows(response, text: str) -> bool:
    return escape(text) in html(response)


def decision_answers(level, outcome: str, primary_need: str = "") -> dict[str, object]:
    return {
        "level": level.pk,
        "outcome": outcome,
        "primary_need": primary_need,
        "reasoning": "Bruising seen by the school nurse; father's account does not fit.",
        "feedback": "Thank you: we are holding a strategy discussion.",
    }


# The queue ---------------------------------------------------------------------------------------


def test_the_queue_lists_open_contacts_soonest_deadline_first(client, worker, manager, levels):
    monday = make_contact(recorded_by=worker, received_at=london(2025, 11, 10, 10))  # Thu 13 10:00
    red = make_contact(
        recorded_by=worker, received_at=london(2025, 11, 11, 10), immediate_danger=True
    )  # Tue 11 14:00
    earlier = make_contact(recorded_by=worker, received_at=london(2025, 11, 3, 10))  # Thu 6 10:00
    decided = make_contact(recorded_by=worker, received_at=london(2025, 11, 3, 9))
    services.decide(
        decided,
        level=levels[1],
        outcome=Outcome.NO_FURTHER_ACTION,
        reasoning="Universal services",
        feedback="No action",
        by=manager,
    )
    sign_in_as(client, worker)

    response = client.get("/mash/")

    shown = [contact.reference for contact in response.context["page"]]
    assert shown == [earlier.reference, red.reference, monday.reference]
    page = html(response)
    assert page.index(earlier.reference) < page.index(red.reference) < page.index(monday.reference)
    assert decided.reference not in page
    assert "3 open contacts, soonest deadline first" in page


def test_the_queue_filters_by_rag_rating(client, worker):
    amber = make_contact(recorded_by=worker, received_at=london(2025, 11, 10, 10))
    red = make_contact(
        recorded_by=worker, received_at=london(2025, 11, 11, 10), immediate_danger=True
    )
    sign_in_as(client, worker)

    response = client.get("/mash/?rag=red")

    assert [contact.reference for contact in response.context["page"]] == [red.reference]
    assert amber.reference not in html(response)


def test_an_unknown_rag_filter_shows_every_open_contact(client, worker):
    make_contact(recorded_by=worker)
    make_contact(recorded_by=worker, immediate_danger=True)
    sign_in_as(client, worker)

    response = client.get("/mash/?rag=purple")

    assert response.status_code == 200
    assert len(response.context["page"]) == 2


def test_the_queue_makes_as_many_queries_for_thirty_contacts_as_for_three(client, worker):
    agencies = [AgencyFactory(name=f"School {n}", kind=AgencyKind.EDUCATION) for n in range(3)]

    def add(count: int) -> None:
        for n in range(count):
            make_contact(recorded_by=worker, agency=agencies[n % 3], child=ChildFactory())

    sign_in_as(client, worker)
    add(3)
    client.get("/mash/")  # the access log's head row is made on its first write, once ever
    with CaptureQueriesContext(connection) as three:
        assert len(client.get("/mash/").context["page"]) == 3
    add(27)
    with CaptureQueriesContext(connection) as thirty:
        assert len(client.get("/mash/").context["page"]) == 25  # one page
    assert len(thirty.captured_queries) == len(three.captured_queries)


# RAG ---------------------------------------------------------------------------------------------


def test_the_manager_changes_the_rag_rating_with_a_reason_and_the_deadline_moves(client, manager):
    contact = make_contact(recorded_by=manager, received_at=london(2025, 11, 10, 10))
    assert contact.rag_deadline == london(2025, 11, 13, 10)
    sign_in_as(client, manager)

    response = client.post(
        f"/mash/contacts/{contact.pk}/rag/",
        {"rag": Rag.RED, "reason": "Father released from prison today"},
    )

    assert response.status_code == 302
    assert response["Location"] == f"/mash/contacts/{contact.pk}/"
    contact.refresh_from_db()
    assert contact.rag == Rag.RED
    # Red is 4 working hours from receipt: Monday 10:00 to 14:00.
    assert contact.rag_deadline == london(2025, 11, 10, 14)
    change = contact.rag_changes.last()
    assert (change.rag, change.reason, change.changed_by) == (
        Rag.RED,
        "Father released from prison today",
        manager,
    )
    assert f"{contact.reference} is now rated red." in html(client.get(response["Location"]))


def test_a_rag_change_without_a_reason_is_refused(client, manager):
    contact = make_contact(recorded_by=manager)
    sign_in_as(client, manager)

    response = client.post(f"/mash/contacts/{contact.pk}/rag/", {"rag": Rag.GREEN, "reason": ""})

    assert response.status_code == 200
    assert "Enter the reason for the rating" in html(response)
    assert RagChange.objects.filter(contact=contact).count() == 1


def test_a_mash_worker_cannot_change_the_rag_rating(client, worker):
    contact = make_contact(recorded_by=worker)
    sign_in_as(client, worker)

    url = f"/mash/contacts/{contact.pk}/rag/"
    refused_get = client.get(url)
    refused_post = client.post(url, {"rag": Rag.GREEN, "reason": "Looks minor"})

    assert (refused_get.status_code, refused_post.status_code) == (403, 403)
    contact.refresh_from_db()
    assert contact.rag == Rag.AMBER
    assert RagChange.objects.filter(contact=contact).count() == 1


# Linking the child -------------------------------------------------------------------------------


def test_choosing_new_creates_the_childs_record_from_what_the_referrer_typed(client, worker):
    contact = make_contact(
        recorded_by=worker,
        child_first_name="Ruby",
        child_last_name="Fenwick",
        child_date_of_birth=date(2016, 6, 14),
        child_address="12 Bridge Street",
        child_postcode="HR4 9DX",
    )
    sign_in_as(client, worker)

    response = client.post(f"/mash/contacts/{contact.pk}/child/", {"child": "new"})

    assert response.status_code == 302
    child = Child.objects.get()
    assert (child.first_name, child.last_name, child.date_of_birth) == (
        "Ruby",
        "Fenwick",
        date(2016, 6, 14),
    )
    assert child.addresses.get().postcode == "HR4 9DX"
    contact.refresh_from_db()
    assert contact.child == child


def test_choosing_an_existing_candidate_links_it_and_creates_nothing(client, worker):
    ruby = ChildFactory(first_name="Ruby", last_name="Fenwick", date_of_birth=date(2016, 6, 14))
    contact = make_contact(recorded_by=worker)  # describes Ruby Fenwick, born 14 June 2016
    sign_in_as(client, worker)

    offered = client.get(f"/mash/contacts/{contact.pk}/child/")
    assert f'name="child" type="radio" value="{ruby.pk}"' in html(offered)
    response = client.post(f"/mash/contacts/{contact.pk}/child/", {"child": str(ruby.pk)})

    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.child == ruby
    assert Child.objects.count() == 1


def test_a_child_who_is_not_a_candidate_cannot_be_linked(client, worker):
    stranger = ChildFactory(
        first_name="Zoltan", last_name="Abernethy", date_of_birth=date(2003, 1, 9)
    )
    contact = make_contact(recorded_by=worker)
    sign_in_as(client, worker)

    response = client.post(
        f"/mash/contacts/{contact.pk}/child/", {"child": str(stranger.pk)}, follow=True
    )

    assert "Select the child&#x27;s record, or create a new one." in html(response)
    contact.refresh_from_db()
    assert contact.child is None


# Information requests ----------------------------------------------------------------------------


def test_an_agencys_answer_to_an_information_request_is_shown_on_the_contact(
    client, worker, health, nurse
):
    contact = make_contact(recorded_by=worker)
    sign_in_as(client, worker)
    asked = client.post(
        f"/mash/contacts/{contact.pk}/information-requests/new/",
        {"agency": health.pk, "question": "Is the family known to health visiting?"},
    )
    assert asked.status_code == 302
    info = InformationRequest.objects.get()
    assert (info.contact, info.agency, info.requested_by) == (contact, health, worker)

    sign_in_as(client, nurse)
    request_page = client.get(f"/information-requests/{info.pk}/")
    assert "Is the family known to health visiting?" in html(request_page)
    answered = client.post(
        f"/information-requests/{info.pk}/",
        {
            "decision": SharingDecision.SHARED,
            "answer": "Missed the last three development checks.",
            "reason": "Needed to keep the child safe",
        },
    )
    assert answered.status_code == 302
    assert answered["Location"] == "/information-requests/"

    sign_in_as(client, worker)
    page = html(client.get(f"/mash/contacts/{contact.pk}/"))
    assert "Missed the last three development checks." in page
    assert "Information shared" in page
    assert "Nia Nurse" in page


def test_an_answer_after_the_contact_was_decided_is_refused_with_a_clear_message(
    client, worker, manager, health, nurse, levels
):
    contact = make_contact(recorded_by=worker)
    info = services.request_information(contact, health, "Known to you?", by=worker)
    services.decide(
        contact,
        level=levels[1],
        outcome=Outcome.NO_FURTHER_ACTION,
        reasoning="Universal services",
        feedback="No action",
        by=manager,
    )
    sign_in_as(client, nurse)

    response = client.post(
        f"/information-requests/{info.pk}/",
        {
            "decision": SharingDecision.SHARED,
            "answer": "Missed the last three development checks.",
            "reason": "Needed to keep the child safe",
        },
    )

    assert response.status_code == 200
    assert (
        "The MASH has already decided this contact, so it no longer needs an answer. "
        "If what you know is still important, phone the MASH." in html(response)
    )
    info.refresh_from_db()
    assert (info.answered_at, info.answer, info.decision) == (None, "", "")


# The decision ------------------------------------------------------------------------------------


def test_a_strategy_discussion_needs_the_primary_need(client, manager, levels):
    contact = make_contact(recorded_by=manager, child=ChildFactory())
    sign_in_as(client, manager)

    response = client.post(
        f"/mash/contacts/{contact.pk}/decision/",
        decision_answers(levels[4], Outcome.STRATEGY_DISCUSSION),
    )

    assert response.status_code == 200
    assert "There is a problem" in html(response)
    assert "Select the primary need for the referral" in html(response)
    assert not ThresholdDecision.objects.exists()
    contact.refresh_from_db()
    assert contact.status == ContactStatus.OPEN


def test_a_social_care_outcome_needs_the_child_linked(client, manager, levels):
    contact = make_contact(recorded_by=manager)
    sign_in_as(client, manager)

    response = client.post(
        f"/mash/contacts/{contact.pk}/decision/",
        decision_answers(levels[3], Outcome.ASSESSMENT, PrimaryNeed.ABUSE_OR_NEGLECT),
    )

    assert response.status_code == 200
    assert shows(response, "Link the contact to the child's record before referring to social care")
    assert not ThresholdDecision.objects.exists()
    assert not Referral.objects.exists()
    contact.refresh_from_db()
    assert contact.status == ContactStatus.OPEN


def test_a_decision_to_refer_a_linked_child_makes_a_referral(client, manager, levels):
    child = ChildFactory()
    contact = make_contact(recorded_by=manager, child=child)
    sign_in_as(client, manager)

    response = client.post(
        f"/mash/contacts/{contact.pk}/decision/",
        decision_answers(levels[4], Outcome.STRATEGY_DISCUSSION, PrimaryNeed.ABUSE_OR_NEGLECT),
    )

    assert response.status_code == 302
    assert response["Location"] == f"/mash/contacts/{contact.pk}/"
    referral = Referral.objects.get()
    assert (referral.child, referral.contact, referral.primary_need) == (
        child,
        contact,
        PrimaryNeed.ABUSE_OR_NEGLECT,
    )
    contact.refresh_from_db()
    assert contact.status == ContactStatus.DECIDED
    assert contact.decision.level == levels[4]


def test_without_a_threshold_document_in_force_the_decision_page_sends_the_manager_back(
    client, manager
):
    contact = make_contact(recorded_by=manager, child=ChildFactory())
    sign_in_as(client, manager)

    response = client.get(f"/mash/contacts/{contact.pk}/decision/")

    assert response.status_code == 302
    assert response["Location"] == f"/mash/contacts/{contact.pk}/"
    assert "No threshold document is in force: the business manager must publish one." in html(
        client.get(response["Location"])
    )


def test_a_mash_worker_cannot_record_a_decision(client, worker, levels):
    contact = make_contact(recorded_by=worker)
    sign_in_as(client, worker)

    response = client.post(
        f"/mash/contacts/{contact.pk}/decision/",
        decision_answers(levels[1], Outcome.NO_FURTHER_ACTION),
    )

    assert response.status_code == 403
    assert not ThresholdDecision.objects.exists()


# Recording a phone or email contact --------------------------------------------------------------


def test_recording_the_same_phone_contact_twice_makes_one_contact(client, worker):
    data = {
        "idempotency_key": "5b0c3f52-4d2e-4f47-9a53-8c2f6f7d1e10",
        "channel": "phone",
        "referrer_name": "Kerry Fenwick",
        "referrer_role": "Aunt",
        "child_first_name": "Ruby",
        "child_last_name": "Fenwick",
        "lives_with": "Mother",
        "concerns": ["neglect"],
        "what_happened": "Left alone overnight.",
        "immediate_danger": "no",
        "early_help_offered": "no",
        "family_aware": "no",
        "lawful_basis": "risk",
    }
    sign_in_as(client, worker)

    first = client.post("/mash/contacts/new/", data)
    second = client.post("/mash/contacts/new/", data)

    contact = Contact.objects.get()
    assert first["Location"] == f"/mash/contacts/{contact.pk}/"
    assert second.status_code == 302, [e.message for e in second.context["form"].error_summary]
    assert second["Location"] == first["Location"]

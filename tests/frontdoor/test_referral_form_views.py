"""The online referral form, as a partner practitioner uses it through the browser's requests.

A school's safeguarding lead refers Ruby Fenwick, born 14 June 2016. Expected values were worked
out by hand from the form's fields and the front door's rules.
"""

import re
import uuid
from datetime import date

import pytest
from django.utils.html import escape
from factories import AgencyFactory, UserFactory, sign_in_as

from safeguard.access.models import AgencyKind
from safeguard.frontdoor.codes import Channel, Concern, EarlyHelpOffered, LawfulBasis, Rag
from safeguard.frontdoor.models import Contact, ContactStatus

REFER_URL = "/referrals/new/"


@pytest.fixture
def school_lead(db):
    school = AgencyFactory(name="Kingsway Primary School", kind=AgencyKind.EDUCATION)
    return UserFactory(
        role="partner_practitioner",
        agency=school,
        full_name="Dee Lead",
        email="dee.lead@kingsway.example.org",
    )


@pytest.fixture
def signed_in(client, school_lead):
    sign_in_as(client, school_lead)
    return client


def answers(**changes: object) -> dict[str, object]:
    """Every answer the form asks for, filled in; pass a field to change or blank it."""
    data: dict[str, object] = {
        "idempotency_key": str(uuid.uuid4()),
        "child_first_name": "Ruby",
        "child_last_name": "Fenwick",
        "child_date_of_birth_day": "14",
        "child_date_of_birth_month": "6",
        "child_date_of_birth_year": "2016",
        "child_nhs_number": "",
        "child_address": "12 Bridge Street, Hereford",
        "child_postcode": "HR4 9DX",
        "lives_with": "Mother, Kerry Fenwick, 34; brother Jack, 3",
        "concerns": [Concern.NEGLECT, Concern.EMOTIONAL],
        "what_happened": "Came to school hungry and in the same clothes all week.",
        "when_happened_day": "",
        "when_happened_month": "",
        "when_happened_year": "",
        "immediate_danger": "no",
        "early_help_offered": EarlyHelpOffered.NO,
        "early_help_details": "",
        "family_aware": "yes",
        "lawful_basis": LawfulBasis.CONSENT,
        "lawful_basis_details": "",
        "referrer_role": "Designated safeguarding lead",
        "referrer_phone": "01432 260100",
    }
    data.update(changes)
    return data


def html(response) -> str:
    return response.content.decode()


def errors_on(response) -> list[str]:
    """The error messages a re-shown form carries, to say why a test's POST did not go through."""
    form = response.context["form"] if response.context else None
    return [item.message for item in form.error_summary] if form else []


def idempotency_key(response) -> str:
    hidden = re.search(r'type="hidden" name="idempotency_key" value="([^"]+)"', html(response))
    assert hidden is not None, "the form has no hidden idempotency_key"
    return hidden.group(1)


def test_the_form_carries_a_hidden_idempotency_key(signed_in):
    response = signed_in.get(REFER_URL)

    assert response.status_code == 200
    assert uuid.UUID(idempotency_key(response))


def test_each_visit_to_the_form_gets_a_new_idempotency_key(signed_in):
    first, second = (idempotency_key(signed_in.get(REFER_URL)) for _ in range(2))

    assert first != second


def test_a_complete_referral_opens_one_contact_and_shows_its_reference(signed_in, school_lead):
    response = signed_in.post(REFER_URL, answers())

    contact = Contact.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/referrals/{contact.pk}/"
    assert contact.reference == f"FD{contact.received_at:%y}-{contact.pk:06d}"
    page = signed_in.get(response["Location"])
    assert f"Referral sent. Your reference is {contact.reference}." in html(page)


def test_the_referral_records_the_referrer_from_their_account_and_the_answers_as_typed(
    signed_in, school_lead
):
    signed_in.post(REFER_URL, answers())

    contact = Contact.objects.get()
    assert contact.channel == Channel.ONLINE
    assert contact.referrer == school_lead
    assert contact.recorded_by == school_lead
    assert contact.referrer_name == "Dee Lead"
    assert contact.referrer_email == "dee.lead@kingsway.example.org"
    assert contact.referrer_agency == school_lead.agency
    assert contact.referrer_role == "Designated safeguarding lead"
    assert contact.source == "2A"  # Schools, from the agency's kind
    assert (contact.child_first_name, contact.child_last_name) == ("Ruby", "Fenwick")
    assert contact.child_date_of_birth == date(2016, 6, 14)
    assert contact.concerns == [Concern.NEGLECT, Concern.EMOTIONAL]
    assert contact.immediate_danger is False
    assert contact.family_aware is True
    assert contact.status == ContactStatus.OPEN
    assert contact.rag == Rag.AMBER


def test_sending_the_same_form_twice_makes_one_contact_and_lands_on_the_same_referral(signed_in):
    data = answers()

    first = signed_in.post(REFER_URL, data)
    second = signed_in.post(REFER_URL, data)

    contact = Contact.objects.get()
    assert first["Location"] == f"/referrals/{contact.pk}/"
    # Not the form again with "Contact with this Idempotency key already exists".
    assert second.status_code == 302, errors_on(second)
    assert second["Location"] == first["Location"]


def test_missing_answers_are_listed_in_gov_uk_words_and_nothing_is_saved(signed_in):
    data = answers(child_first_name="", immediate_danger="", referrer_phone="")
    del data["concerns"], data["lawful_basis"]

    response = signed_in.post(REFER_URL, data)

    page = html(response)
    assert response.status_code == 200
    assert "There is a problem" in page
    for message in [
        "Enter the child's first name",
        "Select what you are worried about",
        "Select yes if the child is in immediate danger",
        "Select the basis for sharing this information",
        "Enter a phone number the MASH can call you on",
    ]:
        assert escape(message) in page, message
    assert Contact.objects.count() == 0


def test_a_form_with_problems_keeps_what_was_typed(signed_in):
    data = answers(child_first_name="")
    del data["concerns"]

    page = html(signed_in.post(REFER_URL, data))

    assert 'value="Fenwick"' in page
    assert 'value="14"' in page and 'value="2016"' in page
    assert 'value="HR4 9DX"' in page
    assert 'value="01432 260100"' in page
    assert f'value="{data["idempotency_key"]}"' in page
    assert "Came to school hungry and in the same clothes all week." in page
    assert re.search(r'value="consent"[^>]*checked', page)


def test_a_child_in_immediate_danger_makes_the_contact_red(signed_in):
    signed_in.post(REFER_URL, answers(immediate_danger="yes"))

    contact = Contact.objects.get()
    assert contact.immediate_danger is True
    assert contact.rag == Rag.RED
    assert contact.rag_changes.get().reason == "The referrer said the child is in immediate danger"


def test_a_script_typed_into_what_happened_is_shown_escaped_on_the_referral_page(signed_in):
    typed = "She said <script>alert(1)</script> was written on her arm"
    response = signed_in.post(REFER_URL, answers(what_happened=typed), follow=True)

    page = html(response)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert(1)</script>" not in page
    assert Contact.objects.get().what_happened == typed


def test_early_help_not_appropriate_needs_the_reason_why(signed_in):
    response = signed_in.post(
        REFER_URL,
        answers(early_help_offered=EarlyHelpOffered.NOT_APPROPRIATE, early_help_details=""),
    )

    assert response.status_code == 200
    assert "Enter why early help would not be safe or appropriate" in html(response)
    assert Contact.objects.count() == 0


def test_early_help_not_appropriate_with_the_reason_is_accepted(signed_in):
    signed_in.post(
        REFER_URL,
        answers(
            early_help_offered=EarlyHelpOffered.NOT_APPROPRIATE,
            early_help_details="Father is violent when services visit",
        ),
    )

    contact = Contact.objects.get()
    assert contact.early_help_offered == EarlyHelpOffered.NOT_APPROPRIATE
    assert contact.early_help_details == "Father is violent when services visit"

"""A referrer sees their own referrals and what the MASH chose to tell them; nobody else's.

Personas: Dee, the school's safeguarding lead, made the referral; Sam, her colleague at the same
school, and Pat, a police officer, are partner practitioners who must never see it.
"""

from datetime import timedelta

import pytest
from django.utils import timezone
from factories import AgencyFactory, ChildFactory, UserFactory, sign_in_as
from factories_frontdoor import make_contact

from safeguard.access.models import AccessEvent, AccessKind, AgencyKind, Outcome
from safeguard.frontdoor import services
from safeguard.frontdoor.codes import Outcome as FrontDoorOutcome
from safeguard.frontdoor.codes import PrimaryNeed
from safeguard.frontdoor.models import SharingDecision

REASONING = "Mother's history of psychosis, known to the GP, weighs against early help."
FEEDBACK = "Please talk to the family about early help through the school."


@pytest.fixture
def school(db):
    return AgencyFactory(name="Kingsway Primary School", kind=AgencyKind.EDUCATION)


@pytest.fixture
def police(db):
    return AgencyFactory(name="Westshire Police", kind=AgencyKind.POLICE)


@pytest.fixture
def dee(school):
    return UserFactory(role="partner_practitioner", agency=school, full_name="Dee Lead")


@pytest.fixture
def sam(school):
    return UserFactory(role="partner_practitioner", agency=school, full_name="Sam Colleague")


@pytest.fixture
def pat(police):
    return UserFactory(role="partner_practitioner", agency=police, full_name="Pat Officer")


@pytest.fixture
def referral(dee):
    """Dee's referral about Ruby, linked to Ruby's record by the MASH."""
    return make_contact(
        recorded_by=dee, referrer=dee, agency=dee.agency, child=ChildFactory(first_name="Ruby")
    )


def decide(contact, levels, personas, outcome=FrontDoorOutcome.NO_FURTHER_ACTION, **kwargs):
    return services.decide(
        contact,
        level=levels[1],
        outcome=outcome,
        reasoning=REASONING,
        feedback=FEEDBACK,
        by=personas["mash_manager"],
        **kwargs,
    )


def html(response) -> str:
    return response.content.decode()


def test_a_referrer_sees_their_referrals_and_not_a_colleagues(client, dee, sam, referral):
    colleagues = make_contact(recorded_by=sam, referrer=sam, agency=sam.agency)
    sign_in_as(client, dee)

    page = html(client.get("/referrals/"))

    assert referral.reference in page
    assert f'href="/referrals/{referral.pk}/"' in page
    assert colleagues.reference not in page


def test_an_undecided_referral_is_shown_as_with_the_mash(client, dee, referral):
    sign_in_as(client, dee)

    assert "With the MASH" in html(client.get(f"/referrals/{referral.pk}/"))


def test_after_the_decision_the_referrer_sees_the_outcome_and_the_feedback(
    client, dee, referral, levels, personas
):
    decide(referral, levels, personas)
    sign_in_as(client, dee)

    listing = html(client.get("/referrals/"))
    page = html(client.get(f"/referrals/{referral.pk}/"))

    assert "No further action" in listing
    assert "Outcome: No further action" in page
    assert "Please talk to the family about early help through the school." in page


def test_the_referrer_never_sees_the_mashs_reasoning(client, dee, referral, levels, personas):
    decide(referral, levels, personas)
    sign_in_as(client, dee)

    page = html(client.get(f"/referrals/{referral.pk}/"))

    assert "psychosis" not in page
    assert "weighs against early help" not in page


def test_the_referrer_never_sees_what_other_agencies_told_the_mash(
    client, dee, pat, police, referral, personas
):
    asked = services.request_information(
        referral, police, "Any call-outs to the address?", by=personas["mash_worker"]
    )
    services.answer_request(
        asked,
        decision=SharingDecision.SHARED,
        answer="Three domestic abuse call-outs since March.",
        reason="To keep the child safe",
        by=pat,
    )
    sign_in_as(client, dee)

    page = html(client.get(f"/referrals/{referral.pk}/"))

    assert "Any call-outs to the address?" not in page
    assert "Three domestic abuse call-outs" not in page


@pytest.mark.parametrize("intruder", ["sam", "pat"], ids=["same agency", "another agency"])
def test_another_practitioner_gets_not_found_and_the_attempt_is_logged(
    client, request, referral, intruder
):
    user = request.getfixturevalue(intruder)
    sign_in_as(client, user)

    response = client.get(f"/referrals/{referral.pk}/")

    assert response.status_code == 404
    [event] = AccessEvent.objects.filter(user=user)
    assert event.outcome == Outcome.DENIED
    assert event.child_id == referral.child_id
    assert event.page == f"/referrals/{referral.pk}/"
    assert referral.reference not in html(response)


@pytest.mark.parametrize("intruder", ["sam", "pat"], ids=["same agency", "another agency"])
def test_another_practitioners_list_does_not_show_the_referral(client, request, referral, intruder):
    sign_in_as(client, request.getfixturevalue(intruder))

    assert referral.reference not in html(client.get("/referrals/"))


def test_the_referrers_own_view_is_logged_against_the_child(client, dee, referral):
    sign_in_as(client, dee)

    client.get(f"/referrals/{referral.pk}/")

    [event] = AccessEvent.objects.filter(user=dee)
    assert (event.outcome, event.kind, event.child_id) == (
        Outcome.ALLOWED,
        AccessKind.VIEW,
        referral.child_id,
    )


def test_the_agency_summary_counts_only_the_users_agencys_contacts(
    client, dee, sam, pat, school, police, levels, personas
):
    """School in the last 12 months: 2 no further action, 1 early help, 1 open = 4, 1 open.

    Not counted: the police's three contacts, and the school's contact of 400 days ago.
    """

    def contact(by, outcome=None, days_ago=1, **kwargs):
        made = make_contact(
            recorded_by=by,
            referrer=by,
            agency=by.agency,
            received_at=timezone.now() - timedelta(days=days_ago),
            child=ChildFactory(),
        )
        if outcome:
            services.decide(
                made,
                level=levels[1],
                outcome=outcome,
                reasoning="Seen against the descriptors",
                feedback="Thank you",
                by=personas["mash_manager"],
                **kwargs,
            )
        return made

    contact(dee, FrontDoorOutcome.NO_FURTHER_ACTION)
    contact(sam, FrontDoorOutcome.NO_FURTHER_ACTION, days_ago=30)
    contact(dee, FrontDoorOutcome.EARLY_HELP)
    contact(sam)
    contact(dee, FrontDoorOutcome.NO_FURTHER_ACTION, days_ago=400)
    contact(pat, FrontDoorOutcome.NO_FURTHER_ACTION)
    contact(pat, FrontDoorOutcome.ASSESSMENT, primary_need=PrimaryNeed.ABUSE_OR_NEGLECT)
    contact(pat)
    sign_in_as(client, dee)

    response = client.get("/referrals/our-agency/")

    assert response.status_code == 200
    assert (
        "Contacts made by anyone in Kingsway Primary School in the last 12 months: 4, "
        "of which 1 are still with the MASH." in html(response)
    )
    assert response.context["rows"] == [
        ("No further action", 2),
        ("Information and advice", 0),
        ("Early help", 1),
        ("Child in need assessment", 0),
        ("Strategy discussion: possible significant harm", 0),
        ("Already open: pass to the allocated worker", 0),
    ]

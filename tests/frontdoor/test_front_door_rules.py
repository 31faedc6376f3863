"""The front door's rules: the first RAG rating, the referral source, information requests and the
threshold decision that may make a contact a referral to children's social care.

Dates are in November 2025 unless a test says otherwise; expected deadlines were worked out by hand
(09:00 to 17:00 on working days).
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from factories import AgencyFactory, ChildFactory, UserFactory
from factories_frontdoor import make_contact, make_threshold_document

from safeguard.access.models import Agency, AgencyKind
from safeguard.frontdoor import services
from safeguard.frontdoor.codes import Outcome, PrimaryNeed, Rag, ReferralSource
from safeguard.frontdoor.models import (
    Contact,
    ContactStatus,
    InformationRequest,
    RagChange,
    Referral,
    SharingDecision,
    ThresholdDecision,
)
from safeguard.frontdoor.services import FrontDoorError

LONDON = ZoneInfo("Europe/London")
SOCIAL_CARE = [Outcome.ASSESSMENT, Outcome.STRATEGY_DISCUSSION, Outcome.ALREADY_OPEN]
NOT_SOCIAL_CARE = [Outcome.NO_FURTHER_ACTION, Outcome.INFORMATION_AND_ADVICE, Outcome.EARLY_HELP]


def london(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=LONDON)


@pytest.fixture
def manager(personas):
    return personas["mash_manager"]


@pytest.fixture
def school(db) -> Agency:
    return AgencyFactory(name="Kingsway Primary School", kind=AgencyKind.EDUCATION)


@pytest.fixture
def school_lead(school):
    return UserFactory(role="partner_practitioner", agency=school, full_name="Dee Lead")


def history(contact: Contact) -> list[tuple[str, str]]:
    return [(change.rag, change.reason) for change in contact.rag_changes.all()]


def decide(contact: Contact, level, outcome: str, by, **kwargs) -> ThresholdDecision:
    return services.decide(
        contact,
        level=level,
        outcome=outcome,
        reasoning="Seen against the level descriptors",
        feedback="Thank you for telling us",
        by=by,
        **kwargs,
    )


def ask(contact: Contact, agency: Agency, by, at: datetime) -> InformationRequest:
    return services.request_information(contact, agency, "Is the family known?", by=by, at=at)


def answer(request: InformationRequest, by, at: datetime, text: str = "Known since 2023") -> None:
    services.answer_request(
        request,
        decision=SharingDecision.SHARED,
        answer=text,
        reason="Needed to keep the child safe",
        by=by,
        at=at,
    )


# Opening a contact -------------------------------------------------------------------------------


def test_a_child_in_immediate_danger_makes_the_contact_red_and_says_why(personas):
    received = london(2025, 11, 10, 10)
    contact = make_contact(
        recorded_by=personas["mash_worker"], received_at=received, immediate_danger=True
    )

    assert contact.rag == Rag.RED
    # Red is 4 working hours: Monday 10:00 to 14:00.
    assert contact.rag_deadline == london(2025, 11, 10, 14)
    [change] = contact.rag_changes.all()
    assert change.rag == Rag.RED
    assert "immediate danger" in change.reason
    assert change.changed_at == received
    assert change.changed_by is None


def test_any_other_contact_starts_amber_until_the_manager_rates_it(personas):
    contact = make_contact(
        recorded_by=personas["mash_worker"], received_at=london(2025, 11, 10, 10)
    )

    assert contact.rag == Rag.AMBER
    # Amber is 24 working hours: 7 on Monday, 8 Tuesday, 8 Wednesday, 1 on Thursday 13th.
    assert contact.rag_deadline == london(2025, 11, 13, 10)
    assert history(contact) == [
        (Rag.AMBER, "Every new contact starts amber until the MASH manager rates it")
    ]


def test_a_new_contact_is_open_and_has_a_reference_the_referrer_can_quote(personas):
    contact = make_contact(
        recorded_by=personas["mash_worker"], received_at=london(2025, 11, 10, 10)
    )
    saved = Contact.objects.get(pk=contact.pk)

    assert saved.status == ContactStatus.OPEN
    assert saved.reference == f"FD25-{contact.pk:06d}"
    assert saved.recorded_by == personas["mash_worker"]


def test_opening_a_contact_keeps_a_source_the_mash_worker_chose(personas):
    contact = make_contact(
        recorded_by=personas["mash_worker"],
        received_at=london(2025, 11, 10, 10),
        referrer_role="Grandmother",
        source=ReferralSource.FAMILY,
    )

    assert Contact.objects.get(pk=contact.pk).source == "1A"


def test_opening_a_contact_works_out_the_source_from_the_referrers_agency(personas):
    police = AgencyFactory(name="Westshire Police", kind=AgencyKind.POLICE)
    contact = make_contact(recorded_by=personas["mash_worker"], agency=police)

    assert Contact.objects.get(pk=contact.pk).source == "6"


# The CIN referral source -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "role", "code"),
    [
        (AgencyKind.POLICE, "Detective constable", "6"),
        (AgencyKind.EDUCATION, "Designated safeguarding lead", "2A"),
        (AgencyKind.GP_PRACTICE, "GP partner", "3A"),
        (AgencyKind.HEALTH_TRUST, "Health visitor", "3B"),
        (AgencyKind.HEALTH_TRUST, "Specialist HEALTH VISITOR, 0-19 team", "3B"),
        (AgencyKind.HEALTH_TRUST, "School nurse", "3C"),
        (AgencyKind.HEALTH_TRUST, "Emergency department nurse", "3E"),
        (AgencyKind.HEALTH_TRUST, "Paediatric ward sister", "3F"),
        (AgencyKind.HOUSING, "Housing officer", "4"),
        (AgencyKind.EARLY_HELP, "Family support worker", "5D"),
        (AgencyKind.PROBATION, "Probation officer", "7"),
        (AgencyKind.VOLUNTARY, "Youth worker", "8"),
    ],
)
def test_the_referral_source_follows_the_referrers_agency_and_role(kind, role, code):
    agency = Agency(name="An agency", kind=kind)

    assert services.source_for(agency, role) == code


def test_a_referrer_from_no_agency_gives_the_source_unknown():
    assert services.source_for(None) == "10"
    assert services.source_for(None, "Health visitor") == "10"


@pytest.mark.parametrize("kind", AgencyKind.values)
def test_every_kind_of_agency_gives_a_cin_referral_source(kind):
    assert services.source_for(Agency(name="An agency", kind=kind)) in ReferralSource.values


# Changing the RAG rating -------------------------------------------------------------------------


def test_changing_the_rag_rating_recomputes_the_deadline_from_receipt_and_keeps_history(manager):
    contact = make_contact(recorded_by=manager, received_at=london(2025, 11, 10, 10))

    services.change_rag(
        contact,
        Rag.RED,
        reason="Police say the father is back",
        by=manager,
        at=london(2025, 11, 10, 11),
    )
    saved = Contact.objects.get(pk=contact.pk)
    # Red from receipt: Monday 10:00 plus 4 hours.
    assert (saved.rag, saved.rag_deadline) == (Rag.RED, london(2025, 11, 10, 14))

    services.change_rag(
        contact,
        Rag.GREEN,
        reason="Father arrested and remanded",
        by=manager,
        at=london(2025, 11, 10, 12),
    )
    saved = Contact.objects.get(pk=contact.pk)
    # Green, 72 hours from Monday 10:00: nine working days on, Friday 21st at 10:00.
    assert (saved.rag, saved.rag_deadline) == (Rag.GREEN, london(2025, 11, 21, 10))
    # The decision date depends on the day received, not the rating: Tuesday 11th.
    assert saved.decision_due == date(2025, 11, 11)

    assert history(saved) == [
        (Rag.AMBER, "Every new contact starts amber until the MASH manager rates it"),
        (Rag.RED, "Police say the father is back"),
        (Rag.GREEN, "Father arrested and remanded"),
    ]
    assert [c.changed_by for c in saved.rag_changes.all()] == [None, manager, manager]
    assert [h.rag for h in saved.history.order_by("history_date")] == [
        Rag.AMBER,
        Rag.RED,
        Rag.GREEN,
    ]


def test_the_rag_rating_of_a_decided_contact_cannot_be_changed(manager, levels):
    contact = make_contact(recorded_by=manager, received_at=london(2025, 11, 10, 10))
    decide(contact, levels[1], Outcome.NO_FURTHER_ACTION, manager, at=london(2025, 11, 10, 12))

    with pytest.raises(FrontDoorError, match="has been decided"):
        services.change_rag(
            Contact.objects.get(pk=contact.pk), Rag.RED, reason="Too late", by=manager
        )

    assert Contact.objects.get(pk=contact.pk).rag == Rag.AMBER
    assert RagChange.objects.filter(contact=contact).count() == 1


def test_a_rag_change_loaded_before_someone_else_decided_the_contact_is_refused(manager, levels):
    # Two managers open the same contact; one decides it while the other's page is still open.
    contact = make_contact(recorded_by=manager, received_at=london(2025, 11, 10, 10))
    seen_by_second_manager = Contact.objects.get(pk=contact.pk)
    decide(contact, levels[1], Outcome.NO_FURTHER_ACTION, manager, at=london(2025, 11, 10, 12))

    with pytest.raises(FrontDoorError):
        services.change_rag(seen_by_second_manager, Rag.RED, reason="Too late", by=manager)

    assert Contact.objects.get(pk=contact.pk).rag == Rag.AMBER
    assert RagChange.objects.filter(contact=contact).count() == 1


def test_an_information_request_on_a_contact_decided_meanwhile_is_refused(manager, levels, school):
    contact = make_contact(recorded_by=manager, received_at=london(2025, 11, 10, 10))
    seen_by_worker = Contact.objects.get(pk=contact.pk)
    decide(contact, levels[1], Outcome.NO_FURTHER_ACTION, manager, at=london(2025, 11, 10, 12))

    with pytest.raises(FrontDoorError):
        ask(seen_by_worker, school, manager, london(2025, 11, 10, 13))

    assert not InformationRequest.objects.filter(contact=contact).exists()


# Information requests ----------------------------------------------------------------------------


def test_an_agency_answers_an_information_request_and_the_answer_is_kept(
    manager, school, school_lead
):
    contact = make_contact(recorded_by=manager, received_at=london(2025, 11, 10, 10))
    request = ask(contact, school, manager, london(2025, 11, 10, 10, 30))

    answer(request, school_lead, london(2025, 11, 10, 15))

    saved = InformationRequest.objects.get(pk=request.pk)
    assert saved.decision == SharingDecision.SHARED
    assert saved.answer == "Known since 2023"
    assert saved.reason == "Needed to keep the child safe"
    assert saved.answered_by == school_lead
    assert saved.answered_at == london(2025, 11, 10, 15)
    # Due 12 working hours after Monday 10:30: 6.5 on Monday, 5.5 on Tuesday, so 14:30.
    assert saved.due_at == london(2025, 11, 11, 14, 30)
    assert saved.answered_on_time is True


def test_an_answer_after_the_due_time_is_recorded_as_late(manager, school, school_lead):
    contact = make_contact(recorded_by=manager, received_at=london(2025, 11, 10, 10))
    request = ask(contact, school, manager, london(2025, 11, 10, 10, 30))

    answer(request, school_lead, london(2025, 11, 11, 14, 31))

    assert InformationRequest.objects.get(pk=request.pk).answered_on_time is False


def test_answering_after_the_contact_was_decided_is_refused_and_changes_nothing(
    manager, levels, school, school_lead
):
    contact = make_contact(recorded_by=manager, received_at=london(2025, 11, 10, 10))
    request = ask(contact, school, manager, london(2025, 11, 10, 10, 30))
    decide(contact, levels[2], Outcome.EARLY_HELP, manager, at=london(2025, 11, 10, 12))

    with pytest.raises(FrontDoorError) as refused:
        answer(request, school_lead, london(2025, 11, 10, 13))

    assert str(refused.value) == (
        "The MASH has already decided this contact, so it no longer needs an answer. "
        "If what you know is still important, phone the MASH."
    )
    saved = InformationRequest.objects.get(pk=request.pk)
    assert (saved.decision, saved.answer, saved.reason) == ("", "", "")
    assert saved.answered_by is None
    assert saved.answered_at is None


def test_a_request_cannot_be_answered_twice(manager, school, school_lead):
    contact = make_contact(recorded_by=manager, received_at=london(2025, 11, 10, 10))
    request = ask(contact, school, manager, london(2025, 11, 10, 10, 30))
    answer(request, school_lead, london(2025, 11, 10, 11), text="First answer")

    with pytest.raises(FrontDoorError, match="already been answered"):
        answer(request, school_lead, london(2025, 11, 10, 12), text="Second answer")

    saved = InformationRequest.objects.get(pk=request.pk)
    assert (saved.answer, saved.answered_at) == ("First answer", london(2025, 11, 10, 11))


# The threshold decision --------------------------------------------------------------------------


@pytest.mark.parametrize("outcome", SOCIAL_CARE)
def test_a_decision_for_social_care_makes_the_contact_a_referral(manager, levels, outcome):
    child = ChildFactory()
    contact = make_contact(
        recorded_by=manager,
        received_at=london(2025, 11, 14, 16),
        child=child,
        source=ReferralSource.SCHOOLS,
    )

    decision = decide(
        contact,
        levels[3],
        outcome,
        manager,
        primary_need=PrimaryNeed.ABUSE_OR_NEGLECT,
        at=london(2025, 11, 17, 10),
    )

    referral = Referral.objects.get(contact=contact)
    assert referral.child == child
    # The referral date is the day the contact came in (Friday), not the day it was decided.
    assert referral.referral_date == date(2025, 11, 14)
    assert referral.source == "2A"
    assert referral.primary_need == "N1"
    assert referral.no_further_action is False
    assert referral.closed_on is None
    assert decision.level == levels[3]
    assert decision.decided_by == manager
    assert Contact.objects.get(pk=contact.pk).status == ContactStatus.DECIDED


def test_a_referral_is_dated_by_the_london_day_the_contact_arrived(manager, levels):
    # 00:30 BST on Tuesday 1 July 2025 is 23:30 UTC on Monday 30 June.
    contact = make_contact(
        recorded_by=manager, received_at=london(2025, 7, 1, 0, 30), child=ChildFactory()
    )

    decide(contact, levels[3], Outcome.ASSESSMENT, manager, at=london(2025, 7, 1, 10))

    assert Referral.objects.get(contact=contact).referral_date == date(2025, 7, 1)


def test_a_referral_without_a_primary_need_records_not_stated(manager, levels):
    contact = make_contact(recorded_by=manager, child=ChildFactory())

    decide(contact, levels[4], Outcome.STRATEGY_DISCUSSION, manager)

    assert Referral.objects.get(contact=contact).primary_need == "N0"


@pytest.mark.parametrize("outcome", SOCIAL_CARE)
def test_a_decision_for_social_care_is_refused_until_the_child_is_linked(manager, levels, outcome):
    contact = make_contact(recorded_by=manager)

    with pytest.raises(FrontDoorError, match="Link the contact to the child's record"):
        decide(contact, levels[3], outcome, manager)

    assert not ThresholdDecision.objects.filter(contact=contact).exists()
    assert not Referral.objects.exists()
    assert Contact.objects.get(pk=contact.pk).status == ContactStatus.OPEN


@pytest.mark.parametrize("outcome", NOT_SOCIAL_CARE)
def test_a_decision_not_for_social_care_makes_no_referral(manager, levels, outcome):
    contact = make_contact(recorded_by=manager, child=ChildFactory())

    decision = decide(contact, levels[1], outcome, manager)

    assert not Referral.objects.exists()
    assert Contact.objects.get(pk=contact.pk).status == ContactStatus.DECIDED
    assert ThresholdDecision.objects.get(contact=contact) == decision


def test_no_further_action_needs_no_linked_child(manager, levels):
    contact = make_contact(recorded_by=manager)

    decide(contact, levels[1], Outcome.NO_FURTHER_ACTION, manager)

    assert Contact.objects.get(pk=contact.pk).status == ContactStatus.DECIDED


def test_a_contact_cannot_be_decided_twice(manager, levels):
    contact = make_contact(recorded_by=manager, child=ChildFactory())
    decide(contact, levels[1], Outcome.NO_FURTHER_ACTION, manager)

    with pytest.raises(FrontDoorError, match="has been decided"):
        decide(contact, levels[3], Outcome.ASSESSMENT, manager)

    assert ThresholdDecision.objects.get(contact=contact).outcome == Outcome.NO_FURTHER_ACTION
    assert not Referral.objects.exists()


def test_a_decision_must_cite_the_threshold_document_in_force(manager, levels):
    # Version 1 is in force from 1 April 2025; version 2 replaces it from 1 October 2025.
    version_2 = make_threshold_document(version=2, in_force_from=date(2025, 10, 1))
    assert levels[1].document.version == 1 and version_2.version == 2
    contact = make_contact(recorded_by=manager, received_at=london(2025, 11, 10, 10))

    with pytest.raises(FrontDoorError):
        decide(contact, levels[1], Outcome.NO_FURTHER_ACTION, manager, at=london(2025, 11, 10, 12))

    assert not ThresholdDecision.objects.filter(contact=contact).exists()

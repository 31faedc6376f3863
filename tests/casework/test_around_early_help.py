"""Early help: episodes led by a practitioner of any agency, who reaches the child only while they
lead an open episode; the assessment, plan and reviews; a step up that lands in the MASH queue; a
step down that names the referral it follows."""

import uuid
from datetime import date

import pytest
from factories import AgencyFactory, ChildFactory, UserFactory
from pathway_records import make_staff, refer

from safeguard.access.models import AgencyKind
from safeguard.casework import services_early_help as services
from safeguard.casework import tray_around
from safeguard.casework.codes_around import EarlyHelpOutcome, EarlyHelpRoute
from safeguard.casework.rules import PathwayError
from safeguard.frontdoor.codes import Channel, Concern, LawfulBasis
from safeguard.frontdoor.models import Contact, ContactStatus
from safeguard.people.models import Child


@pytest.fixture
def lead(db):
    agency = AgencyFactory(name="Riverside Primary School", kind=AgencyKind.EDUCATION)
    return UserFactory(role="early_help_practitioner", agency=agency, full_name="Amy Watkins")


@pytest.fixture
def child(db):
    return ChildFactory(first_name="Ella", date_of_birth=date(2016, 2, 2))


def begin(child, lead, on=date(2024, 3, 20), **answers):
    defaults = {"needs": "Routines and school attendance", "route": EarlyHelpRoute.REQUEST}
    return services.start_early_help(
        child, started_on=on, lead=lead, by=lead, **(defaults | answers)
    )


def plan(episode, *, agreed=date(2024, 5, 3)):
    return services.record_assessment_and_plan(
        episode,
        version=episode.version,
        assessment_started_on=date(2024, 3, 25),
        assessment_completed_on=date(2024, 4, 30),
        assessment_agency=episode.lead_agency,
        plan_agreed_on=agreed,
        plan="Morning routine; a school place by September",
    )


def test_the_lead_reaches_the_child_only_while_leading_an_open_episode(child, lead):
    other = UserFactory(role="early_help_practitioner")
    assert not Child.objects.in_scope_of(lead).filter(pk=child.pk).exists()
    episode = begin(child, lead)
    assert Child.objects.in_scope_of(lead).filter(pk=child.pk).exists()
    assert not Child.objects.in_scope_of(other).filter(pk=child.pk).exists()
    services.end_early_help(
        episode, version=episode.version, ended_on=date(2024, 3, 21), outcome="needs_met"
    )
    assert not Child.objects.in_scope_of(lead).filter(pk=child.pk).exists()


def test_the_lead_agency_is_the_lead_practitioners(child, lead):
    assert begin(child, lead).lead_agency.name == "Riverside Primary School"


def test_only_someone_who_records_early_help_can_lead_it(child, lead):
    police = UserFactory(role="partner_practitioner", full_name="Dan Morgan")
    with pytest.raises(PathwayError, match="Dan Morgan cannot lead early help"):
        begin(child, police)


def test_a_child_has_one_open_episode_at_a_time(child, lead):
    begin(child, lead)
    with pytest.raises(PathwayError, match=r"Ella .* already has an open early help episode"):
        begin(child, lead, on=date(2024, 4, 1))


def test_a_step_down_names_a_referral_of_the_same_child_and_starts_after_it(child, lead):
    staff = make_staff()
    referral = refer(child, on=date(2024, 3, 1), by=staff.mash_manager)
    someone_elses = refer(ChildFactory(), on=date(2024, 3, 1), by=staff.mash_manager)
    step_down = EarlyHelpRoute.STEP_DOWN
    with pytest.raises(PathwayError, match="Select the referral this steps down from"):
        begin(child, lead, route=step_down, stepped_down_from=someone_elses)
    with pytest.raises(PathwayError, match="before the referral it steps down from"):
        begin(child, lead, on=date(2024, 2, 1), route=step_down, stepped_down_from=referral)
    episode = begin(child, lead, route=step_down, stepped_down_from=referral)
    assert episode.stepped_down_from == referral


def test_the_assessment_and_plan_keep_their_order(child, lead):
    episode = begin(child, lead)
    with pytest.raises(PathwayError) as refused:
        services.record_assessment_and_plan(
            episode,
            version=episode.version,
            assessment_started_on=date(2024, 3, 25),
            assessment_completed_on=date(2024, 3, 22),
            assessment_agency=None,
            plan_agreed_on=date(2024, 4, 1),
            plan="",
        )
    assert [p.message for p in refused.value.problems] == [
        "The assessment's completion cannot be before the assessment's start (25 March 2024)",
        "Enter what the plan is to achieve",
        "Select the organisation completing the assessment",
    ]


def test_a_plan_is_reviewed_only_once_agreed(child, lead):
    episode = begin(child, lead)
    with pytest.raises(PathwayError, match="Record the plan before reviewing it"):
        services.review(episode, held_on=date(2024, 4, 1), notes="", by=lead)
    plan(episode)
    services.review(episode, held_on=date(2024, 6, 10), notes="Good progress", by=lead)
    assert episode.reviews.count() == 1


def test_the_early_help_tray_shows_the_assessment_then_the_next_review(child, lead):
    episode = begin(child, lead)
    # 30 working days from Wednesday 20 March 2024: 21-22 Mar (1-2), 25-28 Mar (3-6), Good
    # Friday and Easter Monday skipped, 2-5 Apr (7-10), 8-26 Apr (11-25), 29-30 Apr (26-27),
    # 1-3 May (28-30).
    [task] = tray_around.early_help_tasks([episode])
    assert (task.kind, task.due_on) == ("Early help assessment due", date(2024, 5, 3))
    plan(episode)
    # Six weeks after the plan was agreed on Friday 3 May 2024.
    [task] = tray_around.early_help_tasks([episode])
    assert (task.kind, task.due_on) == ("Early help review due", date(2024, 6, 14))


def step_up(episode, lead, key=None):
    return services.step_up(
        episode,
        reason="Ella said her stepfather hit her",
        concerns=[Concern.PHYSICAL],
        immediate_danger=False,
        family_aware=True,
        lawful_basis=LawfulBasis.CONSENT,
        idempotency_key=key,
        by=lead,
    )


def test_a_step_up_is_a_contact_waiting_in_the_mash_queue(child, lead):
    episode = plan(begin(child, lead))
    step = step_up(episode, lead)
    contact = step.contact
    assert (contact.status, contact.channel, contact.child, contact.referrer) == (
        ContactStatus.OPEN,
        Channel.STEP_UP,
        child,
        lead,
    )
    assert contact.source == "2A"  # a school's lead practitioner: the CIN census source 2A
    assert contact.early_help_details.startswith("Early help since 20 March 2024, led by Amy")
    assert contact.reference.startswith("FD")


def test_a_step_up_sent_twice_makes_one_contact(child, lead):
    episode = begin(child, lead)
    key = uuid.uuid4()
    assert step_up(episode, lead, key) == step_up(episode, lead, key)
    assert Contact.objects.count() == 1


def test_early_help_ends_as_stepped_up_only_after_a_step_up(child, lead):
    episode = begin(child, lead)
    with pytest.raises(PathwayError, match="Step up to children's social care first"):
        services.end_early_help(
            episode,
            version=episode.version,
            ended_on=date(2024, 4, 1),
            outcome=EarlyHelpOutcome.STEPPED_UP,
        )
    stepped = step_up(episode, lead)
    ended = services.end_early_help(
        episode,
        version=episode.version,
        ended_on=stepped.stepped_up_on,
        outcome=EarlyHelpOutcome.STEPPED_UP,
    )
    assert ended.outcome == EarlyHelpOutcome.STEPPED_UP

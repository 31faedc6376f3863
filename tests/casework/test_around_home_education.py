"""The register of children educated at home, and the flag raised when a child on it is on a
protection plan or under a section 47 enquiry: a task in the allocated worker's work tray until
they record talking with the education lead, and first place on the education lead's register."""

from datetime import date

import pytest
from factories import ChildFactory, UserFactory
from pathway_records import begin_enquiry, child_on_plan, discuss, make_staff, refer

from safeguard.casework import services, services_home_education
from safeguard.casework.codes_around import ContactKind
from safeguard.casework.rules import PathwayError
from safeguard.casework.tray import children_held_by, tasks_for_children

FLAG_TASK = "Educated at home and on a child protection plan: talk with the education lead"


@pytest.fixture
def staff(db):
    return make_staff()


@pytest.fixture
def lead(db):
    return UserFactory(role="social_worker", full_name="Jo Bright")


@pytest.fixture
def child(db):
    return ChildFactory(first_name="Owen", date_of_birth=date(2013, 9, 9))


def register(child, lead, on=date(2024, 1, 15), **answers):
    return services_home_education.add_to_register(
        child,
        started_on=on,
        reason=answers.pop("reason", "bullying"),
        education_lead=lead,
        by=lead,
        **answers,
    )


def talk(entry, on, by):
    return services_home_education.record_contact(
        entry, contacted_on=on, kind=ContactKind.SOCIAL_CARE, child_seen=False, by=by
    )


def tray(staff):
    return [t.kind for t in tasks_for_children(children_held_by(worker_ids=[staff.worker.pk]))]


def test_a_child_must_be_of_school_age_to_be_on_the_register(lead, db):
    toddler = ChildFactory(first_name="Isla", date_of_birth=date(2021, 5, 1))
    with pytest.raises(PathwayError, match=r"Isla .* was not of school age on that date"):
        register(toddler, lead)


def test_another_reason_needs_saying_and_the_education_lead_keeps_the_register(child, lead):
    chair = UserFactory(role="conference_chair", full_name="Gareth Lloyd")
    with pytest.raises(PathwayError) as refused:
        register(child, chair, reason="other")
    assert [p.message for p in refused.value.problems] == [
        "Enter the reason the parents gave",
        "Gareth Lloyd does not keep the register",
    ]


def test_a_child_is_on_the_register_once_at_a_time(child, lead):
    register(child, lead)
    with pytest.raises(PathwayError, match="already on the register"):
        register(child, lead, on=date(2024, 2, 1))


def test_a_child_on_the_register_who_comes_onto_a_plan_is_flagged_to_their_worker(
    child, lead, staff
):
    entry = register(child, lead)
    assert services_home_education.flag_for(entry) is None
    pathway = child_on_plan(
        child,
        staff,
        referred_on=date(2024, 3, 4),
        discussed_on=date(2024, 3, 5),
        concluded_on=date(2024, 3, 12),
        conference_on=date(2024, 3, 25),
    )
    services.allocate(child, staff.worker, staff.team, on=date(2024, 3, 4), by=staff.manager)
    flag = services_home_education.flag_for(entry)
    assert (flag.reason, flag.since, flag.liaison_recorded) == (
        "On a child protection plan",
        pathway.plan.started_on,
        False,
    )
    assert FLAG_TASK in tray(staff)
    talk(entry, date(2024, 3, 26), staff.worker)
    assert FLAG_TASK not in tray(staff)


def test_talking_before_the_plan_began_does_not_clear_the_flag(child, lead, staff):
    entry = register(child, lead)
    talk(entry, date(2024, 2, 1), lead)
    child_on_plan(
        child,
        staff,
        referred_on=date(2024, 3, 4),
        discussed_on=date(2024, 3, 5),
        concluded_on=date(2024, 3, 12),
        conference_on=date(2024, 3, 25),
    )
    assert not services_home_education.flag_for(entry).liaison_recorded


def test_a_child_under_a_section_47_enquiry_is_flagged_from_its_start(child, lead, staff):
    entry = register(child, lead)
    referral = refer(child, on=date(2024, 3, 4), by=staff.mash_manager)
    begin_enquiry(discuss(referral, on=date(2024, 3, 5), by=staff.worker), on=date(2024, 3, 6))
    flag = services_home_education.flag_for(entry)
    assert (flag.reason, flag.since) == ("Under a section 47 enquiry", date(2024, 3, 6))


def test_a_child_who_has_left_the_register_is_not_flagged(child, lead, staff):
    entry = register(child, lead)
    services_home_education.end_registration(
        entry, version=entry.version, ended_on=date(2024, 2, 1), reason="school"
    )
    child_on_plan(
        child,
        staff,
        referred_on=date(2024, 3, 4),
        discussed_on=date(2024, 3, 5),
        concluded_on=date(2024, 3, 12),
        conference_on=date(2024, 3, 25),
    )
    entry.refresh_from_db()
    assert services_home_education.flag_for(entry) is None


def test_the_next_contact_is_due_a_year_after_the_last(child, lead):
    entry = register(child, lead)
    assert services_home_education.next_contact_due(entry) == date(2025, 1, 15)
    services_home_education.record_contact(
        entry, contacted_on=date(2024, 2, 29), kind="home_visit", child_seen=True, by=lead
    )
    # 29 February + 12 months: 2025 has no 29 February, so its last day.
    assert services_home_education.next_contact_due(entry) == date(2025, 2, 28)

"""The records around the pathway in the work tray of the worker who holds the child, in the
child's chronology, and as badges on the child's summary.

Mia is allocated to the worker. She became looked after on Wednesday 20 March 2024 (first review
due Friday 19 April 2024, 20 working days over Easter; first visit due 27 March), went missing on
Friday 5 April at 21:00 and came back on Saturday 6 April at 08:00 (interview due Tuesday 9 April
at 08:00), and was screened on 2 April with a review by 2 July.
"""

from datetime import date

import pytest
from factories import ChildFactory
from pathway_records import make_staff
from test_around_records import at, catalogue, looked_after, screen

from safeguard.casework import chronology, services, services_missing
from safeguard.casework.tray import children_held_by, tasks_for_children
from safeguard.people.badges import badges_for


@pytest.fixture
def staff(db):
    return make_staff()


@pytest.fixture
def mia(staff):
    child = ChildFactory(first_name="Mia", last_name="Hart", date_of_birth=date(2010, 7, 7))
    services.allocate(child, staff.worker, staff.team, on=date(2024, 3, 1), by=staff.manager)
    looked_after(child, on=date(2024, 3, 20), by=staff.worker)
    episode = services_missing.record_missing(
        child, kind="A", started_at=at(date(2024, 4, 5), 21), reported_by="Carer", by=staff.worker
    )
    services_missing.record_return(
        episode, version=episode.version, returned_at=at(date(2024, 4, 6), 8), where_found="Park"
    )
    screen(
        child,
        catalogue(by=staff.manager),
        ["Unexplained money or phones", "Disclosed exploitation"],
        on=date(2024, 4, 2),
        by=staff.worker,
        review_on=date(2024, 7, 2),
    )
    return child


def test_the_workers_tray_holds_the_reviews_visits_interviews_and_screening_reviews(staff, mia):
    tasks = tasks_for_children(children_held_by(worker_ids=[staff.worker.pk]))
    assert [(t.kind, t.due_on) for t in tasks if t.child_id == mia.pk] == [
        ("Looked-after visit due", date(2024, 3, 27)),
        ("Return home interview due", date(2024, 4, 9)),
        ("Looked-after review due", date(2024, 4, 19)),
        ("Exploitation screening review due", date(2024, 7, 2)),
    ]


def test_a_held_interview_leaves_the_tray(staff, mia):
    episode = mia.missing_episodes.get()
    services_missing.record_return_interview(
        episode,
        outcome="held",
        offered_on=None,
        held_at=at(date(2024, 4, 8), 16),
        interviewer="Sam Lee",
        independent=True,
        by=staff.worker,
    )
    kinds = [t.kind for t in tasks_for_children(children_held_by(worker_ids=[staff.worker.pk]))]
    assert "Return home interview due" not in kinds


def test_a_colleague_in_another_team_sees_none_of_it(staff, mia):
    assert tasks_for_children(children_held_by(worker_ids=[staff.chair.pk])) == []


def test_the_chronology_tells_the_story(mia):
    entries = [(e.on, e.kind, e.title) for e in chronology.entries_for(mia)]
    assert entries == [
        (date(2024, 4, 6), "Missing", "Came back"),
        (date(2024, 4, 5), "Missing", "Away from placement without authorisation"),
        (date(2024, 4, 2), "Exploitation screening", "Exploitation screening: high"),
        (date(2024, 3, 20), "Looked after", "Started to be looked after"),
    ]
    assert {"Looked after", "Missing", "Exploitation screening", "Early help"} <= set(
        chronology.kinds()
    )


def test_the_badges_say_looked_after_and_the_exploitation_risk(mia):
    labels = [badge.label for badge in badges_for(mia)]
    assert labels == ["CLA", "Exploitation risk: high"]


def test_a_child_still_missing_has_a_missing_now_badge(staff, mia):
    services_missing.record_missing(
        mia, kind="M", started_at=at(date(2024, 4, 20), 22), reported_by="Carer", by=staff.worker
    )
    assert "Missing now" in [badge.label for badge in badges_for(mia)]

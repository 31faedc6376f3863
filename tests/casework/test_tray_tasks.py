"""The work tray: the tasks the timescales create for the children a worker (or a team) holds.

Three children are allocated to the worker:
- Ada, referred Wednesday 20 March 2024 and being assessed: assessment due Tuesday 28 May 2024
  (45 working days, Easter and both May bank holidays skipped).
- Ben, referred the same day, strategy discussion and s47 enquiry on Thursday 21 March 2024:
  initial conference due Monday 15 April 2024 (15 working days, Easter skipped).
- Cara, on a plan from an initial conference on Thursday 2 May 2024, seen on a visit on Tuesday
  7 May: first core group due Friday 17 May (3rd, then 7-10, 13-17 May: 10 working days, the 6 May
  bank holiday skipped); next visit due Tuesday 21 May (8-10, 13-17, 20-21 May); first review due
  Friday 2 August 2024 (3 calendar months).
Dan, referred Tuesday 2 April 2024 and being assessed, is held by a colleague in the same team:
assessment due Thursday 6 June 2024 (3-5 Apr 1-3, 8-26 Apr 4-18, 29 Apr-3 May 19-23, 7-10 May
24-27, 13-24 May 28-37, 28-31 May 38-41, 3-6 June 42-45). Eve, referred the same day, is held by a
worker in another team.
"""

from datetime import date

import pytest
from factories import ChildFactory, TeamFactory, UserFactory
from pathway_records import (
    begin_enquiry,
    child_on_plan,
    conclude_enquiry,
    discuss,
    hold_conference,
    make_staff,
    refer,
)

from safeguard.casework import services
from safeguard.casework.codes import AssessmentFactor, AssessmentOutcome, PlanEndReason
from safeguard.casework.models import CaseworkSettings
from safeguard.casework.tray import Task, children_held_by, due_soon_cutoff, tasks_for_children


@pytest.fixture
def staff(db):
    return make_staff()


@pytest.fixture
def colleague(staff):
    user = UserFactory(role="social_worker", agency=staff.team.agency)
    user.teams.add(staff.team)
    return user


@pytest.fixture
def outsider(staff):
    """A social worker in another team of the same council."""
    user = UserFactory(role="social_worker", agency=staff.team.agency)
    user.teams.add(TeamFactory(agency=staff.team.agency, name="Leominster"))
    return user


def being_assessed(first_name: str, referred_on: date, staff):
    child = ChildFactory(first_name=first_name, last_name="Price")
    referral = refer(child, on=referred_on, by=staff.mash_manager)
    services.start_assessment(referral, started_on=referred_on, worker=staff.worker)
    return child


@pytest.fixture
def caseload(staff, colleague, outsider):
    ada = being_assessed("Ada", date(2024, 3, 20), staff)

    ben = ChildFactory(first_name="Ben", last_name="Price")
    referral = refer(ben, on=date(2024, 3, 20), by=staff.mash_manager)
    begin_enquiry(discuss(referral, on=date(2024, 3, 21), by=staff.worker), on=date(2024, 3, 21))

    cara = ChildFactory(first_name="Cara", last_name="Price")
    plan = child_on_plan(
        cara,
        staff,
        referred_on=date(2024, 4, 15),
        discussed_on=date(2024, 4, 16),
        concluded_on=date(2024, 4, 29),
        conference_on=date(2024, 5, 2),
    ).plan
    services.record_visit(
        cara, visited_on=date(2024, 5, 7), seen=True, seen_alone=True, notes="", by=staff.worker
    )

    dan = being_assessed("Dan", date(2024, 4, 2), staff)
    eve = being_assessed("Eve", date(2024, 4, 2), staff)

    for child in (ada, ben, cara):
        services.allocate(child, staff.worker, staff.team, on=date(2024, 5, 7), by=staff.manager)
    services.allocate(dan, colleague, staff.team, on=date(2024, 5, 7), by=staff.manager)
    outsiders_team = outsider.teams.get()
    services.allocate(eve, outsider, outsiders_team, on=date(2024, 5, 7), by=staff.manager)
    return {"ada": ada, "ben": ben, "cara": cara, "dan": dan, "eve": eve, "plan": plan}


def tray(**held_by) -> list[tuple[str, str, date]]:
    return [
        (task.child_name, task.kind, task.due_on)
        for task in tasks_for_children(children_held_by(**held_by))
    ]


WORKERS_TASKS = [
    ("Ben Price", "Initial conference due", date(2024, 4, 15)),
    ("Cara Price", "First core group due", date(2024, 5, 17)),
    ("Cara Price", "Visit due", date(2024, 5, 21)),
    ("Ada Price", "Assessment due", date(2024, 5, 28)),
    ("Cara Price", "Review conference due", date(2024, 8, 2)),
]


def test_a_workers_tray_lists_every_task_for_their_children_soonest_first(staff, caseload):
    assert tray(worker_ids=[staff.worker.pk]) == WORKERS_TASKS


def test_each_task_links_to_its_record(staff, caseload):
    tasks = tasks_for_children(children_held_by(worker_ids=[staff.worker.pk]))
    plan = caseload["plan"]
    assert {t.url for t in tasks if t.child_name == "Cara Price"} == {f"/casework/plans/{plan.pk}/"}
    assert {t.child_id for t in tasks} == {caseload[n].pk for n in ("ada", "ben", "cara")}


def test_a_child_allocated_to_someone_else_is_not_in_the_workers_tray(
    staff, colleague, outsider, caseload
):
    names = {name for name, _, _ in tray(worker_ids=[staff.worker.pk])}
    assert names == {"Ada Price", "Ben Price", "Cara Price"}
    assert tray(worker_ids=[colleague.pk]) == [("Dan Price", "Assessment due", date(2024, 6, 6))]
    assert tray(worker_ids=[outsider.pk]) == [("Eve Price", "Assessment due", date(2024, 6, 6))]


def test_a_reallocated_child_leaves_the_old_workers_tray(staff, colleague, caseload):
    services.allocate(
        caseload["ada"], colleague, staff.team, on=date(2024, 5, 20), by=staff.manager
    )
    assert ("Ada Price", "Assessment due", date(2024, 5, 28)) not in tray(
        worker_ids=[staff.worker.pk]
    )
    assert ("Ada Price", "Assessment due", date(2024, 5, 28)) in tray(worker_ids=[colleague.pk])


def test_the_team_view_has_every_child_the_team_holds_and_no_other(staff, caseload):
    assert tray(team_ids=[staff.team.pk]) == [
        *WORKERS_TASKS[:4],
        ("Dan Price", "Assessment due", date(2024, 6, 6)),
        WORKERS_TASKS[4],
    ]


@pytest.mark.parametrize(
    ("due_on", "status"),
    [
        (date(2024, 5, 16), "overdue"),  # yesterday
        (date(2024, 5, 17), "due soon"),  # today
        (date(2024, 5, 22), "due soon"),  # the third working day from today: the cutoff
        (date(2024, 5, 23), "later"),
    ],
)
def test_a_task_is_overdue_due_soon_or_later(db, due_on, status):
    today = date(2024, 5, 17)  # a Friday
    # 3 working days (the default setting) from Friday 17 May: 20, 21, 22 May.
    assert due_soon_cutoff(today) == date(2024, 5, 22)
    task = Task(1, "Ada Price", "Assessment due", due_on, "/")
    assert task.status(today, due_soon_cutoff(today)) == status


def test_due_soon_counts_working_days_and_follows_the_setting(db):
    # From Friday 24 May 2024: the 27th is a bank holiday, so 28, 29, 30 May.
    assert due_soon_cutoff(date(2024, 5, 24)) == date(2024, 5, 30)
    settings = CaseworkSettings.current()
    settings.due_soon_working_days = 1
    settings.save()
    assert due_soon_cutoff(date(2024, 5, 24)) == date(2024, 5, 28)


def test_the_workers_tray_marks_each_task_on_a_given_day(staff, caseload):
    today = date(2024, 5, 17)
    soon = due_soon_cutoff(today)
    tasks = tasks_for_children(children_held_by(worker_ids=[staff.worker.pk]))
    assert [(t.kind, t.status(today, soon)) for t in tasks] == [
        ("Initial conference due", "overdue"),
        ("First core group due", "due soon"),
        ("Visit due", "due soon"),
        ("Assessment due", "later"),
        ("Review conference due", "later"),
    ]


def test_a_completed_assessment_becomes_a_task_to_authorise_then_leaves_the_tray(staff, caseload):
    assessment = caseload["ada"].referrals.get().assessments.get()
    services.complete_assessment(
        assessment,
        version=assessment.version,
        factors=[AssessmentFactor.NEGLECT],
        outcome=AssessmentOutcome.CHILD_IN_NEED_PLAN,
        completed_on=date(2024, 5, 20),
    )
    assert ("Ada Price", "Authorise assessment", date(2024, 5, 28)) in tray(
        worker_ids=[staff.worker.pk]
    )
    services.authorise_assessment(
        assessment, version=assessment.version, by=staff.manager, on=date(2024, 5, 21)
    )
    assert "Ada Price" not in {name for name, _, _ in tray(worker_ids=[staff.worker.pk])}


def test_the_conference_task_goes_once_the_conference_is_held(staff, caseload):
    enquiry = caseload["ben"].referrals.get().enquiries.get()
    conclude_enquiry(enquiry, on=date(2024, 4, 8))
    hold_conference(enquiry, on=date(2024, 4, 12), chair=staff.chair)
    assert ("Ben Price", "Initial conference due", date(2024, 4, 15)) not in tray(
        worker_ids=[staff.worker.pk]
    )


def test_a_core_group_meeting_removes_the_first_core_group_task(staff, caseload):
    services.record_core_group(
        caseload["plan"], held_on=date(2024, 5, 14), attendees=[], notes="", by=staff.worker
    )
    kinds = {kind for name, kind, _ in tray(worker_ids=[staff.worker.pk]) if name == "Cara Price"}
    assert kinds == {"Visit due", "Review conference due"}


def test_a_closed_plan_produces_no_tasks(staff, caseload):
    plan = caseload["plan"]
    services.end_plan(
        plan, version=plan.version, ended_on=date(2024, 6, 3), reason=PlanEndReason.MOVED_AWAY
    )
    assert tray(worker_ids=[staff.worker.pk]) == [
        task for task in WORKERS_TASKS if task[0] != "Cara Price"
    ]

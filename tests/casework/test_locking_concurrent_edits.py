"""Optimistic locking: two people editing the same record cannot silently overwrite each other.

Each opens the record at the same version; the first to save wins, the second is told the record
changed (StaleEdit) and the first person's change is what the database keeps.
"""

import threading
from datetime import date

import pytest
from django.db import connection
from factories import ChildFactory
from pathway_records import child_on_plan, make_staff, refer

from safeguard.casework import services
from safeguard.casework.codes import AssessmentFactor, AssessmentOutcome, CategoryOfAbuse
from safeguard.casework.models import Assessment, CategoryChange, ProtectionPlan
from safeguard.core.models import StaleEdit

NEG, PHY, EMO = CategoryOfAbuse.NEGLECT, CategoryOfAbuse.PHYSICAL, CategoryOfAbuse.EMOTIONAL


def plan_under_neglect(staff) -> ProtectionPlan:
    """On a plan from Thursday 2 May 2024 (the conference was due Wednesday 8 May)."""
    return child_on_plan(
        ChildFactory(),
        staff,
        referred_on=date(2024, 4, 15),
        discussed_on=date(2024, 4, 16),
        concluded_on=date(2024, 4, 29),
        conference_on=date(2024, 5, 2),
    ).plan


@pytest.fixture
def staff(db):
    return make_staff()


def test_the_second_of_two_category_changes_from_the_same_version_is_refused(staff):
    plan = plan_under_neglect(staff)
    first = ProtectionPlan.objects.get(pk=plan.pk)
    second = ProtectionPlan.objects.get(pk=plan.pk)
    version = first.version

    services.change_category(
        first,
        version=version,
        to=PHY,
        reason="A broken wrist.",
        on=date(2024, 6, 3),
        by=staff.worker,
    )
    with pytest.raises(StaleEdit):
        services.change_category(
            second,
            version=version,
            to=EMO,
            reason="The parents' rows.",
            on=date(2024, 6, 4),
            by=staff.manager,
        )

    saved = ProtectionPlan.objects.get(pk=plan.pk)
    assert (saved.latest_category, saved.version) == (PHY, version + 1)
    # The refused change left no category change behind either.
    assert list(
        CategoryChange.objects.filter(plan=plan).values_list("from_category", "to_category")
    ) == [(NEG, PHY)]


def test_a_change_from_the_current_version_after_reloading_succeeds(staff):
    plan = plan_under_neglect(staff)
    first = ProtectionPlan.objects.get(pk=plan.pk)
    version = first.version
    services.change_category(
        first,
        version=version,
        to=PHY,
        reason="A broken wrist.",
        on=date(2024, 6, 3),
        by=staff.worker,
    )

    reloaded = ProtectionPlan.objects.get(pk=plan.pk)
    services.change_category(
        reloaded,
        version=reloaded.version,
        to=EMO,
        reason="The parents' rows.",
        on=date(2024, 6, 4),
        by=staff.manager,
    )

    saved = ProtectionPlan.objects.get(pk=plan.pk)
    assert (saved.initial_category, saved.latest_category, saved.version) == (
        NEG,
        EMO,
        version + 2,
    )


def test_the_second_of_two_completions_of_one_assessment_is_refused(staff):
    referral = refer(ChildFactory(), on=date(2024, 3, 20), by=staff.mash_manager)
    assessment = services.start_assessment(
        referral, started_on=date(2024, 3, 21), worker=staff.worker
    )
    first = Assessment.objects.get(pk=assessment.pk)
    second = Assessment.objects.get(pk=assessment.pk)
    version = first.version

    services.complete_assessment(
        first,
        version=version,
        factors=[AssessmentFactor.NEGLECT, AssessmentFactor.ALCOHOL_PARENT],
        outcome=AssessmentOutcome.CHILD_IN_NEED_PLAN,
        completed_on=date(2024, 5, 20),
    )
    with pytest.raises(StaleEdit):
        services.complete_assessment(
            second,
            version=version,
            factors=[AssessmentFactor.NO_FACTORS],
            outcome=AssessmentOutcome.NO_FURTHER_ACTION,
            completed_on=date(2024, 5, 21),
        )

    saved = Assessment.objects.get(pk=assessment.pk)
    assert (saved.factors, saved.outcome, saved.completed_on, saved.version) == (
        ["16A", "1B"],
        AssessmentOutcome.CHILD_IN_NEED_PLAN,
        date(2024, 5, 20),
        version + 1,
    )


# Threads each open their own connection, and an in-memory SQLite test database is not shared
# between them: the suite runs this test in its PostgreSQL pass only (tests/conftest.py).
@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_two_people_changing_the_category_at_once_cannot_both_succeed():
    plan = plan_under_neglect(make_staff())
    by = plan.conference.chair
    version = plan.version
    start = threading.Barrier(2)
    outcomes: dict[str, str] = {}

    def change(to: str) -> None:
        try:
            # Each person opens the plan at the same version, then both save at once.
            mine = ProtectionPlan.objects.get(pk=plan.pk)
            start.wait(timeout=10)
            services.change_category(
                mine, version=version, to=to, reason=f"Now {to}", on=date(2024, 6, 3), by=by
            )
            outcomes[to] = "saved"
        except StaleEdit:
            outcomes[to] = "stale"
        except Exception as error:  # reported by the assertion below
            outcomes[to] = repr(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=change, args=(to,)) for to in (PHY, EMO)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes.values()) == ["saved", "stale"], outcomes
    winner = next(to for to, outcome in outcomes.items() if outcome == "saved")
    saved = ProtectionPlan.objects.get(pk=plan.pk)
    assert (saved.latest_category, saved.version) == (winner, version + 1)
    assert list(
        CategoryChange.objects.filter(plan=plan).values_list("from_category", "to_category")
    ) == [(NEG, winner)]

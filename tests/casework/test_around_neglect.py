"""Neglect assessments (Graded Care Profile 2 scores) and the consistency prompts on a plan under
neglect: no neglect assessment in the last 3 months, or no reasoning tying the category to what
was assessed. The same rule, counted on a day, is the board's measure."""

from datetime import date

import pytest
from factories import ChildFactory, UserFactory
from pathway_records import child_on_plan, make_staff

from safeguard.casework import services, services_neglect
from safeguard.casework.codes import CategoryOfAbuse
from safeguard.casework.rules import PathwayError
from safeguard.casework.services_neglect import NO_REASONING, NO_RECENT_ASSESSMENT

GOOD_ENOUGH = {"physical_care": 2, "safety": 3, "love": 2, "esteem": 3}
PLAN_DATES = {
    "referred_on": date(2024, 3, 4),
    "discussed_on": date(2024, 3, 5),
    "concluded_on": date(2024, 3, 12),
    "conference_on": date(2024, 3, 25),
}


@pytest.fixture
def staff(db):
    return make_staff()


def on_plan(staff, category=CategoryOfAbuse.NEGLECT):
    child = ChildFactory(first_name="Lily", date_of_birth=date(2018, 4, 4))
    return child_on_plan(child, staff, category=category, **PLAN_DATES).plan


def assess(child, on, by, grades=GOOD_ENOUGH):
    return services_neglect.record_assessment(
        child, assessed_on=on, carer_name="Sarah Jones", grades=grades, assessor=by
    )


def codes(plan, on):
    return [p.code for p in services_neglect.neglect_prompts(plan, on)]


def test_an_assessment_needs_all_four_areas_graded_1_to_5(db):
    worker = UserFactory(role="social_worker")
    with pytest.raises(PathwayError) as refused:
        assess(ChildFactory(), date(2024, 4, 1), worker, {"physical_care": 6, "safety": 3})
    assert [p.field for p in refused.value.problems] == ["physical_care", "love", "esteem"]


def test_a_neglect_plan_with_neither_prompts_for_both(staff):
    plan = on_plan(staff)
    prompts = services_neglect.neglect_prompts(plan, date(2024, 4, 1))
    assert [p.text for p in prompts] == [
        "Lily has had no neglect assessment in the last 3 months",
        "No reasoning links the category to the assessed concerns",
    ]


@pytest.mark.parametrize(
    ("assessed_on", "recent"),
    [
        (date(2024, 4, 30), True),  # exactly 3 months before 30 July
        (date(2024, 4, 29), False),
    ],
)
def test_an_assessment_counts_as_recent_for_3_months(staff, assessed_on, recent):
    plan = on_plan(staff)
    assess(plan.child, assessed_on, staff.worker)
    assert (NO_RECENT_ASSESSMENT not in codes(plan, date(2024, 7, 30))) is recent


def test_reasoning_drawn_from_an_assessment_clears_its_prompt(staff):
    plan = on_plan(staff)
    assessment = assess(plan.child, date(2024, 3, 20), staff.worker)
    services_neglect.record_reasoning(
        plan,
        assessment=assessment,
        reasoning="Physical care graded 4: no food in the house on three visits",
        by=staff.worker,
        on=date(2024, 3, 26),
    )
    assert codes(plan, date(2024, 4, 1)) == []


def test_reasoning_needs_a_plan_under_neglect_and_an_assessment_of_its_child(staff):
    emotional = on_plan(staff, CategoryOfAbuse.EMOTIONAL)
    neglect = on_plan(staff)
    stranger = assess(ChildFactory(), date(2024, 3, 20), staff.worker)
    with pytest.raises(PathwayError) as refused:
        services_neglect.record_reasoning(
            emotional, assessment=stranger, reasoning="", by=staff.worker
        )
    assert [p.message for p in refused.value.problems] == [
        "The plan is not under neglect",
        "Select one of this child's neglect assessments",
        "Enter how the assessed concerns lead to the neglect category",
    ]
    assert codes(emotional, date(2024, 4, 1)) == []
    assert codes(neglect, date(2024, 4, 1)) == [NO_RECENT_ASSESSMENT, NO_REASONING]


def test_the_measure_counts_the_neglect_plans_that_would_prompt_that_day(staff):
    # One complete, one without reasoning, one with neither, one emotional abuse plan.
    complete, unreasoned, neither = on_plan(staff), on_plan(staff), on_plan(staff)
    on_plan(staff, CategoryOfAbuse.EMOTIONAL)
    for plan in (complete, unreasoned):
        assessment = assess(plan.child, date(2024, 3, 20), staff.worker)
    services_neglect.record_reasoning(
        complete,
        assessment=complete.child.neglect_assessments.get(),
        reasoning="Safety graded 5",
        by=staff.worker,
        on=date(2024, 3, 26),
    )
    assert assessment.child == unreasoned.child
    figures = services_neglect.neglect_consistency(date(2024, 4, 1))
    assert figures == services_neglect.NeglectConsistency(
        plans=3, without_recent_assessment=1, without_reasoning=2, prompted=2
    )
    assert services_neglect.count_plans_prompted(date(2024, 4, 1)) == 2
    assert neither.is_open


def test_the_measure_takes_the_category_a_plan_had_on_the_day(staff):
    plan = on_plan(staff, CategoryOfAbuse.EMOTIONAL)
    services.change_category(
        plan,
        version=plan.version,
        to=CategoryOfAbuse.NEGLECT,
        reason="The assessment found neglect the main concern",
        on=date(2024, 5, 1),
        by=staff.worker,
    )
    assert services_neglect.count_plans_prompted(date(2024, 4, 30)) == 0
    assert services_neglect.count_plans_prompted(date(2024, 5, 1)) == 1

"""Rules on child protection plans and their review conferences."""

import pytest
from test_validation_builders import (
    Case,
    census_file,
    check,
    child,
    enquiry,
    episode,
    issues,
    plan,
    review,
)

# The base enquiry's conference on 22 June 2022 starts the plan.
CONFERENCE = [enquiry()]

CASES = [
    Case(
        "1105",
        passing=census_file(enquiries=CONFERENCE, plans=[plan()]),
        failing=census_file(enquiries=CONFERENCE, plans=[plan(start_date="2022-05-31")]),
        flagged=[("CPPstartDate", "2022-05-31")],
    ),
    Case(
        "2883",
        passing=census_file(enquiries=CONFERENCE, plans=[plan()]),
        failing=census_file(plans=[plan()]),
        flagged=[("CPPstartDate", "1 plans started, 0 initial conferences")],
    ),
    Case(
        "2885",
        passing=census_file(enquiries=CONFERENCE, plans=[plan()]),
        failing=census_file(enquiries=CONFERENCE, plans=[plan(start_date="2022-06-23")]),
        flagged=[("CPPstartDate", "2022-06-23")],
    ),
    Case(
        "8720",
        passing=census_file(enquiries=CONFERENCE, plans=[plan()]),
        failing=census_file(enquiries=CONFERENCE, plans=[plan(start_date="2023-04-01")]),
        flagged=[("CPPstartDate", "2023-04-01")],
    ),
    Case(
        "8730",
        passing=census_file(enquiries=CONFERENCE, plans=[plan(previous_plans="0")]),
        failing=census_file(enquiries=CONFERENCE, plans=[plan(previous_plans=None)]),
        flagged=[("NumberOfPreviousCPP", None)],
    ),
    Case(
        "8832",
        passing=census_file(enquiries=CONFERENCE, plans=[plan()]),
        failing=census_file(
            episodes=[episode(nfa="true")], assessments=[], enquiries=CONFERENCE, plans=[plan()]
        ),
        flagged=[("CPPstartDate", "2022-06-22")],
    ),
    Case(
        "8840",
        passing=census_file(enquiries=CONFERENCE, plans=[plan(end_date="2022-06-23")]),
        failing=census_file(enquiries=CONFERENCE, plans=[plan(end_date="2022-06-22")]),
        flagged=[("CPPendDate", "2022-06-22")],
    ),
    Case(
        "8841",
        passing=census_file(
            enquiries=CONFERENCE, plans=[plan()], reviews=[review(review_date="2022-06-23")]
        ),
        failing=census_file(
            enquiries=CONFERENCE, plans=[plan()], reviews=[review(review_date="2022-06-22")]
        ),
        flagged=[("CPPreviewDate", "2022-06-22")],
    ),
    Case(
        "8842Q",
        passing=census_file(enquiries=CONFERENCE, plans=[plan()], reviews=[review()]),
        failing=census_file(
            enquiries=CONFERENCE, plans=[plan()], reviews=[review(review_date=None)]
        ),
        flagged=[("CPPreviewDate", None)],
    ),
    Case(
        "8905",
        passing=census_file(enquiries=CONFERENCE, plans=[plan(initial_category="MUL")]),
        failing=census_file(enquiries=CONFERENCE, plans=[plan(initial_category="ABC")]),
        flagged=[("InitialCategoryOfAbuse", "ABC")],
    ),
    Case(
        "8910",
        passing=census_file(enquiries=CONFERENCE, plans=[plan(latest_category="SAB")]),
        failing=census_file(enquiries=CONFERENCE, plans=[plan(latest_category=None)]),
        flagged=[("LatestCategoryOfAbuse", None)],
    ),
    Case(
        "8915",
        passing=census_file(
            children=[child(death_date="2022-06-22")], enquiries=CONFERENCE, plans=[plan()]
        ),
        failing=census_file(
            children=[child(death_date="2022-06-21")], enquiries=CONFERENCE, plans=[plan()]
        ),
        flagged=[("CPPstartDate", "2022-06-22")],
    ),
    Case(
        "8920",
        passing=census_file(
            children=[child(death_date="2022-08-01")],
            enquiries=CONFERENCE,
            plans=[plan(end_date="2022-08-01")],
        ),
        failing=census_file(
            children=[child(death_date="2022-08-01")],
            enquiries=CONFERENCE,
            plans=[plan(end_date="2022-08-02")],
        ),
        flagged=[("CPPendDate", "2022-08-02")],
    ),
    Case(
        "8925",
        passing=census_file(enquiries=CONFERENCE, plans=[plan(end_date="2022-06-23")]),
        failing=census_file(enquiries=CONFERENCE, plans=[plan(end_date="2022-06-21")]),
        flagged=[("CPPendDate", "2022-06-21")],
    ),
    Case(
        "8930",
        passing=census_file(enquiries=CONFERENCE, plans=[plan(end_date="2023-03-31")]),
        failing=census_file(enquiries=CONFERENCE, plans=[plan(end_date="2023-04-01")]),
        flagged=[("CPPendDate", "2023-04-01")],
    ),
    Case(
        "8935",
        passing=census_file(
            enquiries=CONFERENCE,
            plans=[plan(end_date="2022-08-01"), plan(plan_index=2, start_date="2022-09-01")],
        ),
        failing=census_file(
            enquiries=CONFERENCE,
            plans=[plan(), plan(plan_index=2, start_date="2022-09-01")],
        ),
        flagged=[("CPPendDate", None), ("CPPendDate", None)],
    ),
    Case(
        "8940",
        # Unlike CIN plans, a protection plan may not start on the day another ended.
        passing=census_file(
            enquiries=CONFERENCE,
            plans=[plan(end_date="2022-09-01"), plan(plan_index=2, start_date="2022-09-02")],
        ),
        failing=census_file(
            enquiries=CONFERENCE,
            plans=[plan(end_date="2022-09-01"), plan(plan_index=2, start_date="2022-09-01")],
        ),
        flagged=[("CPPstartDate", "2022-09-01")],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_the_rule_passes_the_good_file_and_flags_the_bad_one(case):
    check(case)


def test_no_previous_plans_may_be_counted_as_0_or_more_but_not_as_words():
    tables = census_file(enquiries=CONFERENCE, plans=[plan(previous_plans="none")])
    assert [i.value for i in issues(tables, "8730")] == ["none"]
    tables = census_file(enquiries=CONFERENCE, plans=[plan(previous_plans="12")])
    assert not issues(tables, "8730")


def test_a_plan_may_start_at_a_conference_recorded_on_the_episode():
    tables = census_file(episodes=[episode(icpc_date="2022-06-22")], plans=[plan()])
    assert not issues(tables, "2885")
    assert not issues(tables, "2883")


def test_a_plan_started_before_the_census_needs_no_conference_in_it():
    tables = census_file(
        episodes=[episode(referral_date="2021-06-01")], plans=[plan(start_date="2021-07-01")]
    )
    assert not issues(tables, "2885")
    assert not issues(tables, "2883")

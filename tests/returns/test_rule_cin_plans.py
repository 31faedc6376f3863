"""Rules on child in need plans, alone and beside child protection plans."""

import pytest
from test_validation_builders import (
    Case,
    census_file,
    check,
    child,
    cin_plan,
    enquiry,
    episode,
    issues,
    plan,
    review,
)

# A protection plan from the base enquiry's conference (22 June 2022) to 20 July 2022, the day
# the base CIN plan starts.
PROTECTED = {"enquiries": [enquiry()], "plans": [plan(end_date="2022-07-20")]}

CASES = [
    Case(
        "4000",
        passing=census_file(cin_plans=[cin_plan()]),
        failing=census_file(episodes=[episode(nfa="true")], assessments=[], cin_plans=[cin_plan()]),
        flagged=[("CINPlanStartDate", "2022-07-20")],
    ),
    Case(
        "4001",
        passing=census_file(cin_plans=[cin_plan()], **PROTECTED),
        failing=census_file(cin_plans=[cin_plan()], enquiries=[enquiry()], plans=[plan()]),
        flagged=[("CINPlanEndDate", None)],
    ),
    Case(
        "4003",
        # A review conference that ends a protection plan may start the CIN plan that follows.
        passing=census_file(
            cin_plans=[cin_plan()], reviews=[review(review_date="2022-07-20")], **PROTECTED
        ),
        failing=census_file(
            cin_plans=[cin_plan()], reviews=[review(review_date="2022-07-21")], **PROTECTED
        ),
        flagged=[("CPPreviewDate", "2022-07-21")],
    ),
    Case(
        "4004",
        passing=census_file(
            cin_plans=[cin_plan(end_date="2022-08-01"), cin_plan(start_date="2022-08-01")]
        ),
        failing=census_file(cin_plans=[cin_plan(), cin_plan(start_date="2022-08-01")]),
        flagged=[("CINPlanEndDate", None), ("CINPlanEndDate", None)],
    ),
    Case(
        "4008",
        passing=census_file(children=[child(death_date="2022-07-20")], cin_plans=[cin_plan()]),
        failing=census_file(children=[child(death_date="2022-07-19")], cin_plans=[cin_plan()]),
        flagged=[("CINPlanStartDate", "2022-07-20")],
    ),
    Case(
        "4009Q",
        passing=census_file(
            children=[child(death_date="2022-08-01")], cin_plans=[cin_plan(end_date="2022-08-01")]
        ),
        failing=census_file(
            children=[child(death_date="2022-08-01")], cin_plans=[cin_plan(end_date="2022-08-02")]
        ),
        flagged=[("CINPlanEndDate", "2022-08-02")],
    ),
    Case(
        "4010",
        passing=census_file(cin_plans=[cin_plan(start_date="2023-03-31")]),
        failing=census_file(cin_plans=[cin_plan(start_date="2023-04-01")]),
        flagged=[("CINPlanStartDate", "2023-04-01")],
    ),
    Case(
        "4011",
        passing=census_file(cin_plans=[cin_plan(end_date="2022-07-21")]),
        failing=census_file(cin_plans=[cin_plan(end_date="2022-07-19")]),
        flagged=[("CINPlanEndDate", "2022-07-19")],
    ),
    Case(
        "4012Q",
        passing=census_file(cin_plans=[cin_plan(end_date="2022-07-21")]),
        failing=census_file(cin_plans=[cin_plan(end_date="2022-07-20")]),
        flagged=[("CINPlanEndDate", "2022-07-20")],
    ),
    Case(
        "4013",
        passing=census_file(cin_plans=[cin_plan(end_date="2023-03-31")]),
        failing=census_file(cin_plans=[cin_plan(end_date="2023-04-01")]),
        flagged=[("CINPlanEndDate", "2023-04-01")],
    ),
    Case(
        "4014",
        # A CIN plan may start on the day the one before it ended.
        passing=census_file(
            cin_plans=[cin_plan(end_date="2022-09-01"), cin_plan(start_date="2022-09-01")]
        ),
        failing=census_file(
            cin_plans=[cin_plan(end_date="2022-09-01"), cin_plan(start_date="2022-08-31")]
        ),
        flagged=[("CINPlanStartDate", "2022-08-31")],
    ),
    Case(
        "4015",
        passing=census_file(cin_plans=[cin_plan(start_date="2022-06-01")]),
        failing=census_file(cin_plans=[cin_plan(start_date="2022-05-31")]),
        flagged=[("CINPlanStartDate", "2022-05-31")],
    ),
    Case(
        "4016",
        passing=census_file(cin_plans=[cin_plan(start_date="2022-07-20")], **PROTECTED),
        failing=census_file(cin_plans=[cin_plan(start_date="2022-07-19")], **PROTECTED),
        flagged=[("CINPlanStartDate", "2022-07-19")],
    ),
    Case(
        "4017",
        passing=census_file(
            cin_plans=[cin_plan(start_date="2022-06-10", end_date="2022-06-22")],
            enquiries=[enquiry()],
            plans=[plan()],
        ),
        failing=census_file(
            cin_plans=[cin_plan(start_date="2022-06-10", end_date="2022-06-23")],
            enquiries=[enquiry()],
            plans=[plan()],
        ),
        flagged=[("CPPstartDate", "2022-06-22")],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_the_rule_passes_the_good_file_and_flags_the_bad_one(case):
    check(case)


def test_a_missing_cin_plan_start_is_reported():
    tables = census_file(cin_plans=[cin_plan(start_date=None)])
    assert [i.value for i in issues(tables, "4010")] == [None]

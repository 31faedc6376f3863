"""Rules on assessments and the factors identified at them."""

import pytest
from test_validation_builders import Case, assessment, census_file, check, episode, issues

OPEN = {"authorisation_date": None, "factors": None}

CASES = [
    Case(
        "1103",
        passing=census_file(assessments=[assessment(start_date="2022-06-01")]),
        failing=census_file(assessments=[assessment(start_date="2022-05-31")]),
        flagged=[("AssessmentActualStartDate", "2022-05-31")],
    ),
    Case(
        "8608",
        passing=census_file(assessments=[assessment(start_date="2022-07-15")]),
        failing=census_file(assessments=[assessment(start_date="2022-07-16")]),
        flagged=[("AssessmentActualStartDate", "2022-07-16")],
    ),
    Case(
        "8614",
        passing=census_file(assessments=[assessment(**OPEN)]),
        failing=census_file(assessments=[assessment(authorisation_date=None)]),
        flagged=[("AssessmentFactors", "3A")],
    ),
    Case(
        "8670Q",
        # Counting the start as day 1, 45 working days from Friday 27 January 2023 end on
        # Thursday 30 March (27, 30 and 31 January, 20 days of February, 22 of March to the
        # 30th), before the census ends on the 31st; from Monday 30 January they end on the 31st.
        passing=census_file(assessments=[assessment(start_date="2023-01-30", **OPEN)]),
        failing=census_file(assessments=[assessment(start_date="2023-01-27", **OPEN)]),
        flagged=[("AssessmentActualStartDate", "2023-01-27")],
    ),
    Case(
        "8696",
        passing=census_file(
            assessments=[assessment(start_date="2022-06-01", authorisation_date="2022-04-01")]
        ),
        failing=census_file(assessments=[assessment(authorisation_date="2023-04-01")]),
        flagged=[("AssessmentAuthorisationDate", "2023-04-01")],
    ),
    Case(
        "8736",
        passing=census_file(
            episodes=[episode(referral_date="2022-03-01")],
            assessments=[assessment(start_date="2022-04-01", **OPEN)],
        ),
        failing=census_file(
            episodes=[episode(referral_date="2022-03-01")],
            assessments=[assessment(start_date="2022-03-31", **OPEN)],
        ),
        flagged=[("AssessmentActualStartDate", "2022-03-31")],
    ),
    Case(
        "8863Q",
        # A second assessment may start the day the first is authorised, not before.
        passing=census_file(
            assessments=[assessment(), assessment(start_date="2022-07-15", **OPEN)]
        ),
        failing=census_file(
            assessments=[assessment(), assessment(start_date="2022-07-14", **OPEN)]
        ),
        flagged=[("AssessmentActualStartDate", "2022-07-14")],
    ),
    Case(
        "8869",
        passing=census_file(assessments=[assessment(factors=["21"])]),
        failing=census_file(assessments=[assessment(factors=["21", "3A"])]),
        flagged=[("AssessmentFactors", "21 3A")],
    ),
    Case(
        "8873Q",
        passing=census_file(
            episodes=[episode(closure_date="2022-08-01", closure_reason="RC8")],
            assessments=[assessment(factors=["21"])],
        ),
        failing=census_file(
            episodes=[episode(closure_date="2022-08-01", closure_reason="RC7")],
            assessments=[assessment(factors=["21"])],
        ),
        flagged=[("ReasonForClosure", "RC7")],
    ),
    Case(
        "8896",
        passing=census_file(
            assessments=[assessment(), assessment(start_date="2022-08-01", **OPEN)]
        ),
        failing=census_file(
            assessments=[assessment(**OPEN), assessment(start_date="2022-08-01", **OPEN)]
        ),
        flagged=[("AssessmentAuthorisationDate", None), ("AssessmentAuthorisationDate", None)],
    ),
    Case(
        "8897Q",
        passing=census_file(),
        failing=census_file(assessments=[assessment(factors=None)]),
        flagged=[("AssessmentFactors", None)],
    ),
    Case(
        "8898",
        passing=census_file(assessments=[assessment(factors=["3A", "3B"])]),
        failing=census_file(assessments=[assessment(factors=["3A", "3A"])]),
        flagged=[("AssessmentFactors", "3A 3A")],
    ),
    Case(
        "8945Q",
        ruleset="2024-25",
        passing=census_file(assessments=[assessment(factors=["18B"])]),
        failing=census_file(assessments=[assessment(factors=["18A"])]),
        flagged=[("AssessmentFactors", "18A")],
    ),
    Case(
        "8950Q",
        ruleset="2024-25",
        passing=census_file(assessments=[assessment(factors=["19C"])]),
        failing=census_file(assessments=[assessment(factors=["19A", "3A"])]),
        flagged=[("AssessmentFactors", "19A 3A")],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_the_rule_passes_the_good_file_and_flags_the_bad_one(case):
    check(case)


def test_an_empty_factor_list_on_a_completed_assessment_is_missing_factors():
    tables = census_file(assessments=[assessment(factors=[])])
    assert [i.value for i in issues(tables, "8897Q")] == [""]


def test_no_factors_on_an_open_episode_is_queried_for_its_missing_reason():
    tables = census_file(assessments=[assessment(factors=["21"])])
    assert [(i.field, i.value) for i in issues(tables, "8873Q")] == [("ReasonForClosure", None)]


def test_no_factors_is_not_queried_when_the_episode_had_two_assessments():
    tables = census_file(
        episodes=[episode(closure_date="2022-09-01", closure_reason="RC7")],
        assessments=[assessment(factors=["21"]), assessment(start_date="2022-07-15")],
    )
    assert not issues(tables, "8873Q")


def test_the_old_abuse_factors_are_not_queried_before_2024_25():
    tables = census_file(assessments=[assessment(factors=["18A"])])
    assert not issues(tables, "8945Q", "2023-24")

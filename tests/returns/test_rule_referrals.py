"""Rules on each episode's own details: referral, need, source, closure and the NFA flag."""

import pytest
from test_validation_builders import Case, census_file, check, child, episode, issues

NFA = {"nfa": "true"}
CLOSED = {"closure_date": "2022-12-01", "closure_reason": "RC7"}

CASES = [
    Case(
        "8600",
        passing=census_file(episodes=[episode(referral_date="2023-03-31")]),
        failing=census_file(episodes=[episode(referral_date="2023-04-01")]),
        flagged=[("CINreferralDate", "2023-04-01")],
    ),
    Case(
        "8606",
        # Born 1 May 2015. Counted by hand, 25 July 2014 is 280 days before: 6 days to the end
        # of July, 31 + 30 + 31 + 30 + 31 + 31 + 28 + 31 + 30 for August to April, and 1. So
        # 24 July 2014 is 281 days (more than 40 weeks) before.
        passing=census_file(episodes=[episode(referral_date="2014-07-25")]),
        failing=census_file(episodes=[episode(referral_date="2014-07-24")]),
        flagged=[("CINreferralDate", "2014-07-24")],
    ),
    Case(
        "8555Q",
        passing=census_file(children=[child(death_date="2022-06-01")]),
        failing=census_file(children=[child(death_date="2022-05-31")]),
        flagged=[("CINreferralDate", "2022-06-01")],
    ),
    Case(
        "8568",
        passing=census_file(episodes=[episode(nfa="0")]),
        failing=census_file(episodes=[episode(nfa="yes")]),
        flagged=[("ReferralNFA", "yes")],
    ),
    Case(
        "8569Q",
        # 1 April 2022 was a Friday: a referral on Thursday 31 March may still be NFA'd.
        passing=census_file(episodes=[episode(referral_date="2022-03-31", **NFA)], assessments=[]),
        failing=census_file(episodes=[episode(referral_date="2022-03-30", **NFA)], assessments=[]),
        flagged=[("ReferralNFA", "true")],
    ),
    Case(
        "8610",
        passing=census_file(episodes=[episode(primary_need=None, **NFA)], assessments=[]),
        failing=census_file(episodes=[episode(primary_need=None)]),
        flagged=[("PrimaryNeedCode", None)],
    ),
    Case(
        "8650",
        passing=census_file(episodes=[episode(primary_need="N0")]),
        failing=census_file(episodes=[episode(primary_need="N10")]),
        flagged=[("PrimaryNeedCode", "N10")],
    ),
    Case(
        "8866",
        passing=census_file(episodes=[episode(source="5D")]),
        failing=census_file(episodes=[episode(source="5E")]),
        flagged=[("ReferralSource", "5E")],
    ),
    Case(
        "8620",
        passing=census_file(episodes=[episode(closure_date="2023-03-31", closure_reason="RC7")]),
        failing=census_file(episodes=[episode(closure_date="2023-04-01", closure_reason="RC7")]),
        flagged=[("CINclosureDate", "2023-04-01")],
    ),
    Case(
        "8630",
        passing=census_file(episodes=[episode(closure_date="2022-06-01", closure_reason="RC7")]),
        failing=census_file(episodes=[episode(closure_date="2022-05-31", closure_reason="RC7")]),
        flagged=[("CINclosureDate", "2022-05-31")],
    ),
    Case(
        "8640",
        passing=census_file(episodes=[episode(**(CLOSED | {"closure_reason": "RC9"}))]),
        failing=census_file(episodes=[episode(**(CLOSED | {"closure_reason": "RC10"}))]),
        flagged=[("ReasonForClosure", "RC10")],
    ),
    Case(
        "8805",
        passing=census_file(episodes=[episode(**CLOSED)]),
        failing=census_file(episodes=[episode(closure_date="2022-12-01")]),
        flagged=[("ReasonForClosure", None)],
    ),
    Case(
        "8810",
        passing=census_file(episodes=[episode(**CLOSED)]),
        failing=census_file(episodes=[episode(closure_reason="RC7")]),
        flagged=[("CINclosureDate", None)],
    ),
    Case(
        "8585Q",
        passing=census_file(
            children=[child(death_date="2022-12-01")],
            episodes=[episode(**(CLOSED | {"closure_reason": "RC2"}))],
        ),
        failing=census_file(episodes=[episode(**(CLOSED | {"closure_reason": "RC2"}))]),
        flagged=[("ReasonForClosure", "RC2")],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_the_rule_passes_the_good_file_and_flags_the_bad_one(case):
    check(case)


def test_a_missing_referral_source_is_reported():
    tables = census_file(episodes=[episode(source=None)])
    assert [i.value for i in issues(tables, "8866")] == [None]


def test_a_missing_or_unreadable_referral_date_is_reported():
    missing = census_file(episodes=[episode(referral_date=None)])
    unreadable = census_file(episodes=[episode(referral_date="2022-02-30")])
    assert [i.value for i in issues(missing, "8600")] == [None]
    assert [i.value for i in issues(unreadable, "8600")] == ["2022-02-30"]


def test_an_unborn_childs_referral_is_measured_from_the_expected_date():
    unborn = child(birth_date=None, expected_birth_date="2023-06-01", gender="0")
    # 280 days before 1 June 2023 is 25 August 2022 (6 + 30 + 31 + 30 + 31 + 31 + 28 + 31 + 30
    # + 31 + 1, counted as above); the 24th is a day too early.
    tables = census_file(children=[unborn], episodes=[episode(referral_date="2022-08-24")])
    assert issues(tables, "8606")
    tables = census_file(children=[unborn], episodes=[episode(referral_date="2022-08-25")])
    assert not issues(tables, "8606")


def test_the_nfa_cut_off_counts_back_over_a_weekend():
    # 1 April 2023 (the 2023-24 census's first day) was a Saturday: the working day before is
    # Friday 31 March, so a referral on Thursday 30 March may not be NFA'd.
    late = census_file(episodes=[episode(referral_date="2023-03-31", **NFA)], assessments=[])
    early = census_file(episodes=[episode(referral_date="2023-03-30", **NFA)], assessments=[])
    assert not issues(late, "8569Q", "2023-24")
    assert issues(early, "8569Q", "2023-24")

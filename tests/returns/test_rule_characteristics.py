"""Rules on the child's ethnicity and disabilities."""

import pytest
from test_validation_builders import Case, census_file, check, child, episode, issues

EIGHT_CODES = ["MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS"]


def with_disabilities(codes: list[str]) -> list[dict]:
    """One child for each code, with that one disability."""
    return [
        child(f"C{n}", upn=None, upn_unknown="UN3", disabilities=[code])
        for n, code in enumerate(codes)
    ]


CASES = [
    Case(
        "4220",
        passing=census_file(children=[child(ethnicity="NOBT")]),
        failing=census_file(children=[child(ethnicity="WHITE")]),
        flagged=[("Ethnicity", "WHITE")],
    ),
    Case(
        "8540",
        passing=census_file(),
        failing=census_file(children=[child(disabilities=None)]),
        flagged=[("Disability", None)],
    ),
    Case(
        "8790",
        passing=census_file(children=[child(disabilities=["HAND", "VIS"])]),
        failing=census_file(children=[child(disabilities=["NONE", "HAND"])]),
        flagged=[("Disability", "NONE HAND")],
    ),
    Case(
        "8794",
        passing=census_file(children=[child(disabilities=["HAND", "VIS"])]),
        failing=census_file(children=[child(disabilities=["HAND", "HAND"])]),
        flagged=[("Disability", "HAND HAND")],
    ),
    Case(
        "2887Q",
        passing=census_file(children=with_disabilities(EIGHT_CODES)),
        failing=census_file(children=with_disabilities(EIGHT_CODES[:7])),
        flagged=[("Disability", "7 codes used")],
    ),
    Case(
        "2888Q",
        passing=census_file(children=[child(disabilities=["HAND", "VIS"])]),
        failing=census_file(children=[child(disabilities=["HAND"])]),
        flagged=[("Disability", "at most one code per child")],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_the_rule_passes_the_good_file_and_flags_the_bad_one(case):
    check(case)


def test_an_unknown_disability_code_is_invalid():
    tables = census_file(children=[child(disabilities=["HAND", "ARM"])])
    assert [(i.field, i.value) for i in issues(tables, "8540")] == [("Disability", "HAND ARM")]


def test_disability_is_not_asked_of_an_unborn_child_or_a_referral_with_no_further_action():
    unborn = census_file(
        children=[child(disabilities=None, birth_date=None, expected_birth_date="2023-06-01")]
    )
    nfa_only = census_file(
        children=[child(disabilities=None)], episodes=[episode(nfa="true")], assessments=[]
    )
    assert not issues(unborn, "8540")
    assert not issues(nfa_only, "8540")


def test_a_return_without_any_disability_is_not_asked_for_several_per_child():
    assert not issues(census_file(), "2888Q")


def test_no_disability_codes_used_is_fewer_than_eight():
    assert [i.value for i in issues(census_file(), "2887Q")] == ["0 codes used"]

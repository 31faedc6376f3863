"""Rules on the LA's child ID, the child's dates of birth and death, and having an episode."""

import pytest
from test_validation_builders import Case, census_file, check, child, episode, issues

UNBORN = {"birth_date": None, "expected_birth_date": "2023-06-01", "gender": "0"}

CASES = [
    Case(
        "8500",
        passing=census_file(),
        failing=census_file(children=[child(None)], episodes=[episode(None)]),
        flagged=[("LAchildID", None)],
    ),
    Case(
        "8510",
        passing=census_file(children=[child("C1"), child("C2", upn=None, upn_unknown="UN3")]),
        failing=census_file(children=[child("C1"), child("C1", upn=None, upn_unknown="UN3")]),
        flagged=[("LAchildID", "C1"), ("LAchildID", "C1")],
    ),
    Case(
        "1570",
        ruleset="2024-25",
        # 20 characters are allowed, 21 are not.
        passing=census_file(children=[child("C" * 20, gender="M")], episodes=[episode("C" * 20)]),
        failing=census_file(children=[child("C" * 21, gender="M")], episodes=[episode("C" * 21)]),
        flagged=[("LAchildID", "C" * 21)],
    ),
    Case(
        "1580",
        ruleset="2024-25",
        passing=census_file(children=[child("Ab12", gender="M")], episodes=[episode("Ab12")]),
        failing=census_file(children=[child("Ab-12", gender="M")], episodes=[episode("Ab-12")]),
        flagged=[("LAchildID", "Ab-12")],
    ),
    Case(
        "8520",
        # Born on the census's last day is within it; the day after is not.
        passing=census_file(children=[child(birth_date="2023-03-31")]),
        failing=census_file(children=[child(birth_date="2023-04-01")]),
        flagged=[("PersonBirthDate", "2023-04-01")],
    ),
    Case(
        "8525Q",
        passing=census_file(children=[child(**UNBORN)]),
        failing=census_file(children=[child(expected_birth_date="2023-06-01")]),
        flagged=[("PersonBirthDate", "2015-05-01")],
    ),
    Case(
        "8530Q",
        # An unborn child of the 2022-23 census is expected from March to December 2023.
        passing=census_file(children=[child(**(UNBORN | {"expected_birth_date": "2023-12-31"}))]),
        failing=census_file(children=[child(**(UNBORN | {"expected_birth_date": "2024-01-01"}))]),
        flagged=[("ExpectedPersonBirthDate", "2024-01-01")],
    ),
    Case(
        "8535Q",
        passing=census_file(children=[child(death_date="2015-05-01")]),
        failing=census_file(children=[child(death_date="2015-04-30")]),
        flagged=[("PersonDeathDate", "2015-04-30")],
    ),
    Case(
        "8545Q",
        passing=census_file(children=[child(death_date="2022-06-01")]),
        failing=census_file(children=[child(death_date="2022-03-31")]),
        flagged=[("PersonDeathDate", "2022-03-31")],
    ),
    Case(
        "8775Q",
        # On 31 March 2023 a child born 31 March 1998 is 25; one born a day earlier is over 25.
        passing=census_file(children=[child(birth_date="1998-03-31")]),
        failing=census_file(children=[child(birth_date="1998-03-30")]),
        flagged=[("PersonBirthDate", "1998-03-30")],
    ),
    Case(
        "8590",
        passing=census_file(),
        failing=census_file(children=[child(), child("C2", upn=None, upn_unknown="UN3")]),
        flagged=[("LAchildID", "C2")],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_the_rule_passes_the_good_file_and_flags_the_bad_one(case):
    check(case)


def test_a_child_with_neither_birth_date_is_queried():
    tables = census_file(children=[child(birth_date=None)])
    assert [(i.field, i.value) for i in issues(tables, "8525Q")] == [("PersonBirthDate", None)]


def test_child_ids_are_not_checked_for_form_before_2024_25():
    tables = census_file(children=[child("Ab-12")], episodes=[episode("Ab-12")])
    assert not issues(tables, "1580", "2023-24")

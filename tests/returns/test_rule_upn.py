"""Rules on the child's UPN, former UPN and reason for having no UPN."""

import pytest
from test_validation_builders import (
    UPN,
    Case,
    census_file,
    check,
    child,
    episode,
    issues,
    with_check_letter,
)

NO_UPN = {"upn": None}
# Cumberland's LA code, new in April 2023.
CUMBERLAND_UPN = with_check_letter("942100000001")
UNKNOWN_LA_UPN = with_check_letter("999100000001")

CASES = [
    Case(
        "1510",
        passing=census_file(),
        failing=census_file(children=[child(upn="A801200001001")]),
        flagged=[("UPN", "A801200001001")],
    ),
    Case(
        "1520",
        passing=census_file(
            children=[child("C1"), child("C2", upn=with_check_letter("801200001002"))]
        ),
        failing=census_file(children=[child("C1"), child("C2")]),
        flagged=[("UPN", UPN), ("UPN", UPN)],
    ),
    Case(
        "1530",
        name="before Cumberland",
        passing=census_file(),
        failing=census_file(children=[child(upn=CUMBERLAND_UPN)]),
        flagged=[("UPN", CUMBERLAND_UPN)],
    ),
    Case(
        "1530",
        ruleset="2023-24",
        passing=census_file(children=[child(upn=CUMBERLAND_UPN)]),
        failing=census_file(children=[child(upn=UNKNOWN_LA_UPN)]),
        flagged=[("UPN", UNKNOWN_LA_UPN)],
    ),
    Case(
        "1540",
        passing=census_file(),
        failing=census_file(children=[child(upn="H8012000A1001")]),
        flagged=[("UPN", "H8012000A1001")],
    ),
    Case(
        "1550",
        # A temporary UPN ends in a letter, but never I, O or S.
        passing=census_file(children=[child(upn=with_check_letter("80120000101A"))]),
        failing=census_file(children=[child(upn="H80120000100S")]),
        flagged=[("UPN", "H80120000100S")],
    ),
    Case(
        "1560Q",
        passing=census_file(children=[child(former_upn=with_check_letter("801200001777"))]),
        failing=census_file(children=[child(former_upn="A801200001777")]),
        flagged=[("FormerUPN", "A801200001777")],
    ),
    Case(
        "8770Q",
        name="over 5",
        # Born 1 May 2015, the child is 7 at the end of the 2022-23 census.
        passing=census_file(children=[child(**NO_UPN, upn_unknown="UN3")]),
        failing=census_file(children=[child(**NO_UPN, upn_unknown="UN1")]),
        flagged=[("UPNunknown", "UN1")],
    ),
    Case(
        "8770Q",
        ruleset="2024-25",
        # In 2024-25 a child born on or before 31 August 2019 is in Year 1 or above.
        passing=census_file(
            children=[child(**NO_UPN, upn_unknown="UN1", birth_date="2019-09-01", gender="F")]
        ),
        failing=census_file(
            children=[child(**NO_UPN, upn_unknown="UN1", birth_date="2019-08-31", gender="F")]
        ),
        flagged=[("UPNunknown", "UN1")],
    ),
    Case(
        "8772",
        passing=census_file(
            children=[child(**NO_UPN, upn_unknown="UN7")],
            episodes=[episode(nfa="true")],
            assessments=[],
        ),
        failing=census_file(children=[child(**NO_UPN, upn_unknown="UN7")]),
        flagged=[("UPNunknown", "UN7")],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_the_rule_passes_the_good_file_and_flags_the_bad_one(case):
    check(case)


def test_a_child_referred_only_with_no_further_action_needs_no_upn_reason():
    tables = census_file(children=[child(**NO_UPN)], episodes=[episode(nfa="1")], assessments=[])
    assert not issues(tables, "8770Q")


def test_a_child_of_5_is_not_yet_over_5():
    # Born 1 April 2017: 5 on 31 March 2023 (6 only on 1 April 2023).
    tables = census_file(children=[child(**NO_UPN, birth_date="2017-04-01")])
    assert not issues(tables, "8770Q")
    older = census_file(children=[child(**NO_UPN, birth_date="2017-03-31")])
    assert issues(older, "8770Q")


def test_a_malformed_upn_is_left_to_the_rules_on_its_form():
    tables = census_file(children=[child(upn="H8012000A1001")])
    assert not issues(tables, "1510")


def test_a_lower_case_upn_is_checked_as_upper_case():
    tables = census_file(children=[child(upn=UPN.lower())], episodes=[episode()])
    assert not issues(tables, "1510")

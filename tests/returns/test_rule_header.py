"""Rule 100: the header's reference date is the last day of the census year."""

import pytest
from test_validation_builders import Case, census_file, check, header, issues

CASES = [
    Case(
        "100",
        passing=census_file(),
        failing=census_file(headers=[header(reference_date="2023-03-28")]),
        flagged=[("ReferenceDate", "2023-03-28")],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_the_rule_passes_the_good_file_and_flags_the_bad_one(case):
    check(case)


def test_a_file_without_a_header_has_no_reference_date():
    found = issues(census_file(headers=[]), "100")
    assert [(i.table, i.field, i.value, i.line) for i in found] == [
        ("Header", "ReferenceDate", None, None)
    ]


def test_each_ruleset_expects_its_own_year_end():
    # The 2023-24 census ends on 31 March 2024, so a 2022-23 header is wrong for it.
    assert issues(census_file(), "100", "2023-24")
    assert not issues(census_file(headers=[header(reference_date="2024-03-31")]), "100", "2023-24")


def test_an_unreadable_reference_date_is_incorrect():
    assert issues(census_file(headers=[header(reference_date="31/03/2023")]), "100")

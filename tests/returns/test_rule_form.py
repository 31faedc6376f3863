"""Checks of a value's form (not in the DfE's catalogue): dates, yes-or-no flags and codes."""

import pytest
from test_validation_builders import (
    Case,
    assessment,
    census_file,
    check,
    child,
    cin_plan,
    enquiry,
    issues,
)

CASES = [
    Case(
        "FORM-DATE",
        passing=census_file(children=[child(birth_date=" 2016-02-29 ")]),
        failing=census_file(children=[child(birth_date="2015-02-29")]),
        flagged=[("PersonBirthDate", "2015-02-29")],
    ),
    Case(
        "FORM-FLAG",
        passing=census_file(enquiries=[enquiry(icpc_not_required="FALSE")]),
        failing=census_file(enquiries=[enquiry(icpc_not_required="no")]),
        flagged=[("ICPCnotRequired", "no")],
    ),
    Case(
        "FORM-CODE",
        passing=census_file(children=[child(upn=None, upn_unknown="UN4")]),
        failing=census_file(
            children=[child(upn=None, upn_unknown="UN9")],
            assessments=[assessment(factors=["3A", "99Z"])],
        ),
        flagged=[("UPNunknown", "UN9"), ("AssessmentFactors", "3A 99Z")],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_the_check_passes_the_good_file_and_flags_the_bad_one(case):
    check(case)


@pytest.mark.parametrize(
    "written",
    ["31/03/2023", "2023-3-31", "2023-03-31T00:00:00", "0000-01-01", "20230331", "yesterday"],
)
def test_anything_but_an_iso_date_is_not_a_date(written):
    tables = census_file(cin_plans=[cin_plan(end_date=written)])
    assert [i.value for i in issues(tables, "FORM-DATE")] == [written]


def test_a_date_may_carry_a_time_zone_as_xml_dates_can():
    tables = census_file(cin_plans=[cin_plan(end_date="2022-08-01Z")])
    assert not issues(tables, "FORM-DATE")
    assert not issues(tables, "4011")

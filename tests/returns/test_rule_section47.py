"""Rules on section 47 enquiries and initial child protection conferences."""

import pytest
from test_validation_builders import Case, census_file, check, enquiry, episode, header, issues

OPEN = {"icpc_date": None}

CASES = [
    Case(
        "1104",
        passing=census_file(enquiries=[enquiry(start_date="2022-06-01", icpc_date="2022-06-01")]),
        failing=census_file(enquiries=[enquiry(start_date="2022-05-30", icpc_date="2022-05-31")]),
        flagged=[("DateOfInitialCPC", "2022-05-31")],
    ),
    Case(
        "2884",
        passing=census_file(enquiries=[enquiry()]),
        failing=census_file(episodes=[episode(icpc_date="2022-06-22")], enquiries=[enquiry()]),
        flagged=[("DateOfInitialCPC", "2022-06-22")],
    ),
    Case(
        "2889",
        passing=census_file(enquiries=[enquiry(start_date="2022-06-01")]),
        failing=census_file(enquiries=[enquiry(start_date="2022-05-31")]),
        flagged=[("S47ActualStartDate", "2022-05-31")],
    ),
    Case(
        "8615",
        passing=census_file(enquiries=[enquiry(start_date="2022-06-22")]),
        failing=census_file(enquiries=[enquiry(start_date="2022-06-23")]),
        flagged=[("S47ActualStartDate", "2022-06-23")],
    ),
    Case(
        "8675Q",
        # Counting the start as day 1, 15 working days from Friday 10 March 2023 end on Thursday
        # 30 March, before the census ends; from Monday 13 March they end on Friday 31 March.
        passing=census_file(enquiries=[enquiry(start_date="2023-03-13", **OPEN)]),
        failing=census_file(enquiries=[enquiry(start_date="2023-03-10", **OPEN)]),
        flagged=[("S47ActualStartDate", "2023-03-10")],
    ),
    Case(
        "8715",
        passing=census_file(enquiries=[enquiry()]),
        failing=census_file(enquiries=[enquiry(icpc_date="2023-04-03")]),
        flagged=[("DateOfInitialCPC", "2023-04-03")],
    ),
    Case(
        "8740",
        passing=census_file(
            episodes=[episode(referral_date="2022-03-01")],
            enquiries=[enquiry(start_date="2022-04-01", **OPEN)],
        ),
        failing=census_file(
            episodes=[episode(referral_date="2022-03-01")],
            enquiries=[enquiry(start_date="2022-03-31", **OPEN)],
        ),
        flagged=[("S47ActualStartDate", "2022-03-31")],
    ),
    Case(
        "8839",
        passing=census_file(enquiries=[enquiry(), enquiry(start_date="2022-07-01", **OPEN)]),
        failing=census_file(enquiries=[enquiry(**OPEN), enquiry(start_date="2022-07-01", **OPEN)]),
        flagged=[("DateOfInitialCPC", None), ("DateOfInitialCPC", None)],
    ),
    Case(
        "8870Q",
        passing=census_file(enquiries=[enquiry()]),
        failing=census_file(enquiries=[enquiry(icpc_target_date="2022-06-25")]),
        flagged=[("InitialCPCtarget", "2022-06-25")],
    ),
    Case(
        "8875",
        passing=census_file(enquiries=[enquiry()]),
        failing=census_file(enquiries=[enquiry(icpc_date="2022-06-26")]),
        flagged=[("DateOfInitialCPC", "2022-06-26")],
    ),
    Case(
        "8890",
        # A second enquiry may start on the day of the first one's conference, not before.
        passing=census_file(
            enquiries=[
                enquiry(),
                enquiry(start_date="2022-06-22", icpc_date=None, icpc_not_required="true"),
            ]
        ),
        failing=census_file(
            enquiries=[
                enquiry(),
                enquiry(start_date="2022-06-21", icpc_date=None, icpc_not_required="true"),
            ]
        ),
        flagged=[("S47ActualStartDate", "2022-06-21")],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_the_rule_passes_the_good_file_and_flags_the_bad_one(case):
    check(case)


def test_an_enquiry_found_not_to_need_a_conference_is_not_open():
    tables = census_file(
        enquiries=[enquiry(start_date="2023-01-09", icpc_date=None, icpc_not_required="1")]
    )
    assert not issues(tables, "8675Q")


def test_a_conference_without_an_enquiry_start_is_reported():
    tables = census_file(enquiries=[enquiry(start_date=None)])
    assert [(i.field, i.value) for i in issues(tables, "8615")] == [("S47ActualStartDate", None)]


def test_a_conference_recorded_on_the_episode_is_checked_too():
    tables = census_file(episodes=[episode(icpc_date="2022-06-25")])
    assert [(i.table, i.value) for i in issues(tables, "8875")] == [("CINdetails", "2022-06-25")]
    tables = census_file(episodes=[episode(icpc_date="2022-05-31")])
    assert [(i.table, i.value) for i in issues(tables, "1104")] == [("CINdetails", "2022-05-31")]


def test_the_enquiry_cut_off_skips_bank_holidays():
    # The 2023-24 census ended on Sunday 31 March 2024, after Good Friday (29 March). Counted by
    # hand, the 15 working days from Friday 8 March end on Thursday 28 March, before the end: that
    # enquiry is overdue. From Monday 11 March the 15th working day is Tuesday 2 April (after
    # Good Friday, the weekend and Easter Monday): in time.
    year_end = header(reference_date="2024-03-31")
    overdue = census_file(
        headers=[year_end],
        episodes=[episode(referral_date="2024-03-01")],
        enquiries=[enquiry(start_date="2024-03-08", **OPEN)],
    )
    in_time = census_file(
        headers=[year_end],
        episodes=[episode(referral_date="2024-03-01")],
        enquiries=[enquiry(start_date="2024-03-11", **OPEN)],
    )
    assert issues(overdue, "8675Q", "2023-24")
    assert not issues(in_time, "8675Q", "2023-24")

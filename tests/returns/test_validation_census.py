"""The census a ruleset checks: its year and the working-day cut-offs of its rules."""

from datetime import date, timedelta

import pytest

from safeguard.core.calendar import Convention, add_working_days
from safeguard.returns.validation.census import (
    RULESETS,
    Census,
    UnknownRuleset,
    nth_working_day_back,
    ruleset_label,
)


def test_the_2022_23_census_runs_from_1_april_2022_to_31_march_2023():
    census = Census("2022-23")
    assert (census.start, census.reference_date) == (date(2022, 4, 1), date(2023, 3, 31))
    assert census.sex_field == "GenderCurrent"
    assert Census("2024-25").sex_field == "Sex"


@pytest.mark.parametrize("written", ["2022-23", "cin2022_23", " 2022-23 ", "CIN2022_23"])
def test_a_ruleset_may_be_written_as_a_year_or_as_the_catalogue_names_it(written):
    assert ruleset_label(written) == "2022-23"


@pytest.mark.parametrize("written", ["2021-22", "2026-27", "2022", "latest", ""])
def test_a_ruleset_we_do_not_have_is_refused_with_the_ones_we_have(written):
    with pytest.raises(UnknownRuleset, match="2022-23, 2023-24, 2024-25, 2025-26"):
        ruleset_label(written)


def test_the_cut_offs_worked_out_by_hand_for_2022_23():
    census = Census("2022-23")
    # 1 April 2022 was a Friday; the working day before it Thursday 31 March.
    assert census.last_working_day_before_start == date(2022, 3, 31)
    # Counting back from Thursday 30 March 2023 (no bank holidays in February or March 2023):
    # 45 working days to Friday 27 January; 15 working days to Friday 10 March.
    assert census.assessment_overdue_if_started_by == date(2023, 1, 27)
    assert census.enquiry_overdue_if_started_by == date(2023, 3, 10)


def test_the_cut_off_before_the_2024_25_census_steps_over_easter():
    # 1 April 2024 was Easter Monday and 29 March Good Friday: the working day before the
    # 2024-25 census began was Thursday 28 March 2024.
    assert Census("2024-25").last_working_day_before_start == date(2024, 3, 28)


@pytest.mark.parametrize("ruleset", RULESETS)
@pytest.mark.parametrize("working_days", [1, 15, 45])
def test_the_cut_off_is_the_last_start_whose_days_run_out_before_the_census_ends(
    ruleset, working_days
):
    # The DfE counts the start date as day 1.
    end = Census(ruleset).reference_date
    latest = nth_working_day_back(end, working_days)
    day_1 = Convention.START_IS_DAY_1
    assert add_working_days(latest, working_days, day_1) < end
    assert add_working_days(latest + timedelta(days=1), working_days, day_1) >= end


@pytest.mark.parametrize("year", [1971, 1999, 2012, 2040])
def test_the_cut_offs_work_in_any_year_the_calendar_knows(year):
    # 31 March 2012 was a Saturday: counting back one working day from it reaches Friday 30th.
    assert nth_working_day_back(date(year, 3, 31), 1) < date(year, 3, 31)
    assert nth_working_day_back(date(2012, 3, 31), 1) == date(2012, 3, 30)

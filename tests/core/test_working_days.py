"""Working days in England and Wales, and the two ways of counting them.

Every expected date here was worked out by hand from a printed calendar and the GOV.UK list of bank
holidays, not copied from the code's output.
"""

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pytest_django.fixtures import Settings

from safeguard.core.calendar import (
    Convention,
    add_working_days,
    default_convention,
    is_working_day,
    working_days_between,
)

DAY_0 = Convention.START_IS_DAY_0
DAY_1 = Convention.START_IS_DAY_1

days = st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31))
counts = st.integers(min_value=0, max_value=400)
positive_counts = st.integers(min_value=1, max_value=400)
conventions = st.sampled_from(Convention)


# Which days are working days ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "day",
    [
        date(2020, 5, 8),  # VE Day 75th anniversary, moved from Monday 4 May
        date(2022, 6, 2),  # spring bank holiday, moved for the Platinum Jubilee
        date(2022, 6, 3),  # Platinum Jubilee
        date(2022, 9, 19),  # state funeral of Queen Elizabeth II
        date(2023, 5, 8),  # coronation of King Charles III
    ],
)
def test_it_skips_the_one_off_bank_holidays(day: date) -> None:
    assert not is_working_day(day)


def test_it_skips_the_2022_jubilee_bank_holidays() -> None:
    assert not is_working_day(date(2022, 6, 2))
    assert not is_working_day(date(2022, 6, 3))
    # The usual late May bank holiday moved to 2 June that year.
    assert is_working_day(date(2022, 5, 30))


def test_it_treats_4_may_2020_as_a_working_day_because_8_may_replaced_it() -> None:
    assert is_working_day(date(2020, 5, 4))


@pytest.mark.parametrize(
    "day",
    [
        date(2023, 4, 7),  # Good Friday
        date(2023, 4, 10),  # Easter Monday
        date(2023, 12, 25),  # Christmas Day, a Monday
        date(2023, 12, 26),  # Boxing Day
        date(2023, 1, 2),  # New Year's Day fell on a Sunday, so Monday was the holiday
        date(2020, 12, 28),  # Boxing Day fell on a Saturday, so Monday was the holiday
    ],
)
def test_it_skips_the_usual_bank_holidays_and_their_substitutes(day: date) -> None:
    assert not is_working_day(day)


@pytest.mark.parametrize(
    "day",
    [
        date(2024, 1, 2),  # 2 January, Scotland only
        date(2023, 11, 30),  # St Andrew's Day, Scotland only
        date(2023, 8, 7),  # summer bank holiday in Scotland (first Monday in August)
        date(2023, 3, 17),  # St Patrick's Day, Northern Ireland only
        date(2023, 7, 12),  # Battle of the Boyne, Northern Ireland only
    ],
)
def test_it_treats_scottish_and_northern_irish_holidays_as_working_days(day: date) -> None:
    assert is_working_day(day)


def test_it_skips_weekends() -> None:
    assert not is_working_day(date(2023, 11, 11))  # Saturday
    assert not is_working_day(date(2023, 11, 12))  # Sunday
    assert is_working_day(date(2023, 11, 13))  # Monday


def test_it_refuses_a_datetime_that_would_never_match_a_holiday() -> None:
    with pytest.raises(TypeError):
        is_working_day(datetime(2023, 12, 25, 12))


@pytest.mark.parametrize("year", [1990, 2045, 2099])  # Christmas on a Tuesday, Monday, Friday
def test_it_knows_christmas_in_any_year_from_1990_to_2100(year: int) -> None:
    assert not is_working_day(date(year, 12, 25))


def test_it_moves_christmas_and_boxing_day_off_the_weekend_in_2100() -> None:
    # 25 December 2100 is a Saturday, so Monday 27 and Tuesday 28 are the bank holidays.
    assert not is_working_day(date(2100, 12, 27))
    assert not is_working_day(date(2100, 12, 28))
    assert is_working_day(date(2100, 12, 29))


# Adding working days, start is day 0 -------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        (date(2023, 11, 13), 1, date(2023, 11, 14)),  # Monday to Tuesday
        (date(2023, 11, 10), 1, date(2023, 11, 13)),  # Friday to Monday
        (date(2023, 11, 11), 1, date(2023, 11, 13)),  # Saturday to Monday
        (date(2022, 6, 1), 1, date(2022, 6, 6)),  # over both jubilee days
        (date(2020, 5, 7), 1, date(2020, 5, 11)),  # over VE Day
        (date(2020, 5, 1), 1, date(2020, 5, 4)),  # 4 May 2020 was not a holiday
        (date(2022, 9, 16), 1, date(2022, 9, 20)),  # over the state funeral
        (date(2023, 5, 5), 1, date(2023, 5, 9)),  # over the coronation
        (date(2023, 4, 28), 2, date(2023, 5, 3)),  # over the early May bank holiday
        (date(2020, 12, 24), 1, date(2020, 12, 29)),  # Christmas, weekend, Boxing Day observed
        (date(2024, 3, 28), 1, date(2024, 4, 2)),  # Easter 2024
        (date(2023, 5, 8), 1, date(2023, 5, 9)),  # starting on a bank holiday
        (date(2023, 9, 4), 45, date(2023, 11, 6)),  # an assessment over nine weeks
        (date(2023, 12, 15), 15, date(2024, 1, 10)),  # an initial conference over Christmas
    ],
)
def test_it_finds_the_nth_working_day_after_the_start_under_day_0(
    start: date, n: int, expected: date
) -> None:
    assert add_working_days(start, n, DAY_0) == expected


def test_it_returns_the_start_itself_for_zero_days_under_day_0() -> None:
    assert add_working_days(date(2023, 11, 11), 0, DAY_0) == date(2023, 11, 11)


@pytest.mark.parametrize("convention", list(Convention))
def test_it_refuses_a_negative_number_of_days(convention: Convention) -> None:
    with pytest.raises(ValueError):
        add_working_days(date(2023, 11, 13), -1, convention)


# Adding working days, start is day 1 -------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        (date(2023, 11, 10), 1, date(2023, 11, 10)),  # Friday is day 1 itself
        (date(2023, 11, 10), 2, date(2023, 11, 13)),  # then Monday is day 2
        (date(2023, 11, 11), 1, date(2023, 11, 13)),  # Saturday: Monday is day 1
        (date(2023, 5, 8), 1, date(2023, 5, 9)),  # coronation day: Tuesday is day 1
        (date(2023, 5, 8), 2, date(2023, 5, 10)),
        (date(2022, 6, 1), 1, date(2022, 6, 1)),
        (date(2022, 6, 1), 2, date(2022, 6, 6)),  # over both jubilee days
        (date(2023, 9, 4), 45, date(2023, 11, 3)),  # one day earlier than under day 0
    ],
)
def test_it_counts_the_start_as_day_1_when_it_is_a_working_day(
    start: date, n: int, expected: date
) -> None:
    assert add_working_days(start, n, DAY_1) == expected


def test_it_refuses_zero_days_under_day_1_because_the_start_is_already_day_1() -> None:
    with pytest.raises(ValueError):
        add_working_days(date(2023, 11, 13), 0, DAY_1)


# Counting working days between two dates ---------------------------------------------------------


def test_it_counts_the_working_days_after_the_start_up_to_the_end_under_day_0() -> None:
    assert working_days_between(date(2022, 6, 1), date(2022, 6, 6), DAY_0) == 1
    assert working_days_between(date(2023, 11, 10), date(2023, 11, 13), DAY_0) == 1
    assert working_days_between(date(2023, 11, 13), date(2023, 11, 13), DAY_0) == 0


def test_it_counts_the_start_and_the_end_under_day_1() -> None:
    assert working_days_between(date(2022, 6, 1), date(2022, 6, 6), DAY_1) == 2
    assert working_days_between(date(2023, 11, 13), date(2023, 11, 13), DAY_1) == 1
    assert working_days_between(date(2023, 11, 11), date(2023, 11, 11), DAY_1) == 0


@pytest.mark.parametrize("convention", list(Convention))
def test_it_counts_nothing_when_the_end_is_before_the_start(convention: Convention) -> None:
    assert working_days_between(date(2023, 11, 14), date(2023, 11, 13), convention) == 0


def test_it_counts_251_working_days_in_2023() -> None:
    # 260 weekdays, less nine bank holidays on weekdays (2 Jan, 7 and 10 Apr, 1, 8 and 29 May,
    # 28 Aug, 25 and 26 Dec).
    assert working_days_between(date(2022, 12, 31), date(2023, 12, 31), DAY_0) == 251


# The convention setting --------------------------------------------------------------------------


def test_it_counts_from_day_0_when_the_setting_is_absent(settings: Settings) -> None:
    del settings.SAFEGUARD_WORKING_DAY_CONVENTION
    assert default_convention() is DAY_0
    assert add_working_days(date(2023, 11, 10), 1) == date(2023, 11, 13)


def test_it_follows_the_convention_setting(settings: Settings) -> None:
    settings.SAFEGUARD_WORKING_DAY_CONVENTION = "start_is_day_1"
    assert default_convention() is DAY_1
    assert add_working_days(date(2023, 11, 10), 1) == date(2023, 11, 10)
    assert working_days_between(date(2023, 11, 10), date(2023, 11, 13)) == 2


# Properties --------------------------------------------------------------------------------------


def walk_count(start: date, end: date) -> int:
    """Count working days after start up to end by looking at each one: slow but plainly right."""
    count = 0
    day = start
    while day < end:
        day += timedelta(days=1)
        count += is_working_day(day)
    return count


@given(days, counts)
def test_counting_undoes_adding_under_day_0(start: date, n: int) -> None:
    assert working_days_between(start, add_working_days(start, n, DAY_0), DAY_0) == n


@given(days, positive_counts)
def test_counting_undoes_adding_under_day_1(start: date, n: int) -> None:
    assert working_days_between(start, add_working_days(start, n, DAY_1), DAY_1) == n


@given(days, positive_counts, conventions)
def test_a_deadline_is_always_a_working_day(start: date, n: int, convention: Convention) -> None:
    assert is_working_day(add_working_days(start, n, convention))


@given(days, positive_counts)
def test_a_day_0_deadline_is_after_the_start_and_a_day_1_deadline_not_before_it(
    start: date, n: int
) -> None:
    assert add_working_days(start, n, DAY_0) > start
    assert add_working_days(start, n, DAY_1) >= start


@given(days, positive_counts)
def test_day_1_is_one_day_shorter_only_when_the_start_is_a_working_day(start: date, n: int) -> None:
    day_0_n = n - 1 if is_working_day(start) else n
    assert add_working_days(start, n, DAY_1) == add_working_days(start, day_0_n, DAY_0)


@given(days, positive_counts, conventions)
def test_more_days_give_a_strictly_later_deadline(
    start: date, n: int, convention: Convention
) -> None:
    assert add_working_days(start, n, convention) < add_working_days(start, n + 1, convention)


@given(days, days, positive_counts, conventions)
def test_a_later_start_never_gives_an_earlier_deadline(
    first: date, second: date, n: int, convention: Convention
) -> None:
    earlier, later = sorted((first, second))
    assert add_working_days(earlier, n, convention) <= add_working_days(later, n, convention)


@given(days, st.integers(min_value=-30, max_value=800))
def test_counting_agrees_with_looking_at_each_day(start: date, span: int) -> None:
    end = start + timedelta(days=span)
    assert working_days_between(start, end, DAY_0) == walk_count(start, end)


@given(days, st.integers(min_value=0, max_value=60), st.integers(min_value=0, max_value=60))
def test_counts_over_adjacent_spans_add_up(start: date, first: int, second: int) -> None:
    middle = start + timedelta(days=first)
    end = middle + timedelta(days=second)
    assert working_days_between(start, end, DAY_0) == (
        working_days_between(start, middle, DAY_0) + working_days_between(middle, end, DAY_0)
    )

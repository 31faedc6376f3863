"""Working-hour clocks for MASH RAG ratings, in Europe/London office hours.

Every expected time here was worked out by hand (office open 09:00 to 17:00 unless a test says
otherwise), not copied from the code's output.
"""

from datetime import UTC, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safeguard.core.calendar import (
    OfficeHours,
    add_working_hours,
    is_working_day,
    working_hours_between,
)

LONDON = ZoneInfo("Europe/London")


def london(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=LONDON)


# Adding working hours ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "hours", "expected"),
    [
        # Within one day: Monday 10:00 plus 4 hours.
        (london(2023, 11, 13, 10), 4, london(2023, 11, 13, 14)),
        # Friday 16:00: 1 hour on Friday, 3 on Monday from 09:00.
        (london(2023, 11, 10, 16), 4, london(2023, 11, 13, 12)),
        # Friday 15:00: 2 hours on Friday, 2 on Monday.
        (london(2023, 11, 10, 15), 4, london(2023, 11, 13, 11)),
        # Received on Tuesday evening: the clock starts at 09:00 on Wednesday.
        (london(2023, 11, 14, 18, 30), 4, london(2023, 11, 15, 13)),
        # Received before opening: the clock starts at 09:00 the same day.
        (london(2023, 11, 14, 7), 1, london(2023, 11, 14, 10)),
        # Received on Saturday: the clock starts at 09:00 on Monday.
        (london(2023, 11, 11, 10), 4, london(2023, 11, 13, 13)),
        # A whole working day ends at closing time, not at the next opening.
        (london(2023, 11, 13, 9), 8, london(2023, 11, 13, 17)),
        # Amber, 24 hours: Monday, Tuesday and Wednesday.
        (london(2023, 11, 13, 9), 24, london(2023, 11, 15, 17)),
        # Green, 72 hours: nine whole working days, Monday 13 to Thursday 23 November.
        (london(2023, 11, 13, 9), 72, london(2023, 11, 23, 17)),
        # Friday before the coronation: 3 hours on Friday, none on Monday 8 May, 1 on Tuesday.
        (london(2023, 5, 5, 14), 4, london(2023, 5, 9, 10)),
        # Christmas 2023: 2 hours on Friday 22nd, then nothing until Wednesday 27th.
        (london(2023, 12, 22, 15), 4, london(2023, 12, 27, 11)),
        # Received on Christmas Day itself.
        (london(2023, 12, 25, 10), 1, london(2023, 12, 27, 10)),
    ],
)
def test_it_runs_the_clock_only_in_office_hours_on_working_days(
    start: datetime, hours: int, expected: datetime
) -> None:
    assert add_working_hours(start, hours) == expected


def test_it_runs_through_the_spring_clock_change() -> None:
    # Clocks went forward on Sunday 26 March 2023: Friday 16:00 GMT plus 4 hours is Monday 12:00
    # BST, which is 11:00 UTC.
    due = add_working_hours(london(2023, 3, 24, 16), 4)
    assert due == london(2023, 3, 27, 12)
    assert due.astimezone(UTC) == datetime(2023, 3, 27, 11, tzinfo=UTC)


def test_it_runs_through_the_autumn_clock_change() -> None:
    # Clocks went back on Sunday 29 October 2023: Monday 12:00 GMT is 12:00 UTC.
    due = add_working_hours(london(2023, 10, 27, 16), 4)
    assert due == london(2023, 10, 30, 12)
    assert due.astimezone(UTC) == datetime(2023, 10, 30, 12, tzinfo=UTC)


def test_it_keeps_office_hours_in_london_time_for_a_utc_start_and_answers_in_utc() -> None:
    # 08:30 UTC in July is 09:30 BST; one hour later is 10:30 BST, 09:30 UTC.
    due = add_working_hours(datetime(2023, 7, 3, 8, 30, tzinfo=UTC), 1)
    assert due == datetime(2023, 7, 3, 9, 30, tzinfo=UTC)
    assert due.tzinfo is UTC


def test_it_accepts_fractions_of_an_hour_as_decimals_and_floats() -> None:
    assert add_working_hours(london(2023, 11, 13, 9), Decimal("1.5")) == london(
        2023, 11, 13, 10, 30
    )
    assert add_working_hours(london(2023, 11, 13, 9), 0.25) == london(2023, 11, 13, 9, 15)


def test_it_follows_other_office_hours() -> None:
    # Open 08:30 to 17:30: half an hour on Friday, half an hour on Monday.
    long_day = OfficeHours(opens=time(8, 30), closes=time(17, 30))
    due = add_working_hours(london(2023, 11, 10, 17), 1, long_day)
    assert due == london(2023, 11, 13, 9)


def test_it_returns_the_start_for_zero_hours() -> None:
    assert add_working_hours(london(2023, 11, 11, 10), 0) == london(2023, 11, 11, 10)


def test_it_refuses_negative_hours() -> None:
    with pytest.raises(ValueError):
        add_working_hours(london(2023, 11, 13, 10), -1)


def test_it_refuses_a_time_without_a_time_zone() -> None:
    with pytest.raises(ValueError):
        add_working_hours(datetime(2023, 11, 13, 10), 1)


def test_it_refuses_office_hours_that_close_before_they_open() -> None:
    with pytest.raises(ValueError):
        OfficeHours(opens=time(17), closes=time(9))


# Around the clock --------------------------------------------------------------------------------


def test_a_round_the_clock_timer_runs_through_nights_and_weekends() -> None:
    due = add_working_hours(london(2023, 11, 10, 16), 4, around_the_clock=True)
    assert due == london(2023, 11, 10, 20)


def test_a_round_the_clock_timer_counts_real_hours_over_the_spring_change() -> None:
    # Saturday 22:00 GMT is 22:00 UTC; 4 hours later is 02:00 UTC, which is 03:00 BST.
    due = add_working_hours(london(2023, 3, 25, 22), 4, around_the_clock=True)
    assert due == london(2023, 3, 26, 3)


def test_a_round_the_clock_timer_counts_real_hours_over_the_autumn_change() -> None:
    # Saturday 23:00 BST is 22:00 UTC; 4 hours later is 02:00 UTC, which is 02:00 GMT.
    due = add_working_hours(london(2023, 10, 28, 23), 4, around_the_clock=True)
    assert due.astimezone(UTC) == datetime(2023, 10, 29, 2, tzinfo=UTC)
    assert due.utcoffset() == timedelta(0)


# Counting working hours --------------------------------------------------------------------------


def test_it_counts_the_working_hours_between_two_times() -> None:
    assert working_hours_between(london(2023, 11, 10, 16), london(2023, 11, 13, 12)) == 4.0
    assert working_hours_between(london(2023, 11, 13, 0), london(2023, 11, 20, 0)) == 40.0
    assert working_hours_between(london(2023, 12, 22, 15), london(2023, 12, 27, 11)) == 4.0


def test_it_counts_no_working_hours_over_a_weekend() -> None:
    assert working_hours_between(london(2023, 11, 11, 9), london(2023, 11, 12, 17)) == 0.0


def test_it_counts_nothing_when_the_end_is_before_the_start() -> None:
    assert working_hours_between(london(2023, 11, 13, 12), london(2023, 11, 13, 10)) == 0.0


def test_it_counts_23_real_hours_on_the_day_the_clocks_go_forward() -> None:
    start, end = london(2023, 3, 25, 12), london(2023, 3, 26, 12)
    assert working_hours_between(start, end, around_the_clock=True) == 23.0


# Properties --------------------------------------------------------------------------------------

starts = st.datetimes(
    min_value=datetime(1995, 1, 1),
    max_value=datetime(2095, 12, 31),
    timezones=st.sampled_from([LONDON, UTC]),
    allow_imaginary=False,
)
# Whole minutes keep the expected hours exact enough to compare.
durations = st.integers(min_value=0, max_value=200 * 60).map(lambda minutes: minutes / 60)


@given(starts, durations, st.booleans())
def test_counting_undoes_adding(start: datetime, hours: float, around_the_clock: bool) -> None:
    due = add_working_hours(start, hours, around_the_clock=around_the_clock)
    assert working_hours_between(start, due, around_the_clock=around_the_clock) == pytest.approx(
        hours, abs=1e-6
    )


@given(starts, durations.filter(lambda hours: hours > 0))
def test_a_deadline_falls_inside_office_hours_on_a_working_day(
    start: datetime, hours: float
) -> None:
    due = add_working_hours(start, hours).astimezone(LONDON)
    assert is_working_day(due.date())
    assert time(9) < due.time() <= time(17)


@given(starts, durations, durations)
def test_more_hours_never_give_an_earlier_deadline(
    start: datetime, first: float, second: float
) -> None:
    fewer, more = sorted((first, second))
    assert add_working_hours(start, fewer) <= add_working_hours(start, more)


@given(starts, st.integers(0, 60 * 24 * 20), st.integers(0, 60 * 24 * 20))
def test_hours_over_adjacent_spans_add_up(start: datetime, first: int, second: int) -> None:
    # In UTC, so that adding minutes always moves forward in real time.
    middle = start.astimezone(UTC) + timedelta(minutes=first)
    end = middle + timedelta(minutes=second)
    assert working_hours_between(start, end) == pytest.approx(
        working_hours_between(start, middle) + working_hours_between(middle, end), abs=1e-6
    )


@given(starts, durations)
def test_the_result_is_in_the_time_zone_of_the_start(start: datetime, hours: float) -> None:
    assert add_working_hours(start, hours).tzinfo is start.tzinfo

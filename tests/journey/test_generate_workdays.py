"""The generator's precomputed calendar agrees with the project's calendar, day and hour."""

from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safeguard.core.calendar import (
    Convention,
    add_working_days,
    add_working_hours,
    is_working_day,
    working_days_between,
)
from safeguard.journey.generate.workdays import LONDON, WorkingDays, utc_datetime

DAYS = WorkingDays(date(2012, 1, 1), date(2024, 12, 31))
some_day = st.dates(min_value=date(2012, 2, 1), max_value=date(2023, 12, 31))


@given(day=some_day, n=st.integers(min_value=0, max_value=60))
def test_adding_working_days_is_the_calendars_day_0_count(day, n):
    expected = add_working_days(day, n, Convention.START_IS_DAY_0)
    assert DAYS.add(day.toordinal(), n) == expected.toordinal()


@given(start=some_day, length=st.integers(min_value=-10, max_value=200))
def test_counting_working_days_is_the_calendars(start, length):
    end = start + timedelta(days=length)
    expected = working_days_between(start, end, Convention.START_IS_DAY_0)
    assert DAYS.between(start.toordinal(), end.toordinal()) == expected


@given(day=some_day)
def test_working_days_and_the_nearest_ones(day):
    ordinal = day.toordinal()
    assert DAYS.is_working_day(ordinal) == is_working_day(day)
    after, before = DAYS.on_or_after(ordinal), DAYS.on_or_before(ordinal)
    assert is_working_day(date.fromordinal(after)) and is_working_day(date.fromordinal(before))
    assert before <= ordinal <= after
    assert all(not is_working_day(date.fromordinal(d)) for d in range(before + 1, after))


def test_a_day_outside_the_calendar_is_refused_rather_than_guessed():
    with pytest.raises(ValueError, match="outside the precomputed calendar"):
        DAYS.is_working_day(date(2011, 12, 31).toordinal())


def test_the_one_off_bank_holidays_are_not_working_days():
    # RULES.md: 2 and 3 June 2022, 19 September 2022 (and Good Friday, Christmas Day).
    for day in (date(2022, 6, 2), date(2022, 6, 3), date(2022, 9, 19), date(2016, 3, 25)):
        assert not DAYS.is_working_day(day.toordinal())


@settings(max_examples=300)
@given(
    day=some_day,
    minute=st.integers(min_value=6 * 60, max_value=24 * 60 - 1),
    hours=st.sampled_from([4, 24, 72]),
)
def test_a_rag_clock_runs_out_when_the_calendars_working_hours_do(day, minute, hours):
    # Times from 06:00, as the generator makes them (the clocks change at 01:00 or 02:00).
    received = datetime.combine(day, time(minute // 60, minute % 60), tzinfo=LONDON)
    clock = DAYS.clock(day.toordinal(), minute)
    deadline = utc_datetime(DAYS.utc_microseconds(*DAYS.instant(clock + hours * 60)))
    assert deadline == add_working_hours(received, hours).astimezone(UTC)
    assert utc_datetime(DAYS.utc_microseconds(day.toordinal(), minute)) == received.astimezone(UTC)

"""Working days counted in SQL (the engine's calendar table) agree with the project's calendar.

The engine counts with a table of days and the working days up to each (built from
safeguard.core.calendar), so a count is a difference of two rows. These tests compare it with
`working_days_between` for random pairs of dates, under both counting conventions, on DuckDB.
"""

from datetime import date, timedelta

import ibis
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safeguard.core.calendar import Convention, working_days_between
from safeguard.measures import engine
from safeguard.measures.catalogue import Context

FIRST, LAST = date(2011, 1, 1), date(2025, 12, 31)
CALENDAR = ibis.memtable(engine.calendar_table(FIRST - timedelta(days=1), LAST))
DUCKDB = ibis.duckdb.connect()

some_day = st.dates(min_value=FIRST, max_value=LAST)
pairs = st.lists(st.tuples(some_day, some_day), min_size=1, max_size=40)
# Mostly short spans (as between a referral and its assessment), sometimes years.
near_pairs = st.lists(
    st.tuples(some_day, st.integers(min_value=-5, max_value=120)).filter(
        lambda pair: pair[0] + timedelta(days=pair[1]) <= LAST
    ),
    min_size=1,
    max_size=40,
)


def counted_in_sql(spans: list[tuple[date, date]], convention: Convention) -> list[int]:
    table = ibis.memtable(
        pa.table(
            {
                "n": list(range(len(spans))),
                "start": pa.array([s for s, _ in spans], pa.date32()),
                "end": pa.array([e for _, e in spans], pa.date32()),
            }
        )
    )
    context = Context({}, years=None, calendar=CALENDAR, convention=convention)
    counted = context.working_days(table, "start", "end", "working_days").order_by("n")
    return DUCKDB.to_pyarrow(counted).column("working_days").to_pylist()


@pytest.mark.parametrize("convention", list(Convention))
@settings(max_examples=40, deadline=None)
@given(spans=pairs)
def test_sql_counts_equal_the_calendars_for_any_two_dates(convention, spans):
    expected = [working_days_between(start, end, convention) for start, end in spans]
    assert counted_in_sql(spans, convention) == expected


@pytest.mark.parametrize("convention", list(Convention))
@settings(max_examples=40, deadline=None)
@given(near=near_pairs)
def test_sql_counts_equal_the_calendars_for_nearby_dates(convention, near):
    spans = [(start, start + timedelta(days=days)) for start, days in near]
    expected = [working_days_between(start, end, convention) for start, end in spans]
    assert counted_in_sql(spans, convention) == expected


@pytest.mark.parametrize(
    ("start", "end", "day_0", "day_1"),
    [
        # Fri 22 Dec 2017 to Wed 27 Dec: 25 and 26 Dec are bank holidays; 27 Dec counts.
        (date(2017, 12, 22), date(2017, 12, 27), 1, 2),
        # A Saturday start: day 0 and day 1 agree (the first working day after is day 1).
        (date(2016, 4, 2), date(2016, 4, 8), 5, 5),
        # The same day: 0, or 1 when the day is a working day and counts as day 1.
        (date(2016, 4, 4), date(2016, 4, 4), 0, 1),
        # The one-off bank holiday of 8 May 2020 (VE Day, moved from 4 May).
        (date(2020, 5, 7), date(2020, 5, 11), 1, 2),
    ],
)
def test_boundaries_by_hand(start, end, day_0, day_1):
    assert counted_in_sql([(start, end)], Convention.START_IS_DAY_0) == [day_0]
    assert counted_in_sql([(start, end)], Convention.START_IS_DAY_1) == [day_1]

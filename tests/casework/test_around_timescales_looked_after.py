"""Looked-after reviews and visits (RULES.md; Care Planning, Placement and Case Review (England)
Regulations 2010, regs 28 and 33), worked through real records.

Every expected date was counted by hand against the GOV.UK list of bank holidays in England and
Wales (Christmas Day and Boxing Day 2023, New Year's Day 2024, Good Friday 29 March 2024, Easter
Monday 1 April 2024), the start day being day 0 (the project's convention). Reviews count working
days, then calendar months; visits count calendar days and weeks, so bank holidays do not move
them.
"""

from datetime import date

import pytest
from factories import ChildFactory, UserFactory
from hypothesis import given
from hypothesis import strategies as st
from test_around_records import looked_after

from safeguard.casework import services, services_looked_after, timescales_around
from safeguard.casework.services_looked_after import Placement
from safeguard.core.calendar import add_months, is_working_day, working_days_between


@pytest.fixture
def worker(db):
    return UserFactory(role="social_worker")


@pytest.fixture
def child(db):
    return ChildFactory(date_of_birth=date(2012, 6, 1))


def visit(child, on, by, *, seen=True):
    services.record_visit(child, visited_on=on, seen=seen, seen_alone=False, notes="", by=by)


def due(child):
    return services_looked_after.timescales_for(services_looked_after.open_episode(child))


# Reviews ---------------------------------------------------------------------------------------


def test_the_first_review_is_due_20_working_days_after_care_began_across_christmas(child, worker):
    looked_after(child, on=date(2023, 12, 18), by=worker)
    # From Monday 18 December 2023: 19-22 Dec (1-4), Christmas and Boxing Day skipped, 27-29 Dec
    # (5-7), New Year's Day skipped, 2-5 Jan (8-11), 8-12 Jan (12-16), 15-18 Jan (17-20).
    assert due(child).review_due == date(2024, 1, 18)


def test_the_first_review_is_due_20_working_days_after_care_began_across_easter(child, worker):
    looked_after(child, on=date(2024, 3, 20), by=worker)
    # From Wednesday 20 March 2024: 21-22 Mar (1-2), 25-28 Mar (3-6), Good Friday and Easter
    # Monday skipped, 2-5 Apr (7-10), 8-12 Apr (11-15), 15-19 Apr (16-20).
    assert due(child).review_due == date(2024, 4, 19)


def test_counting_the_first_day_as_day_1_brings_the_first_review_a_working_day_forward(
    child, worker, settings
):
    settings.SAFEGUARD_WORKING_DAY_CONVENTION = "start_is_day_1"
    looked_after(child, on=date(2023, 12, 18), by=worker)
    # Monday 18 December is a working day, so it is day 1, and day 20 is the day before.
    assert due(child).review_due == date(2024, 1, 17)


def test_the_second_review_is_due_3_months_after_the_first(child, worker):
    looked_after(child, on=date(2023, 12, 18), by=worker)
    services_looked_after.record_care_review(
        child, held_on=date(2024, 1, 17), participation="PN1", chair=worker
    )
    assert due(child).review_due == date(2024, 4, 17)


def test_later_reviews_are_due_6_months_after_the_last_even_from_a_month_end(child, worker):
    looked_after(child, on=date(2023, 12, 18), by=worker)
    for held in (date(2024, 1, 17), date(2024, 4, 10), date(2024, 8, 31)):
        services_looked_after.record_care_review(
            child, held_on=held, participation="PN1", chair=worker
        )
    # 31 August + 6 months: February 2025 has no 31st, so its last day.
    assert due(child).review_due == date(2025, 2, 28)


def test_reviews_of_an_earlier_period_of_care_do_not_count_for_a_new_one(child, worker):
    looked_after(child, on=date(2023, 1, 9), by=worker)
    services_looked_after.record_care_review(
        child, held_on=date(2023, 2, 1), participation="PN1", chair=worker
    )
    episode = services_looked_after.open_episode(child)
    services_looked_after.cease_care(
        episode, version=episode.version, on=date(2023, 6, 1), reason="E4A"
    )
    looked_after(child, on=date(2024, 3, 20), by=worker)
    assert due(child).review_due == date(2024, 4, 19)


@given(st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)))
def test_a_first_review_always_falls_on_the_20th_working_day(start):
    review = timescales_around.care_review_due(start, [])
    assert is_working_day(review)
    assert working_days_between(start, review) == 20


# Visits ----------------------------------------------------------------------------------------


def test_the_first_visit_is_due_a_week_after_placement_even_on_good_friday(child, worker):
    looked_after(child, on=date(2024, 3, 22), by=worker)
    assert due(child).visit_due == date(2024, 3, 29)


def test_visits_in_the_first_year_are_due_6_weeks_after_the_last_across_easter(child, worker):
    looked_after(child, on=date(2024, 3, 20), by=worker)
    visit(child, date(2024, 3, 27), worker)
    # 27 March + 42 days: 4 to 31 March, 30 in April, 8 in May.
    assert due(child).visit_due == date(2024, 5, 8)


def test_a_visit_where_the_child_was_not_seen_does_not_count(child, worker):
    looked_after(child, on=date(2024, 3, 20), by=worker)
    visit(child, date(2024, 3, 25), worker, seen=False)
    assert due(child).visit_due == date(2024, 3, 27)


def test_a_long_term_placement_after_its_first_year_is_visited_every_3_months(child, worker):
    looked_after(child, on=date(2023, 2, 1), by=worker, placement=Placement("U4", "PR1"))
    visit(child, date(2024, 2, 5), worker)
    assert due(child).visit_due == date(2024, 5, 5)


def test_a_long_term_placement_in_its_first_year_is_still_visited_every_6_weeks(child, worker):
    looked_after(child, on=date(2023, 2, 1), by=worker, placement=Placement("U4", "PR1"))
    visit(child, date(2024, 1, 25), worker)
    # 25 January 2024 + 42 days: 31 to 25 February, 4 to 29 February (a leap year), 7 in March.
    assert due(child).visit_due == date(2024, 3, 7)


def test_any_other_placement_after_its_first_year_is_still_visited_every_6_weeks(child, worker):
    looked_after(child, on=date(2023, 2, 1), by=worker)
    visit(child, date(2024, 2, 5), worker)
    # 5 February 2024 + 42 days: 24 to 29 February, 18 in March.
    assert due(child).visit_due == date(2024, 3, 18)


def test_a_new_placement_needs_a_visit_within_a_week_but_a_new_legal_status_does_not(child, worker):
    looked_after(child, on=date(2024, 1, 8), by=worker)
    visit(child, date(2024, 1, 12), worker)
    episode = services_looked_after.open_episode(child)
    services_looked_after.change_care(
        episode,
        version=episode.version,
        on=date(2024, 2, 1),
        reason_new="L",
        legal_status="C1",
        category_of_need="N1",
        placement=None,
        by=worker,
    )
    # Same placement since 8 January: 12 January + 42 days.
    assert due(child).placed_on == date(2024, 1, 8)
    assert due(child).visit_due == date(2024, 2, 23)
    episode = services_looked_after.open_episode(child)
    services_looked_after.change_care(
        episode,
        version=episode.version,
        on=date(2024, 2, 9),
        reason_new="P",
        legal_status="",
        category_of_need="N1",
        placement=Placement("K2", "PR4", "Oak House"),
        reason_place_change="CREQB",
        by=worker,
    )
    assert due(child).placed_on == date(2024, 2, 9)
    assert due(child).visit_due == date(2024, 2, 16)
    assert due(child).looked_after_since == date(2024, 1, 8)


@given(
    placed=st.dates(min_value=date(2020, 1, 1), max_value=date(2025, 12, 31)),
    days_later=st.integers(min_value=0, max_value=800),
    long_term=st.booleans(),
)
def test_the_next_visit_is_never_more_than_3_months_after_the_last(placed, days_later, long_term):
    last = date.fromordinal(placed.toordinal() + days_later)
    next_visit = timescales_around.care_visit_due(placed, [last], long_term=long_term)
    assert last < next_visit <= add_months(last, 3)

"""Reporting years, and a quarter's rating edited by two people at once."""

from datetime import date

import pytest
from board_records import business_manager
from hypothesis import given
from hypothesis import strategies as st

from safeguard.board import services_plan, years
from safeguard.board.rules import BoardError
from safeguard.core.models import StaleEdit


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))
def test_every_day_falls_in_the_reporting_year_named_for_it(day):
    span = years.period(years.year_of(day))
    assert span.start <= day <= span.end
    assert span.start.month == 4 and span.start.day == 1


def test_2016_17_runs_from_1_april_2016_to_31_march_2017():
    span = years.period("2016-17")
    assert (span.start, span.end) == (date(2016, 4, 1), date(2017, 3, 31))
    assert years.year_of(date(2017, 3, 31)) == "2016-17"
    assert years.year_of(date(2017, 4, 1)) == "2017-18"
    assert years.quarter_of(date(2017, 1, 15)) == 4


@pytest.mark.parametrize("text", ["2016-18", "2016/17", "16-17", "2016-17 ", "", "1999-00x"])
def test_other_spellings_are_not_reporting_years(text):
    assert not years.is_reporting_year(text)


def test_the_turn_of_the_century_is_a_reporting_year():
    assert years.is_reporting_year("1999-00")


@pytest.mark.django_db
def test_a_rating_someone_else_changed_is_not_overwritten():
    manager = business_manager()
    priority = services_plan.add_priority(
        services_plan.create_plan(year="2016-17"), title="Neglect"
    )
    first = services_plan.rate_quarter(
        priority, quarter=1, rag="amber", narrative="Behind", by=manager
    )
    services_plan.rate_quarter(
        priority, quarter=1, rag="green", narrative="Caught up", by=manager, version=first.version
    )
    with pytest.raises(StaleEdit):
        services_plan.rate_quarter(
            priority, quarter=1, rag="red", narrative="Late", by=manager, version=first.version
        )
    with pytest.raises(StaleEdit):  # saw no rating, but someone has rated it since
        services_plan.rate_quarter(priority, quarter=1, rag="red", narrative="Late", by=manager)
    first.refresh_from_db()
    assert (first.rag, first.narrative, first.history.count()) == ("green", "Caught up", 2)


@pytest.mark.django_db
def test_a_rating_needs_a_narrative():
    manager = business_manager()
    priority = services_plan.add_priority(
        services_plan.create_plan(year="2016-17"), title="Neglect"
    )
    with pytest.raises(BoardError) as refused:
        services_plan.rate_quarter(priority, quarter=2, rag="red", narrative=" ", by=manager)
    assert [p.message for p in refused.value.problems] == [
        "Enter a short narrative of the quarter's progress"
    ]

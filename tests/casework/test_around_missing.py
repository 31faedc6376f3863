"""Missing episodes and return home interviews (RULES.md: offered and held within 72 hours of the
child's return, by someone independent; a decision not to hold one records why)."""

from datetime import date, datetime, timedelta

import pytest
from factories import ChildFactory, UserFactory
from test_around_records import LONDON, at, looked_after

from safeguard.casework import services_missing as services
from safeguard.casework.models import MissingEpisode, ReturnHomeInterview
from safeguard.casework.rules import PathwayError


@pytest.fixture
def worker(db):
    return UserFactory(role="social_worker")


@pytest.fixture
def child(db):
    return ChildFactory(first_name="Kai", date_of_birth=date(2009, 3, 3))


def went_missing(child, by, started_at, **answers) -> MissingEpisode:
    return services.record_missing(
        child, kind=answers.pop("kind", "M"), started_at=started_at, reported_by="Mother", by=by
    )


def came_back(episode, returned_at) -> MissingEpisode:
    return services.record_return(
        episode, version=episode.version, returned_at=returned_at, where_found="A friend's flat"
    )


def held(episode, by, held_at, **answers) -> ReturnHomeInterview:
    defaults = {
        "outcome": "held",
        "offered_on": None,
        "held_at": held_at,
        "interviewer": "Sam Lee",
        "interviewer_agency": "Marcher Youth Service",
        "independent": True,
    }
    return services.record_return_interview(episode, by=by, **(defaults | answers))


def back_on(child, by, returned_at) -> MissingEpisode:
    return came_back(went_missing(child, by, returned_at - timedelta(hours=20)), returned_at)


def test_the_interview_is_due_72_clock_hours_after_the_return_across_the_clocks_going_forward(
    child, worker
):
    # Back at noon GMT on Saturday 30 March 2024; the clocks go forward that night, so 72 hours
    # later is 13:00 British Summer Time on Tuesday 2 April (Easter Monday counts like any day).
    episode = back_on(child, worker, at(date(2024, 3, 30), 12))
    assert services.interview_due(episode) == datetime(2024, 4, 2, 13, tzinfo=LONDON)


def test_an_interview_at_72_hours_is_on_time_and_a_minute_later_needs_a_reason(worker, db):
    on_time, late = ChildFactory(), ChildFactory()
    returned = at(date(2024, 4, 5), 18, 30)  # Friday evening: due 18:30 on Monday 8 April
    first = held(back_on(on_time, worker, returned), worker, at(date(2024, 4, 8), 18, 30))
    assert services.held_on_time(first)
    second = back_on(late, worker, returned)
    with pytest.raises(PathwayError, match=r"more than 72 hours .* enter why it was late"):
        held(second, worker, at(date(2024, 4, 8), 18, 31))
    interview = held(
        second, worker, at(date(2024, 4, 8), 18, 31), late_reason="The child was at college"
    )
    assert not services.held_on_time(interview)


def test_an_interview_by_someone_not_independent_of_the_placement_is_refused(child, worker):
    episode = back_on(child, worker, at(date(2024, 4, 5), 18))
    with pytest.raises(PathwayError, match="independent of the child's home or placement"):
        held(episode, worker, at(date(2024, 4, 6), 10), independent=False)
    assert not ReturnHomeInterview.objects.exists()


def test_a_declined_interview_records_when_it_was_offered_and_why(child, worker):
    episode = back_on(child, worker, at(date(2024, 4, 5), 18))
    with pytest.raises(PathwayError) as refused:
        services.record_return_interview(episode, outcome="declined", offered_on=None, by=worker)
    assert [p.message for p in refused.value.problems] == [
        "Enter the date the interview was offered",
        "Enter why the interview was not held",
    ]
    interview = services.record_return_interview(
        episode,
        outcome="declined",
        offered_on=date(2024, 4, 6),
        reason="Kai did not want to talk to anyone",
        by=worker,
    )
    assert (interview.held_at, interview.interviewer) == (None, "")


def test_there_is_no_interview_before_the_child_is_back_and_only_one_after(child, worker):
    episode = went_missing(child, worker, at(date(2024, 4, 5), 9))
    with pytest.raises(PathwayError, match="Record the child's return before the interview"):
        held(episode, worker, at(date(2024, 4, 6), 10))
    came_back(episode, at(date(2024, 4, 5), 22))
    held(episode, worker, at(date(2024, 4, 6), 10))
    with pytest.raises(PathwayError, match="already recorded"):
        held(episode, worker, at(date(2024, 4, 7), 10))


def test_a_child_cannot_go_missing_again_before_coming_back(child, worker):
    first = went_missing(child, worker, at(date(2024, 4, 5), 9))
    with pytest.raises(PathwayError, match=r"Kai .* is already missing"):
        went_missing(child, worker, at(date(2024, 4, 6), 9))
    came_back(first, at(date(2024, 4, 7), 9))
    with pytest.raises(PathwayError, match="came back from the last episode 7 April 2024"):
        went_missing(child, worker, at(date(2024, 4, 6), 9))


def test_only_a_child_looked_after_can_be_away_from_placement(child, worker):
    with pytest.raises(PathwayError, match="Only a child looked after can be away"):
        went_missing(child, worker, at(date(2024, 4, 5), 9), kind="A")
    looked_after(child, on=date(2024, 3, 1), by=worker)
    assert went_missing(child, worker, at(date(2024, 4, 5), 9), kind="A").kind == "A"


def test_the_returns_dates_are_the_days_in_england_of_the_start_and_the_end(child, worker):
    # 23:30 on a summer evening is 22:30 UTC the same day; 00:30 the next morning is still the
    # next day in England though 23:30 UTC the day before.
    episode = went_missing(child, worker, at(date(2024, 6, 1), 23, 30))
    came_back(episode, at(date(2024, 6, 2), 0, 30))
    assert (episode.started_on, episode.returned_on) == (date(2024, 6, 1), date(2024, 6, 2))


@pytest.mark.parametrize(
    ("third_start", "repeat"),
    [
        # 1 January 2024 + 89 days is 30 March (a leap year): three starts in 90 days.
        (date(2024, 3, 30), True),
        (date(2024, 3, 31), False),
    ],
)
def test_three_episodes_starting_within_90_days_make_a_child_missing_repeatedly(
    child, worker, third_start, repeat
):
    for start in (date(2024, 1, 1), date(2024, 2, 15), third_start):
        back_on(child, worker, at(start, 20))
    assert services.repeat_missing_since(child, third_start) is repeat

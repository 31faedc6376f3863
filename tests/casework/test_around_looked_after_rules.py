"""Episodes of care follow the SSDA903's shape: a period starts (S), each change ends the open
episode with X1 and starts the next the same day, and the period ends with a reason."""

from datetime import date

import pytest
from factories import ChildFactory, UserFactory
from test_around_records import looked_after

from safeguard.casework import services_looked_after as services
from safeguard.casework.models import CareEpisode
from safeguard.casework.rules import PathwayError
from safeguard.casework.services_looked_after import Placement
from safeguard.core.models import StaleEdit


@pytest.fixture
def worker(db):
    return UserFactory(role="social_worker")


@pytest.fixture
def child(db):
    return ChildFactory(first_name="Mia", date_of_birth=date(2012, 6, 1))


def messages(error: PathwayError) -> list[str]:
    return [p.message for p in error.problems]


def change(child, by, **answers):
    episode = services.open_episode(child)
    defaults = {
        "episode": episode,
        "version": episode.version,
        "on": date(2024, 2, 1),
        "reason_new": "P",
        "legal_status": "",
        "category_of_need": "N1",
        "placement": Placement("K2", "PR4", "Oak House", "HR6 8AA"),
        "reason_place_change": "CARPL",
    }
    answers = defaults | answers
    return services.change_care(answers.pop("episode"), by=by, **answers)


def test_a_change_of_placement_ends_the_episode_with_its_reason_and_begins_the_next(child, worker):
    first = looked_after(child, on=date(2024, 1, 8), by=worker)
    second = change(child, worker)
    first.refresh_from_db()
    assert (first.ended_on, first.reason_ceased, first.reason_place_change) == (
        date(2024, 2, 1),
        "X1",
        "CARPL",
    )
    assert (second.started_on, second.reason_new, second.legal_status) == (
        date(2024, 2, 1),
        "P",
        "C2",  # a change of placement only keeps the legal status
    )
    assert (second.placement_type, second.placement_postcode) == ("K2", "HR6 8AA")


def test_a_change_of_legal_status_only_keeps_the_placement(child, worker):
    looked_after(child, on=date(2024, 1, 8), by=worker)
    second = change(child, worker, reason_new="L", legal_status="E1", placement=None)
    assert (second.legal_status, second.placement_type, second.provider_name) == (
        "E1",
        "U6",
        "Mr and Mrs Evans",
    )
    assert CareEpisode.objects.get(child=child, reason_new="S").reason_place_change == ""


def test_a_change_of_legal_status_must_name_a_different_one(child, worker):
    looked_after(child, on=date(2024, 1, 8), by=worker)
    with pytest.raises(PathwayError) as refused:
        change(child, worker, reason_new="L", legal_status="C2", placement=None)
    assert messages(refused.value) == [
        "Select the new legal status, or say only the placement moved"
    ]


def test_a_change_of_placement_needs_the_new_placement_and_why(child, worker):
    looked_after(child, on=date(2024, 1, 8), by=worker)
    with pytest.raises(PathwayError) as refused:
        change(child, worker, placement=None, reason_place_change="")
    assert messages(refused.value) == [
        "Select the type of placement",
        "Select the reason the placement changed",
    ]
    assert CareEpisode.objects.filter(child=child).count() == 1


def test_a_child_already_looked_after_cannot_start_again(child, worker):
    looked_after(child, on=date(2024, 1, 8), by=worker)
    with pytest.raises(PathwayError, match=r"Mia .* is already looked after"):
        looked_after(child, on=date(2024, 2, 8), by=worker)


def test_a_new_period_cannot_begin_before_the_last_one_ended(child, worker):
    looked_after(child, on=date(2023, 1, 9), by=worker)
    episode = services.open_episode(child)
    services.cease_care(episode, version=episode.version, on=date(2023, 6, 1), reason="E4A")
    with pytest.raises(PathwayError, match="cannot be before the last period's end"):
        looked_after(child, on=date(2023, 5, 1), by=worker)


def test_care_cannot_end_with_a_new_episode_the_same_day(child, worker):
    looked_after(child, on=date(2024, 1, 8), by=worker)
    episode = services.open_episode(child)
    with pytest.raises(PathwayError, match="Select why the child stopped being looked after"):
        services.cease_care(episode, version=episode.version, on=date(2024, 3, 1), reason="X1")


def test_a_change_made_from_an_old_copy_is_refused(child, worker):
    first = looked_after(child, on=date(2024, 1, 8), by=worker)
    change(child, worker)
    # Someone who opened the page before that change still has the first episode on screen.
    with pytest.raises(StaleEdit):
        change(child, worker, episode=first, version=first.version, on=date(2024, 3, 1))
    assert CareEpisode.objects.filter(child=child).count() == 2


def test_a_review_needs_the_child_to_be_looked_after_that_day(child, worker):
    looked_after(child, on=date(2024, 1, 8), by=worker)
    with pytest.raises(PathwayError, match="was not looked after on that date"):
        services.record_care_review(
            child, held_on=date(2024, 1, 5), participation="PN1", chair=worker
        )


def test_a_review_code_of_under_4_is_only_for_a_child_under_4(worker, db):
    older = ChildFactory(date_of_birth=date(2015, 1, 1))
    baby = ChildFactory(first_name="Noah", date_of_birth=date(2023, 1, 1))
    for child in (older, baby):
        looked_after(child, on=date(2024, 1, 8), by=worker)
    with pytest.raises(PathwayError, match="‘Under 4’ is for a child aged under 4"):
        services.record_care_review(
            older, held_on=date(2024, 2, 1), participation="PN0", chair=worker
        )
    with pytest.raises(PathwayError, match="Noah was under 4 at the review"):
        services.record_care_review(
            baby, held_on=date(2024, 2, 1), participation="PN1", chair=worker
        )
    review = services.record_care_review(
        baby, held_on=date(2024, 2, 1), participation="PN0", chair=worker
    )
    assert review.episode == services.open_episode(baby)


def test_the_period_of_care_began_with_its_first_episode_however_many_changes_follow(child, worker):
    looked_after(child, on=date(2024, 1, 8), by=worker)
    change(child, worker)
    change(child, worker, on=date(2024, 3, 1), reason_new="L", legal_status="E1", placement=None)
    episode = services.open_episode(child)
    assert services.looked_after_since(episode) == date(2024, 1, 8)
    assert services.placed_on(episode) == date(2024, 2, 1)

"""Early help episodes started and stepped up, worked out by hand."""

from datetime import date

import pytest
from engine_rows import LA, all_figures, dataset


def episode(episode_id: str, started: date, ended: date | None = None, outcome: str | None = None):
    return {
        "la": LA,
        "child_id": f"child-{episode_id}",
        "episode_id": episode_id,
        "start_date": started,
        "end_date": ended,
        "outcome": outcome,
    }


@pytest.fixture(scope="module")
def early_help():
    return all_figures(
        dataset(
            early_help=[
                episode("e1", date(2016, 4, 1)),
                episode("e2", date(2016, 10, 10), date(2017, 2, 1), "stepped_up"),
                episode("e3", date(2015, 11, 1), date(2016, 6, 1), "needs_met"),
                episode("e4", date(2017, 4, 1)),
                episode("e5", date(2016, 5, 1), date(2016, 9, 1), "stepped_up"),
                episode("e6", date(2016, 1, 1), date(2017, 4, 2), "stepped_up"),
            ]
        )
    )


def test_early_help_episodes_started_in_the_year(early_help):
    # e1 (on the year's first day), e2, e5 = 3.
    assert early_help["early_help_started"] == (3, None, 3)


def test_stepped_up_is_a_share_of_the_episodes_ending_in_the_year(early_help):
    # Ending in the year: e2, e3, e5 = 3 (e6 ends next year); stepped up: e2 and e5 = 2 of 3.
    assert early_help["early_help_stepped_up_pct"] == (2, 3, 200 / 3)

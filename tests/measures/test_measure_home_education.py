"""Children educated at home, and those known to social care, worked out by hand."""

from datetime import date

import pytest
from engine_rows import LA, all_figures, dataset, plan, referral


def registered(child_id: str, started: date, ended: date | None = None) -> dict:
    return {"la": LA, "child_id": child_id, "start_date": started, "end_date": ended}


@pytest.fixture(scope="module")
def home_education():
    return all_figures(
        dataset(
            home_education=[
                registered("h1", date(2016, 9, 1)),
                registered("h2", date(2015, 1, 1), date(2017, 3, 31)),  # off the register that day
                registered("h3", date(2017, 1, 1)),
                registered("h4", date(2016, 4, 1)),
                registered("h5", date(2017, 4, 1)),  # joins next year
            ],
            referrals=[
                referral("h1", date(2016, 10, 3)),  # open at 31 March
                referral("h2", date(2016, 10, 3)),  # open, but h2 is off the register
                referral("h3", date(2016, 12, 1), closed=date(2017, 2, 1), reason="RC7"),
                referral("h4", date(2014, 6, 2)),  # open since 2014
            ],
            cp_plans=[
                plan("h1", date(2016, 11, 1)),
                plan("h3", date(2017, 1, 9), date(2017, 2, 1)),
            ],
        )
    )


def test_children_on_the_register_at_31_march(home_education):
    # h1, h3, h4 = 3.
    assert home_education["home_education_register"] == (3, None, 3)


def test_known_to_social_care_means_an_open_episode_at_31_march(home_education):
    # h1 and h4 (h3's closed in February): 2 of 3.
    assert home_education["home_education_known_pct"] == (2, 3, 200 / 3)


def test_on_a_plan_means_a_plan_open_at_31_march(home_education):
    # h1 (h3's plan ended in February): 1 of 3.
    assert home_education["home_education_cpp_pct"] == (1, 3, 100 / 3)

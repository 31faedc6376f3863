"""Children looked after at 31 March, and those who went missing, worked out by hand."""

from datetime import date

import pytest
from engine_rows import all_figures, care, dataset, missing


@pytest.fixture(scope="module")
def looked_after():
    return all_figures(
        dataset(
            cla_episodes=[
                care("l1", date(2016, 1, 1)),  # looked after all year and at 31 March
                care("l2", date(2016, 5, 1), date(2017, 3, 31)),  # left on 31 March
                care("l3", date(2015, 1, 1), date(2016, 4, 1)),  # left on the year's first day
                care("l4", date(2017, 4, 1)),  # the next year
                # A change of placement: two episodes, one child.
                care("l5", date(2016, 6, 1), date(2016, 9, 1)),
                care("l5", date(2016, 9, 1)),
                care("l6", date(2015, 6, 1), date(2016, 3, 31)),  # left the year before
            ],
            missing_episodes=[
                missing("l1", date(2016, 3, 20), date(2016, 4, 2)),  # went missing last year
                missing("l2", date(2016, 7, 1), date(2016, 7, 2)),
                missing("l3", date(2016, 6, 1), date(2016, 6, 1), kind="A"),  # away, not missing
                missing("l5", date(2016, 10, 1), date(2016, 10, 1)),
                missing("l5", date(2016, 11, 1), date(2016, 11, 2)),
                missing("l6", date(2016, 5, 1), date(2016, 5, 3)),  # no longer looked after
            ],
        )
    )


def test_children_looked_after_at_31_march_are_counted_once_each(looked_after):
    # l1 and l5 (once, though two episodes): 2 per 10,000.
    assert looked_after["cla_rate"] == (2, 10_000, 2.0)


def test_looked_after_children_who_went_missing_count_missing_not_away(looked_after):
    # Looked after in the year: l1, l2, l3, l5 = 4. Missing starting in the year: l2 and l5 (l1's
    # began the year before, l3 was away, l6 was not looked after in the year): 2 of 4.
    assert looked_after["cla_missing_pct"] == (2, 4, 50.0)

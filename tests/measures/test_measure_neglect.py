"""Plans whose category changed, worked out by hand (neglect's share of plans at 31 March is in
test_measure_journey.py)."""

from datetime import date

from engine_rows import all_figures, dataset, plan


def test_category_changes_are_counted_over_the_plans_ending_in_the_year():
    found = all_figures(
        dataset(
            cp_plans=[
                plan("n1", date(2016, 1, 4), date(2016, 8, 1), category="NEG"),  # unchanged
                plan("n2", date(2016, 5, 2), date(2017, 3, 31), category="NEG", latest="EMO"),
                plan("n3", date(2015, 9, 1), date(2016, 4, 1), category="PHY", latest="NEG"),
                plan("n4", date(2016, 6, 1), category="NEG", latest="MUL"),  # still open
                plan("n5", date(2016, 6, 1), date(2017, 4, 1), category="EMO"),  # ends next year
            ]
        )
    )
    # Ending in the year: n1, n2 (on 31 March), n3 (on 1 April) = 3; changed: n2 and n3 = 2 of 3.
    numerator, denominator, value = found["cpp_category_change_pct"]
    assert (numerator, denominator) == (2, 3)
    assert value == 200 / 3

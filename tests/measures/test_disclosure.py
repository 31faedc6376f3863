"""Disclosure control on single figures and on breakdowns, case by case (worked by hand)."""

import pytest

from safeguard.measures.disclosure import (
    SUPPRESSED,
    ProtectedFigure,
    protect_breakdown,
    protect_figure,
)


def test_a_rate_on_a_count_of_3_is_suppressed_and_its_population_is_not():
    # 3 plans in 34,913 children: the count and the rate built on it are "c".
    assert protect_figure(3, 34_913, 0.86) == ProtectedFigure(SUPPRESSED, 34_913, SUPPRESSED, True)


def test_a_percentage_of_a_small_denominator_is_suppressed():
    # 0 of 4 plans lasting two years: 0 is shown, the 4 and the 0% built on it are not.
    assert protect_figure(0, 4, 0.0) == ProtectedFigure(0, SUPPRESSED, SUPPRESSED, True)


def test_zero_and_six_are_published():
    assert protect_figure(0, 200, 0.0) == ProtectedFigure(0, 200, 0.0, False)
    assert protect_figure(6, 200, 3.0) == ProtectedFigure(6, 200, 3.0, False)


def test_a_count_measure_whose_value_is_small_is_suppressed():
    assert protect_figure(None, None, 4, value_is_count=True).value == SUPPRESSED
    assert protect_figure(None, None, 4).value == 4  # a median of 4 working days is not a count


def test_figures_about_staff_are_published_as_they_are():
    assert protect_figure(2, 10, 20.0, rule="none") == ProtectedFigure(2, 10, 20.0, False)


def test_an_unknown_rule_is_refused():
    with pytest.raises(ValueError, match="No disclosure rule 'round'"):
        protect_figure(1, 2, 50.0, rule="round")


def test_one_small_cell_takes_the_next_smallest_with_it():
    # Referrals by agency: police 40, health 3, schools 12, total 55. Alone, health's 3 would be
    # 55 - 40 - 12; so schools' 12, the next smallest, goes too (3 + 12 = 15, either could be 1-14).
    shown = protect_breakdown({"police": 40, "health": 3, "schools": 12})
    assert [cell.count for cell in shown.cells] == [40, SUPPRESSED, SUPPRESSED]
    assert shown.total == 55
    assert shown.suppressed == {"health", "schools"}


def test_two_small_cells_are_enough_when_they_are_not_both_1():
    shown = protect_breakdown({"neglect": 50, "physical": 2, "sexual": 3})
    assert [cell.count for cell in shown.cells] == [50, SUPPRESSED, SUPPRESSED]


def test_two_cells_of_1_would_be_given_away_so_a_third_goes():
    # 52 - 50 = 2 over two suppressed cells, each at least 1: both must be 1. So 50 goes too.
    shown = protect_breakdown({"neglect": 50, "physical": 1, "sexual": 1})
    assert [cell.count for cell in shown.cells] == [SUPPRESSED] * 3
    assert shown.total == 52


def test_zero_cells_are_shown_and_never_chosen_to_hide_another():
    # Only the 4 is not zero and nothing else can hide it: the total goes instead.
    shown = protect_breakdown({"a": 0, "b": 4, "c": 0, "d": 0}, total=4)
    assert [cell.count for cell in shown.cells] == [0, SUPPRESSED, 0, 0]
    assert shown.total == SUPPRESSED
    assert [cell.share for cell in shown.cells] == [0.0, SUPPRESSED, 0.0, 0.0]


def test_a_small_total_is_suppressed():
    assert protect_breakdown({"a": 3, "b": 0}).total == SUPPRESSED


def test_the_shares_of_suppressed_cells_are_suppressed():
    # 30 and 3 of 33: the 3 is hidden, and the 30 with it (else 33 - 30 gives the 3 away).
    shown = protect_breakdown({"a": 30, "b": 3})
    assert [cell.count for cell in shown.cells] == [SUPPRESSED, SUPPRESSED]
    assert [cell.share for cell in shown.cells] == [SUPPRESSED, SUPPRESSED]
    assert shown.total == 33


def test_shares_of_published_cells_are_percentages_of_the_total():
    shown = protect_breakdown([("police", 30), ("health", 10)])
    assert [cell.share for cell in shown.cells] == [75.0, 25.0]


def test_cells_must_add_up_to_the_total():
    with pytest.raises(ValueError, match="add up to 40, not the total 41"):
        protect_breakdown({"police": 30, "health": 10}, total=41)

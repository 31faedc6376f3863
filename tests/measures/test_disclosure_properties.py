"""Disclosure control over many breakdowns and figures (hypothesis): nothing from 1 to 5 is ever
published, zero always is, and no suppressed cell can be worked out from the total."""

from hypothesis import given, settings
from hypothesis import strategies as st

from safeguard.measures.disclosure import SUPPRESSED, protect_breakdown, protect_figure

# Small counts (and ones, which pin each other down) much more often than chance would give them.
counts = st.one_of(st.integers(min_value=0, max_value=6), st.integers(min_value=0, max_value=40))
breakdowns = st.lists(counts, min_size=1, max_size=8)


def protect(cells: list[int]):
    return protect_breakdown([(f"cell {i}", count) for i, count in enumerate(cells)])


def possible_values(shown) -> range:
    """What a reader can say a suppressed cell is, from the published cells and total alone:
    every suppressed cell is at least 1 (zero is published), and together they make the total
    less the published cells."""
    hidden = [cell for cell in shown.cells if cell.count == SUPPRESSED]
    if shown.total == SUPPRESSED:
        return range(1, 10**9)
    remainder = shown.total - sum(c.count for c in shown.cells if c.count != SUPPRESSED)
    return range(1, remainder - (len(hidden) - 1) + 1)


@given(breakdowns)
def test_no_count_from_1_to_5_is_ever_published(cells):
    shown = protect(cells)
    published = [c.count for c in shown.cells if c.count != SUPPRESSED]
    if shown.total != SUPPRESSED:
        published.append(shown.total)
    assert not any(1 <= count <= 5 for count in published)


@given(breakdowns)
def test_zero_is_always_published(cells):
    shown = protect(cells)
    assert all(c.count == 0 for c, count in zip(shown.cells, cells, strict=True) if count == 0)


@given(breakdowns)
def test_published_cells_are_the_true_counts(cells):
    shown = protect(cells)
    for cell, count in zip(shown.cells, cells, strict=True):
        assert cell.count in (count, SUPPRESSED)


@settings(max_examples=500)
@given(breakdowns)
def test_no_suppressed_cell_can_be_recovered_by_subtraction(cells):
    shown = protect(cells)
    for i, cell in enumerate(shown.cells):
        if cell.count == SUPPRESSED:
            possible = possible_values(shown)
            assert cells[i] in possible
            assert len(possible) > 1, (cells, shown)


@given(breakdowns)
def test_shares_never_give_a_suppressed_cell_or_total_away(cells):
    shown = protect(cells)
    for cell in shown.cells:
        if cell.count == SUPPRESSED or (shown.total == SUPPRESSED and cell.count != 0):
            assert cell.share == SUPPRESSED


@given(counts, counts)
def test_a_figure_on_a_small_count_is_never_published(numerator, extra):
    denominator = numerator + extra
    value = 100 * numerator / denominator if denominator else None
    shown = protect_figure(numerator, denominator, value)
    small = 1 <= numerator <= 5 or 1 <= denominator <= 5
    assert shown.suppressed == small
    if small and value is not None:
        assert shown.value == SUPPRESSED
    for count in (shown.numerator, shown.denominator):
        assert count == SUPPRESSED or not 1 <= count <= 5

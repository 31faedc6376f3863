"""Disclosure control: the one rule every published figure follows (MEASURES.md).

The rule ("counts", the default of every measure about children):

1. A count of 1 to 5 children is not published. Zero is published: it identifies no one.
2. Nor is any percentage, rate or other figure built on such a count: when a figure's numerator
   or denominator is 1 to 5, its value is not published either.
3. Secondary suppression: in a breakdown published with its total (referrals by agency, plans by
   category), the suppressed cells must not be recoverable from the total by subtraction. Because
   zero is always published, a reader knows each suppressed cell is at least 1, so the cells are
   recoverable when only one is suppressed, or when the total less the published cells equals the
   number suppressed (they must all be 1). Then the next smallest non-zero cell is suppressed too,
   and so on; when no cell is left, the total is suppressed.

What is not published is shown "c", as the DfE prints it. Figures about staff and meetings, not
children, have the rule "none" and are shown as they are. Exact figures appear only on internal
screens for authorised staff; everything published (board papers, the annual report, aggregate
dashboards) goes through this module.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

SUPPRESSED = "c"
COUNTS = "counts"
NONE = "none"
RULES = (COUNTS, NONE)
LARGEST_SUPPRESSED = 5

Shown = float | str | None  # a number, "c", or None where there is no figure


def is_small(count: float | None) -> bool:
    """A count the rule suppresses: 1 to 5 (zero is published)."""
    return count is not None and 1 <= count <= LARGEST_SUPPRESSED


@dataclass(frozen=True)
class ProtectedFigure:
    numerator: Shown
    denominator: Shown
    value: Shown
    suppressed: bool


def protect_figure(
    numerator: float | None,
    denominator: float | None,
    value: float | None,
    *,
    value_is_count: bool = False,
    rule: str = COUNTS,
) -> ProtectedFigure:
    """A stored figure as it may be published. `value_is_count` for a measure whose value is
    itself a count of children (its unit is "count")."""
    _check(rule)
    if rule == NONE:
        return ProtectedFigure(numerator, denominator, value, suppressed=False)
    built_on_small = is_small(numerator) or is_small(denominator)
    hide_value = built_on_small or (value_is_count and is_small(value))
    return ProtectedFigure(
        numerator=SUPPRESSED if is_small(numerator) else numerator,
        denominator=SUPPRESSED if is_small(denominator) else denominator,
        value=SUPPRESSED if hide_value and value is not None else value,
        suppressed=hide_value,
    )


@dataclass(frozen=True)
class ProtectedCell:
    label: str
    count: int | str
    share: float | str | None  # percentage of the total; None when the total is 0


@dataclass(frozen=True)
class ProtectedBreakdown:
    cells: tuple[ProtectedCell, ...]
    total: int | str
    suppressed: frozenset[str]  # the labels of the suppressed cells

    def cell(self, label: str) -> ProtectedCell:
        return next(cell for cell in self.cells if cell.label == label)


def protect_breakdown(
    cells: Mapping[str, int] | Sequence[tuple[str, int]],
    total: int | None = None,
    *,
    rule: str = COUNTS,
) -> ProtectedBreakdown:
    """A breakdown of a total into cells (counts that add up to it) as it may be published, with
    primary and secondary suppression. `total` defaults to the sum of the cells."""
    _check(rule)
    pairs = list(cells.items()) if isinstance(cells, Mapping) else list(cells)
    counts = [count for _, count in pairs]
    if any(count < 0 or count != int(count) for count in counts):
        raise ValueError("A breakdown's cells are counts: whole numbers, 0 or more")
    if total is None:
        total = sum(counts)
    if total != sum(counts):
        raise ValueError(f"The cells add up to {sum(counts)}, not the total {total}")
    hidden = set() if rule == NONE else {i for i, count in enumerate(counts) if is_small(count)}
    hide_total = rule == COUNTS and is_small(total)
    while hidden and not hide_total and _recoverable(counts, hidden):
        candidates = [i for i, count in enumerate(counts) if i not in hidden and count > 0]
        if candidates:
            hidden.add(min(candidates, key=lambda i: (counts[i], i)))
        else:
            hide_total = True
    shown = [
        ProtectedCell(
            label,
            SUPPRESSED if i in hidden else count,
            _share(count, total, hidden=i in hidden or hide_total),
        )
        for i, (label, count) in enumerate(pairs)
    ]
    return ProtectedBreakdown(
        cells=tuple(shown),
        total=SUPPRESSED if hide_total else total,
        suppressed=frozenset(pairs[i][0] for i in hidden),
    )


def _recoverable(counts: list[int], hidden: set[int]) -> bool:
    """Whether the total less the published cells gives a suppressed cell away: each suppressed
    cell is at least 1, so it is pinned when it is the only one or when they must all be 1."""
    remainder = sum(counts[i] for i in hidden)
    return len(hidden) == 1 or remainder == len(hidden)


def _share(count: int, total: int, *, hidden: bool) -> float | str | None:
    if total == 0:
        return None
    if count == 0:
        return 0.0
    # A published share of a suppressed total would give the total away (count ÷ share).
    return SUPPRESSED if hidden else 100 * count / total


def _check(rule: str) -> None:
    if rule not in RULES:
        raise ValueError(f"No disclosure rule {rule!r}: use {' or '.join(RULES)}")

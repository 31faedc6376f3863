"""Children in need (B1) and referrals (C1): Characteristics of children in need, EES."""

from safeguard.measures.comparators.csvfile import Row
from safeguard.measures.comparators.tables.base import (
    EES_COLUMNS,
    FigureRecord,
    Table,
    count_per_population,
    ees_area,
    four_digit_year,
    number,
    published,
    skipped,
    year_ending,
)


def children_in_need(row: Row) -> list[FigureRecord] | str:
    area = ees_area(row)
    if area is None:
        return skipped(row)
    year = year_ending(four_digit_year(row))
    return [count_per_population("cin_rate", area, year, number(row, "At31_episodes"))]


def referrals(row: Row) -> list[FigureRecord] | str:
    area = ees_area(row)
    if area is None:
        return skipped(row)
    year = year_ending(four_digit_year(row))
    referral_count = number(row, "referral_count")
    return [
        count_per_population("referrals_rate", area, year, referral_count),
        published(
            "rereferral_pct",
            area,
            year,
            number(row, "rereferral_percent"),
            number(row, "rereferral_count"),
            referral_count,
        ),
        published(
            "referral_nfa_pct",
            area,
            year,
            number(row, "no_further_action_percent"),
            number(row, "no_further_action_count"),
            referral_count,
        ),
        published(
            "assessed_not_in_need_pct",
            area,
            year,
            number(row, "not_in_need_percent"),
            number(row, "not_in_need_count"),
            referral_count,
        ),
    ]


B1 = Table(
    key="B1",
    title="B1: children in need at 31 March",
    columns=EES_COLUMNS | {"At31_episodes", "Started_episodes", "Ended_episodes"},
    read_row=children_in_need,
    measures=("cin_rate",),
)

C1 = Table(
    key="C1",
    title="C1: referrals and re-referrals",
    columns=EES_COLUMNS
    | {
        "referral_count",
        "rereferral_count",
        "rereferral_percent",
        "no_further_action_count",
        "no_further_action_percent",
        "not_in_need_count",
        "not_in_need_percent",
    },
    read_row=referrals,
    measures=("referrals_rate", "rereferral_pct", "referral_nfa_pct", "assessed_not_in_need_pct"),
)

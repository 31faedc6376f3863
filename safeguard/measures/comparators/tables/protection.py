"""Section 47 enquiries and conferences, and protection plans (D3, D5): EES."""

from safeguard.measures.comparators.csvfile import Row
from safeguard.measures.comparators.tables.base import (
    EES_COLUMNS,
    FigureRecord,
    Table,
    count_per_population,
    ees_area,
    four_digit_year,
    number,
    percentage_of_counts,
    published,
    skipped,
    year_ending,
)

# Working days from the start of the section 47 enquiry to the initial conference. The buckets
# leave out conferences dated before the enquiry began, so their sum (not the ICPC count) is the
# denominator of "within 15 working days", as in the DfE's published percentage: England 2016-17,
# 59,410 of 76,900 = 77.3%, where 59,410 of all 76,930 conferences would be 77.2%.
WITHIN_15 = ("Duration_0-10_days", "Duration_11-15_days")
LATER = ("Duration_16-20_days", "Duration_21+_days")


def enquiries_and_conferences(row: Row) -> list[FigureRecord] | str:
    area = ees_area(row)
    if area is None:
        return skipped(row)
    year = year_ending(four_digit_year(row))
    within = [number(row, column) for column in WITHIN_15]
    later = [number(row, column) for column in LATER]
    return [
        count_per_population("s47_rate", area, year, number(row, "Section47")),
        count_per_population("icpc_rate", area, year, number(row, "ICPC")),
        percentage_of_counts("icpc_15wd_pct", area, year, within, within + later),
    ]


def subsequent_plans(row: Row) -> list[FigureRecord] | str:
    area = ees_area(row)
    if area is None:
        return skipped(row)
    year = year_ending(four_digit_year(row))
    return [
        published(
            "cpp_subsequent_pct",
            area,
            year,
            number(row, "CPP_subsequent_percent"),
            number(row, "CPP_subsequent"),
            number(row, "CPP_start"),
        )
    ]


def plans_at_31_march(row: Row) -> list[FigureRecord] | str:
    area = ees_area(row)
    if area is None:
        return skipped(row)
    year = year_ending(four_digit_year(row))
    plans = number(row, "CPP_At31")
    return [
        count_per_population("cpp_rate", area, year, plans),
        published(
            "cpp_2yr_pct",
            area,
            year,
            number(row, "2_years_or_more_percent"),
            number(row, "2_years_or_more"),
            plans,
        ),
    ]


S47 = Table(
    key="S47",
    title="Section 47 enquiries and initial child protection conferences",
    columns=EES_COLUMNS | {"Section47", "ICPC", *WITHIN_15, *LATER},
    read_row=enquiries_and_conferences,
    measures=("s47_rate", "icpc_rate", "icpc_15wd_pct"),
)

D3 = Table(
    key="D3",
    title="D3: second or subsequent protection plans",
    columns=EES_COLUMNS | {"CPP_start", "CPP_subsequent", "CPP_subsequent_percent"},
    read_row=subsequent_plans,
    measures=("cpp_subsequent_pct",),
)

D5 = Table(
    key="D5",
    title="D5: protection plans at 31 March by length",
    columns=EES_COLUMNS | {"CPP_At31", "2_years_or_more", "2_years_or_more_percent"},
    read_row=plans_at_31_march,
    measures=("cpp_rate", "cpp_2yr_pct"),
)

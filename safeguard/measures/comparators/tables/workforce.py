"""Children's social work workforce (CSWW) indicators: EES.

The workforce is counted at 30 September: time_period 2017 is the workforce at 30 September 2017,
which falls in the reporting year 2017-18.
"""

from safeguard.measures.comparators.csvfile import Row
from safeguard.measures.comparators.tables.base import (
    EES_COLUMNS,
    FigureRecord,
    Table,
    ees_area,
    four_digit_year,
    number,
    published,
    skipped,
    year_starting,
)

# measure id: (the published indicator, the count it is made from). Both match the partnership's
# own workforce measures (safeguard.training.measures): vacancies ÷ (vacancies + posts filled),
# and agency workers ÷ (agency + permanent), in full-time equivalents. The DfE's turnover and
# average caseload have no measure here (the partnership's caseload is a median per worker).
INDICATORS = {
    "workforce_vacancy_pct": ("vacancy_rate_fte", "vacancy_fte"),
    "workforce_agency_pct": ("agency_rate_fte", "agency_fte"),
}


def indicators(row: Row) -> list[FigureRecord] | str:
    area = ees_area(row)
    if area is None:
        return skipped(row)
    year = year_starting(four_digit_year(row))
    return [
        published(measure_id, area, year, number(row, value), number(row, count))
        for measure_id, (value, count) in INDICATORS.items()
    ]


CSWW = Table(
    key="CSWW",
    title="Children's social work workforce indicators",
    columns=EES_COLUMNS | {column for columns in INDICATORS.values() for column in columns},
    read_row=indicators,
    measures=tuple(INDICATORS),
)

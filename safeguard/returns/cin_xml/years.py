"""CIN census years.

A collection year such as "2016-17" is the census whose header Year is its end year (2017) and
whose reference date is 31 March of that year; it counts the episodes open at any time from
1 April 2016. The schema files are named by that end year (CIN_schema_2017.xsd).
"""

import re
from dataclasses import dataclass
from datetime import date

from safeguard.returns.cin_xml.errors import ReturnFileError

# The census years whose schema we know (shared/data/schemas/cin/CIN_schema_<end>.xsd).
FIRST_YEAR, LAST_YEAR = 2017, 2024
# CINPlanDates joined the census in 2021-22.
CIN_PLANS_FROM = 2022

_LABEL = re.compile(r"(\d{4})-(\d{2})")


@dataclass(frozen=True)
class CensusYear:
    end: int

    @property
    def label(self) -> str:
        return f"{self.end - 1}-{self.end % 100:02d}"

    @property
    def start(self) -> date:
        return date(self.end - 1, 4, 1)

    @property
    def reference_date(self) -> date:
        return date(self.end, 3, 31)

    @property
    def has_cin_plans(self) -> bool:
        return self.end >= CIN_PLANS_FROM

    @property
    def has_schema(self) -> bool:
        return FIRST_YEAR <= self.end <= LAST_YEAR

    def __str__(self) -> str:
        return self.label


def census_year(label: str) -> CensusYear:
    """The census of a collection year written "2016-17"."""
    match = _LABEL.fullmatch(label.strip())
    if not match or (int(match[1]) + 1) % 100 != int(match[2]):
        raise ReturnFileError(
            f"“{label}” is not a collection year: write it as the two years it spans, like 2016-17"
        )
    return CensusYear(int(match[1]) + 1)


def with_schema(year: CensusYear) -> CensusYear:
    """The year itself, when we have its schema; otherwise a clear error."""
    if not year.has_schema:
        first, last = CensusYear(FIRST_YEAR), CensusYear(LAST_YEAR)
        raise ReturnFileError(
            f"There is no CIN census schema for {year}: the years known are {first} to {last}"
        )
    return year

"""SSDA903 collection years.

The return for "2016-17" covers the children looked after at any time from 1 April 2016 to
31 March 2017. Its specification, like the CIN census schema, is named by the end year
(SSDA903_schema_2017.yml); a collection year is the same CensusYear the CIN files use.
"""

from safeguard.returns.cin_xml.errors import ReturnFileError
from safeguard.returns.cin_xml.years import CensusYear, census_year

# The years whose specification we know (shared/data/schemas/ssda903/SSDA903_schema_<end>.yml).
FIRST_YEAR, LAST_YEAR = 2017, 2024


def return_year(label: str) -> CensusYear:
    """The SSDA903 return of a collection year written "2016-17"; a clear error for one we lack."""
    year = census_year(label)
    if not FIRST_YEAR <= year.end <= LAST_YEAR:
        first, last = CensusYear(FIRST_YEAR), CensusYear(LAST_YEAR)
        raise ReturnFileError(
            f"There is no SSDA903 specification for {year}: the years known are {first} to {last}"
        )
    return year

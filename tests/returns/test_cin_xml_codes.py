"""Each census year's code lists are that year's schema's, and the years are named as the DfE
names them (CIN_schema_2023.xsd is the 2022-23 census, reference date 31 March 2023)."""

from datetime import date
from pathlib import Path

import pytest
from lxml import etree

from safeguard.returns.cin_xml.codes import CURRENT, EARLIER, as_in_year, census_codes
from safeguard.returns.cin_xml.errors import ReturnFileError
from safeguard.returns.cin_xml.years import CensusYear, census_year, with_schema

YEARS = range(2017, 2025)
XS = {"xs": "http://www.w3.org/2001/XMLSchema"}


def schema_codes(shared_data: Path, year: int, type_name: str) -> set[str]:
    # The DfE's published schema from the shared data set, read with entities off all the same.
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    tree = etree.parse(shared_data / "schemas" / "cin" / f"CIN_schema_{year}.xsd", parser)
    found = tree.xpath(
        "//xs:simpleType[@name=$name]//xs:enumeration/@value", namespaces=XS, name=type_name
    )
    assert found, f"{type_name} has no codes in the {year} schema"
    return set(found)


def test_every_schema_in_the_shared_data_is_a_year_we_know(shared_data):
    present = sorted(
        int(p.stem.rsplit("_", 1)[1])
        for p in (shared_data / "schemas" / "cin").glob("CIN_schema_*.xsd")
    )
    assert present == list(YEARS)


@pytest.mark.parametrize("year", YEARS)
@pytest.mark.parametrize("type_name", sorted(CURRENT))
def test_the_code_list_of_each_year_is_that_years_schemas(shared_data, year, type_name):
    ours = census_codes(CensusYear(year))[type_name]
    assert ours == schema_codes(shared_data, year, type_name)


@pytest.mark.parametrize("year", YEARS)
def test_a_code_written_for_an_earlier_year_is_one_that_year_has(year):
    census = CensusYear(year)
    for (code_list, code), (first, _) in EARLIER.items():
        written = as_in_year(code_list, code, census)
        assert written in census_codes(census)[code_list]
        assert (written == code) == (year >= first)


def test_a_collection_year_names_the_census_ending_that_march():
    census = census_year("2016-17")
    assert census.end == 2017
    assert census.start == date(2016, 4, 1)
    assert census.reference_date == date(2017, 3, 31)
    assert str(census) == "2016-17"
    assert census_year("1999-00").end == 2000


def test_children_in_need_plans_are_in_the_census_from_2021_22():
    assert not census_year("2020-21").has_cin_plans
    assert census_year("2021-22").has_cin_plans


@pytest.mark.parametrize("label", ["2017", "2016-18", "2016/17", "16-17", ""])
def test_a_year_not_written_as_two_years_is_refused(label):
    with pytest.raises(ReturnFileError, match="write it as the two years it spans, like 2016-17"):
        census_year(label)


def test_a_year_without_a_schema_is_refused_naming_the_years_known():
    with pytest.raises(ReturnFileError, match="the years known are 2016-17 to 2023-24"):
        with_schema(census_year("2024-25"))

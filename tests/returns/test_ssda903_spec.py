"""The SSDA903 tables, columns and code lists we write and read are each year's specification's
(shared/data/schemas/ssda903/SSDA903_schema_<end year>.yml)."""

import re
from pathlib import Path

import pytest

from safeguard.returns.cin_xml.errors import ReturnFileError
from safeguard.returns.cin_xml.years import CensusYear
from safeguard.returns.ssda903.codes import EARLIER, as_in_year, return_codes
from safeguard.returns.ssda903.raw import RAW_COLUMNS
from safeguard.returns.ssda903.spec import FILES, KEPT, LABELS, TABLES, tables_of
from safeguard.returns.ssda903.years import return_year

YEARS = [CensusYear(end) for end in range(2017, 2025)]
TABLE = re.compile(r"^ {4}(\w+):\s*$")
COLUMN = re.compile(r"^ {6}(\w+):\s*$")
CODE = re.compile(r'^\s+- code: "([^"]*)"')


def specification(shared_data: Path, year: CensusYear) -> dict[str, dict[str, list[str]]]:
    """Each table's columns, in order, with their codes, read from the YAML by its layout
    (tables four spaces in, columns six, then their `- code:` lines)."""
    path = shared_data / "schemas" / "ssda903" / f"SSDA903_schema_{year.end}.yml"
    tables: dict[str, dict[str, list[str]]] = {}
    table = column = ""
    for line in path.read_text().splitlines():
        if match := TABLE.match(line):
            table, column = match[1], ""
            tables[table] = {}
        elif match := COLUMN.match(line):
            column = match[1]
            tables[table][column] = []
        elif (match := CODE.match(line)) and table and column:
            tables[table][column].append(match[1].strip())
    return tables


def test_every_ssda903_schema_present_is_a_year_we_know(shared_data):
    present = sorted(
        int(p.stem.rsplit("_", 1)[1])
        for p in (shared_data / "schemas" / "ssda903").glob("SSDA903_schema_*.yml")
    )
    assert present == [year.end for year in YEARS]


@pytest.mark.parametrize("year", YEARS, ids=str)
def test_each_years_tables_and_columns_are_its_specifications(shared_data, year):
    expected = {name: tuple(columns) for name, columns in specification(shared_data, year).items()}
    assert tables_of(year) == expected


def test_with_no_year_every_table_any_year_had_is_known():
    assert tables_of(None) == TABLES
    # Worked out from the files: social workers came in 2023-24, the last year we have.
    assert "SocialWorker" not in tables_of(CensusYear(2023))


@pytest.mark.parametrize("year", YEARS, ids=str)
def test_each_years_codes_are_its_specifications(shared_data, year):
    spec = specification(shared_data, year)
    codes = return_codes(year)
    for table in KEPT:
        for column, listed in spec[table].items():
            if column in codes:
                assert codes[column] == frozenset(listed), (year, table, column)


def test_every_coded_column_we_keep_is_checked(shared_data):
    spec = specification(shared_data, YEARS[-1])
    coded = {c for t in KEPT for c, listed in spec[t].items() if listed and c in RAW_COLUMNS[t]}
    assert coded == set(return_codes(YEARS[-1]))


def test_with_no_year_a_code_of_any_year_is_known():
    codes = return_codes(None)
    # E43 was withdrawn in 2018-19's successor, E45 added then: both are some year's.
    assert {"E43", "E44", "E45", "E48"} <= codes["REC"]
    assert "CUSTOD" in codes["REASON_PLACE_CHANGE"]


@pytest.mark.parametrize("year", YEARS, ids=str)
def test_a_newer_code_is_written_as_a_code_the_year_had(year):
    codes = return_codes(year)
    for (column, code), _ in EARLIER.items():
        assert as_in_year(column, code, year) in codes[column]


def test_special_guardianship_orders_before_2018_19_are_e43_and_e44():
    # Worked out from the codes' meanings: E45 and E46 were to former foster carers (E43),
    # E47 and E48 to other carers (E44).
    before = CensusYear(2018)
    assert [as_in_year("REC", c, before) for c in ("E45", "E46", "E47", "E48")] == [
        "E43",
        "E43",
        "E44",
        "E44",
    ]
    assert as_in_year("REC", "E45", CensusYear(2019)) == "E45"
    assert as_in_year("REASON_PLACE_CHANGE", "CUSTOD", before) == "OTHER"


def test_every_table_has_a_file_and_a_label_and_the_raw_tables_are_kept_ones():
    assert set(FILES) == set(TABLES) == set(LABELS)
    assert set(RAW_COLUMNS) == set(KEPT)
    for table, columns in RAW_COLUMNS.items():
        assert set(columns) - {"UASC"} <= set(TABLES[table])


def test_a_year_without_a_specification_is_refused():
    assert return_year("2016-17") == CensusYear(2017)
    with pytest.raises(ReturnFileError, match="no SSDA903 specification for 2030-31"):
        return_year("2030-31")
    with pytest.raises(ReturnFileError, match="is not a collection year"):
        return_year("2017")

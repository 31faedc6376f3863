"""The category of abuse and the assessment factors are the CIN census's codes, year by year.

The census changed the factors twice, and our lists are the current ones (2022 onwards):
- 2021 split "18A" physical abuse and "19A" sexual abuse into child on child (18B, 19B) and adult
  on child (18C, 19C);
- 2022 added "24A" child criminal exploitation.
So each year's schema is checked against what that year says, and the differences are spelt out.
"""

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from safeguard.casework.codes import AssessmentFactor, CategoryOfAbuse

XS = "{http://www.w3.org/2001/XMLSchema}"
YEARS = [2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]

OURS = set(AssessmentFactor.values)
SPLIT_IN_2021 = {"18B", "18C", "19B", "19C"}
ADDED_IN_2022 = {"24A"}
FACTORS_IN_YEAR = {
    **dict.fromkeys(
        [2017, 2018, 2019, 2020], (OURS - SPLIT_IN_2021 - ADDED_IN_2022) | {"18A", "19A"}
    ),
    2021: OURS - ADDED_IN_2022,
    **dict.fromkeys([2022, 2023, 2024], OURS),
}


def enumeration(shared_data: Path, year: int, type_name: str) -> list[str] | None:
    """The codes of a simple type in that year's schema, in order; None if the year lacks it."""
    path = shared_data / "schemas" / "cin" / f"CIN_schema_{year}.xsd"
    # The DfE's published schemas from the shared data set, not input from anyone outside.
    root = ET.parse(path).getroot()  # noqa: S314
    for simple_type in root.iter(f"{XS}simpleType"):
        if simple_type.get("name") == type_name:
            return [e.get("value") for e in simple_type.iter(f"{XS}enumeration")]
    return None


def test_every_cin_schema_present_is_checked(shared_data):
    present = sorted(
        int(p.stem.rsplit("_", 1)[1])
        for p in (shared_data / "schemas" / "cin").glob("CIN_schema_*.xsd")
    )
    assert present == YEARS


@pytest.mark.parametrize("year", YEARS)
def test_the_categories_of_abuse_are_the_schemas(shared_data, year):
    codes = enumeration(shared_data, year, "categoryofabuse")
    assert codes is not None, f"the {year} schema has no categoryofabuse"
    assert sorted(codes) == sorted(CategoryOfAbuse.values) == ["EMO", "MUL", "NEG", "PHY", "SAB"]


@pytest.mark.parametrize("year", YEARS)
def test_the_assessment_factors_are_what_that_years_schema_lists(shared_data, year):
    codes = enumeration(shared_data, year, "assessmentfactorstype")
    assert codes is not None, f"the {year} schema has no assessmentfactorstype"
    assert len(codes) == len(set(codes))
    assert set(codes) == FACTORS_IN_YEAR[year]


def test_our_assessment_factors_are_the_newest_schemas_exactly(shared_data):
    codes = enumeration(shared_data, YEARS[-1], "assessmentfactorstype")
    assert sorted(codes) == sorted(AssessmentFactor.values)
    assert len(AssessmentFactor.values) == 42


def test_no_factors_identified_is_code_21_in_every_year(shared_data):
    for year in YEARS:
        assert "21" in enumeration(shared_data, year, "assessmentfactorstype")
    assert AssessmentFactor.NO_FACTORS == "21"

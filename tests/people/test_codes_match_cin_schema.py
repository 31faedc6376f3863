"""Our code lists for sex, ethnicity and disability are the CIN census's, in every year's schema."""

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from django.db import models

from safeguard.people.codes import Disability, Ethnicity, Gender

XS = "{http://www.w3.org/2001/XMLSchema}"
# The census schemas in shared/data/schemas/cin; a new year's file must be added here to be checked.
YEARS = [2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]
CODE_LISTS: dict[str, type[models.TextChoices]] = {
    "gendertype": Gender,
    "ethnicitytype": Ethnicity,
    "disabilitytype": Disability,
}


def schema_path(shared_data: Path, year: int) -> Path:
    return shared_data / "schemas" / "cin" / f"CIN_schema_{year}.xsd"


def enumeration(shared_data: Path, year: int, type_name: str) -> dict[str, str] | None:
    """The schema's codes for a simple type, with their descriptions; None if the year lacks it."""
    # The DfE's published schemas from the shared data set, not input from anyone outside.
    root = ET.parse(schema_path(shared_data, year)).getroot()  # noqa: S314
    for simple_type in root.iter(f"{XS}simpleType"):
        if simple_type.get("name") == type_name:
            return {
                e.get("value"): (e.findtext(f"{XS}annotation/{XS}documentation") or "").strip()
                for e in simple_type.iter(f"{XS}enumeration")
            }
    return None


def test_every_cin_schema_present_is_checked(shared_data):
    present = sorted(
        int(p.stem.rsplit("_", 1)[1])
        for p in (shared_data / "schemas" / "cin").glob("CIN_schema_*.xsd")
    )
    assert present == YEARS


@pytest.mark.parametrize("type_name", CODE_LISTS)
def test_the_newest_schema_has_each_code_list(shared_data, type_name):
    assert enumeration(shared_data, YEARS[-1], type_name)


@pytest.mark.parametrize("year", YEARS)
@pytest.mark.parametrize("type_name", CODE_LISTS)
def test_our_codes_are_the_schemas_codes(shared_data, year, type_name):
    codes = enumeration(shared_data, year, type_name)
    if codes is None:
        pytest.skip(f"the {year} schema has no {type_name}")
    assert sorted(CODE_LISTS[type_name].values) == sorted(codes)


@pytest.mark.parametrize("year", YEARS)
@pytest.mark.parametrize("type_name", CODE_LISTS)
def test_each_code_means_what_the_schema_says(shared_data, year, type_name):
    codes = enumeration(shared_data, year, type_name)
    if codes is None:
        pytest.skip(f"the {year} schema has no {type_name}")
    ours = {code: str(label).casefold() for code, label in CODE_LISTS[type_name].choices}
    # Capitals may differ ("Any other Black background" for the schema's "black").
    assert ours == {code: label.casefold() for code, label in codes.items()}

"""Each ruleset's code lists are the codes of that year's CIN census schema."""

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from safeguard.returns.validation.codes import SEX, code_lists

XS = "{http://www.w3.org/2001/XMLSchema}"
# The schema files are named by the year the census ends: 2023 is the 2022-23 census.
SCHEMAS = {"2022-23": "CIN_schema_2023.xsd", "2023-24": "CIN_schema_2024.xsd"}
LISTS = {
    "referral_sources": "referralsourcetype",
    "primary_needs": "primaryneedcodetype",
    "reasons_for_closure": "reasonforclosuretype",
    "genders": "gendertype",
    "ethnicities": "ethnicitytype",
    "disabilities": "disabilitytype",
    "upn_unknown": "unknownupntype",
    "categories_of_abuse": "categoryofabuse",
    "assessment_factors": "assessmentfactorstype",
}


def enumeration(path: Path, type_name: str) -> set[str]:
    # The DfE's published schemas from the shared data set, not input from anyone outside.
    root = ET.parse(path).getroot()  # noqa: S314
    for simple_type in root.iter(f"{XS}simpleType"):
        if simple_type.get("name") == type_name:
            return {e.get("value") for e in simple_type.iter(f"{XS}enumeration")}
    raise AssertionError(f"{path.name} has no {type_name}")


@pytest.mark.parametrize("ruleset", SCHEMAS)
@pytest.mark.parametrize("name", LISTS)
def test_the_code_list_is_the_schemas(shared_data, ruleset, name):
    schema = shared_data / "schemas" / "cin" / SCHEMAS[ruleset]
    ours = getattr(code_lists(ruleset, records_sex=False), name)
    assert set(ours) == enumeration(schema, LISTS[name])


def test_from_2024_25_sex_replaces_gender_and_the_old_abuse_factors_are_accepted():
    before, after = code_lists("2023-24", False), code_lists("2024-25", True)
    assert after.genders == SEX == ("M", "F", "U")
    assert set(after.assessment_factors) - set(before.assessment_factors) == {"18A", "19A"}
    assert after.referral_sources == before.referral_sources

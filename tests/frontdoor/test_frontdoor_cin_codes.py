"""The front door's CIN census codes are the codes in each year's CIN schema.

The lists grew over the years: referral source 5D (LA services: early help) and reason for closure
RC9 (closed after assessment, referred to early help) first appear in the 2023 schema. Our lists
are the newest ones, so for an earlier year they hold exactly that year's codes plus the ones added
since; an export for such a year must not use the later codes.
"""

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from django.db import models

from safeguard.frontdoor.codes import PrimaryNeed, ReferralSource
from safeguard.frontdoor.models import ReasonForClosure

XS = "{http://www.w3.org/2001/XMLSchema}"
# The census schemas in shared/data/schemas/cin; a new year's file must be added here to be checked.
YEARS = [2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]
CODE_LISTS: dict[str, type[models.TextChoices]] = {
    "referralsourcetype": ReferralSource,
    "primaryneedcodetype": PrimaryNeed,
    "reasonforclosuretype": ReasonForClosure,
}
# The year each later code first appears in the schema, read from the schemas themselves.
FIRST_YEAR = {"5D": 2023, "RC9": 2023}


def enumeration(shared_data: Path, year: int, type_name: str) -> dict[str, str] | None:
    """The schema's codes for a simple type, with their descriptions; None if the year lacks it."""
    path = shared_data / "schemas" / "cin" / f"CIN_schema_{year}.xsd"
    # The DfE's published schemas from the shared data set, not input from anyone outside.
    root = ET.parse(path).getroot()  # noqa: S314
    for simple_type in root.iter(f"{XS}simpleType"):
        if simple_type.get("name") == type_name:
            return {
                e.get("value"): (e.findtext(f"{XS}annotation/{XS}documentation") or "").strip()
                for e in simple_type.iter(f"{XS}enumeration")
            }
    return None


def codes_in(shared_data: Path, year: int, type_name: str) -> dict[str, str]:
    codes = enumeration(shared_data, year, type_name)
    if codes is None:
        pytest.skip(f"the {year} schema has no {type_name}")
    return codes


def test_every_cin_schema_present_is_checked(shared_data):
    present = sorted(
        int(p.stem.rsplit("_", 1)[1])
        for p in (shared_data / "schemas" / "cin").glob("CIN_schema_*.xsd")
    )
    assert present == YEARS


@pytest.mark.parametrize("type_name", CODE_LISTS)
def test_our_codes_are_exactly_the_newest_schemas_codes(shared_data, type_name):
    codes = enumeration(shared_data, YEARS[-1], type_name)

    assert codes, f"the {YEARS[-1]} schema has no {type_name}"
    assert sorted(CODE_LISTS[type_name].values) == sorted(codes)


@pytest.mark.parametrize("year", YEARS)
@pytest.mark.parametrize("type_name", CODE_LISTS)
def test_each_years_schema_has_our_codes_less_those_added_after_it(shared_data, year, type_name):
    codes = codes_in(shared_data, year, type_name)
    ours_then = {c for c in CODE_LISTS[type_name].values if FIRST_YEAR.get(c, 0) <= year}

    assert sorted(codes) == sorted(ours_then)


@pytest.mark.parametrize("code", FIRST_YEAR)
def test_each_later_code_is_new_in_the_year_we_say(shared_data, code):
    type_name = "referralsourcetype" if code in ReferralSource.values else "reasonforclosuretype"
    year = FIRST_YEAR[code]

    assert code in codes_in(shared_data, year, type_name)
    assert code not in codes_in(shared_data, year - 1, type_name)


def test_not_stated_n0_is_a_primary_need_in_every_year(shared_data):
    # The service records N0 when a referral is made without a primary need.
    assert all("N0" in codes_in(shared_data, year, "primaryneedcodetype") for year in YEARS)


@pytest.mark.parametrize("year", YEARS)
@pytest.mark.parametrize("type_name", ["primaryneedcodetype", "reasonforclosuretype"])
def test_each_need_and_closure_reason_means_what_the_schema_says(shared_data, year, type_name):
    codes = codes_in(shared_data, year, type_name)
    ours = {code: str(label) for code, label in CODE_LISTS[type_name].choices if code in codes}

    assert ours == codes


@pytest.mark.parametrize("code", ReferralSource.values)
def test_each_referral_source_label_names_what_the_schema_describes(shared_data, code):
    # Our labels are shortened ("Health services: GP" for "HEALTH SERVICES - general practitioner
    # (GP)"), so each part of the label must appear in the schema's description.
    description = codes_in(shared_data, YEARS[-1], "referralsourcetype")[code].casefold()
    label = ReferralSource(code).label

    for part in label.split(": "):
        assert part.casefold() in description, f"{code}: {part!r} not in {description!r}"

"""Generated codes are the statutory codes of the year they are dated in.

Two code lists changed within the years the generator may be asked for: the CIN census split
assessment factors 18A and 19A (physical and sexual abuse) into B (child on child) and C (adult on
child) from 2020-21 (schema 2021), and the SSDA903 replaced special guardianship reasons E43 and
E44 by E45 to E48 from 2018-19 (schema 2019). Each record is checked against the schemas of the
census year its date falls in.
"""

import random
import re
import xml.etree.ElementTree as ET
from datetime import date

import pyarrow.compute as pc
import pytest

from safeguard.access.models import AgencyKind
from safeguard.casework.codes import StrategyDecision
from safeguard.frontdoor.codes import Outcome, Rag
from safeguard.journey.generate import councils_for, generate
from safeguard.journey.generate.mixes import factor_code, sgo_ceased

XS = "{http://www.w3.org/2001/XMLSchema}"

# (table, column, the date that places a record in a census year, the schema's type)
CIN_COLUMNS = [
    ("referrals", "source", "referral_date", "referralsourcetype"),
    ("referrals", "primary_need", "referral_date", "primaryneedcodetype"),
    ("referrals", "closure_reason", "closure_date", "reasonforclosuretype"),
    ("assessments", "factors", "authorisation_date", "assessmentfactorstype"),
    ("cp_plans", "initial_category", "start_date", "categoryofabuse"),
    ("cp_plans", "latest_category", "start_date", "categoryofabuse"),
    ("children", "gender", None, "gendertype"),
    ("children", "ethnicity", None, "ethnicitytype"),
    ("children", "disabilities", None, "disabilitytype"),
    ("children", "upn_unknown", None, "unknownupntype"),
]
SSDA903_COLUMNS = [
    ("cla_episodes", "reason_new_episode", "start_date", ("Episodes", "RNE")),
    ("cla_episodes", "legal_status", "start_date", ("Episodes", "LS")),
    ("cla_episodes", "category_of_need", "start_date", ("Episodes", "CIN")),
    ("cla_episodes", "placement", "start_date", ("Episodes", "PLACE")),
    ("cla_episodes", "placement_provider", "start_date", ("Episodes", "PLACE_PROVIDER")),
    ("cla_episodes", "reason_ceased", "end_date", ("Episodes", "REC")),
    ("cla_episodes", "reason_place_change", "end_date", ("Episodes", "REASON_PLACE_CHANGE")),
    ("cla_reviews", "participation", "review_date", ("Reviews", "REVIEW_CODE")),
    ("missing_episodes", "kind", "start_date", ("Missing", "MISSING")),
]


def cin_codes(shared_data, schema_year, type_name):
    path = shared_data / "schemas" / "cin" / f"CIN_schema_{schema_year}.xsd"
    # The DfE's published schema from the shared data set, not input from anyone outside.
    root = ET.parse(path).getroot()  # noqa: S314
    for simple_type in root.iter(f"{XS}simpleType"):
        if simple_type.get("name") == type_name:
            return {e.get("value") for e in simple_type.iter(f"{XS}enumeration")}
    raise AssertionError(type_name)


def ssda903_codes(shared_data, schema_year) -> dict[tuple[str, str], set[str]]:
    """Each column's codes in the schema's column_map, read by the YAML's layout (tables indented
    four spaces, columns six, then their `- code:` lines): the project has no YAML parser."""
    lists: dict[tuple[str, str], set[str]] = {}
    table = column = ""
    path = shared_data / "schemas" / "ssda903" / f"SSDA903_schema_{schema_year}.yml"
    for line in path.read_text().splitlines():
        if found := re.match(r"^ {4}(\w+):\s*$", line):
            table, column = found[1], ""
        elif found := re.match(r"^ {6}(\w+):\s*$", line):
            column = found[1]
        elif (found := re.match(r'^\s+- code: "([^"]*)"', line)) and table and column:
            lists.setdefault((table, column), set()).add(found[1].strip())
    return lists


def codes_in_year(dataset, table, column, dated_by, year):
    """The codes used in `column` by records whose `dated_by` falls in the census year."""
    rows = dataset[table]
    if dated_by is not None:
        day = rows.column(dated_by)
        in_year = pc.and_(
            pc.greater_equal(day, date(year - 1, 4, 1)), pc.less_equal(day, date(year, 3, 31))
        )
        rows = rows.filter(pc.fill_null(in_year, False))
    values = rows.column(column).drop_null().to_pylist()
    return (
        {v for value in values for v in value}
        if values and isinstance(values[0], list)
        else set(values)
    )


# (the census year, by its schema's name, and its last reporting year's starting year)
YEARS = [2017, 2021]


@pytest.fixture(scope="module", params=YEARS)
def generated(request):
    schema_year = request.param
    return schema_year, generate(
        councils_for(1, 36_050, "codes"), schema_year - 1, schema_year - 1, "codes"
    )


def test_the_cin_codes_are_the_census_years(generated, shared_data):
    schema_year, dataset = generated
    for table, column, dated_by, type_name in CIN_COLUMNS:
        used = codes_in_year(dataset, table, column, dated_by, schema_year)
        assert used, (table, column)
        assert used <= cin_codes(shared_data, schema_year, type_name), (table, column)


def test_the_looked_after_codes_are_the_returns_years(generated, shared_data):
    schema_year, dataset = generated
    schema = ssda903_codes(shared_data, schema_year)
    for table, column, dated_by, field in SSDA903_COLUMNS:
        used = codes_in_year(dataset, table, column, dated_by, schema_year)
        assert used, (table, column)
        assert used <= schema[field], (table, column)
    looked_after = set(dataset["cla_episodes"].column("child_id").to_pylist())
    sexes = {c["gender"] for c in dataset["children"].to_pylist() if c["child_id"] in looked_after}
    assert sexes <= schema[("Header", "SEX")]


def test_the_contact_and_discussion_codes_are_the_projects(generated):
    _, dataset = generated
    contacts = dataset["contacts"]
    assert set(contacts.column("outcome").drop_null().to_pylist()) <= set(Outcome.values)
    assert set(contacts.column("rag").to_pylist()) <= set(Rag.values)
    kinds = set(contacts.column("referrer_agency_kind").drop_null().to_pylist())
    assert kinds <= set(AgencyKind.values)
    decisions = set(dataset["strategy_discussions"].column("decision").to_pylist())
    assert decisions <= set(StrategyDecision.values)


def test_abuse_factors_split_from_the_2020_21_census():
    rng = random.Random(1)
    before, after = date(2020, 3, 31).toordinal(), date(2020, 4, 1).toordinal()
    assert factor_code("18", before, rng) == "18A"
    assert factor_code("19", before, rng) == "19A"
    assert {factor_code("18", after, rng) for _ in range(50)} == {"18B", "18C"}
    assert {factor_code("19", after, rng) for _ in range(50)} == {"19B", "19C"}
    assert factor_code("16A", after, rng) == "16A"


def test_special_guardianship_codes_split_from_2018_19():
    rng = random.Random(1)
    before, after = date(2018, 3, 31).toordinal(), date(2018, 4, 1).toordinal()
    assert {sgo_ceased(before, rng) for _ in range(50)} == {"E43", "E44"}
    assert {sgo_ceased(after, rng) for _ in range(80)} == {"E45", "E46", "E47", "E48"}

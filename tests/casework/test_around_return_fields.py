"""Every column of the SSDA903 Episodes, Reviews and Missing tables and of the Annex A early help
list (list 2) comes from a field of the records, so a return can be written from them."""

import re
from datetime import date
from operator import attrgetter
from pathlib import Path

import pytest
from factories import ChildFactory, UserFactory
from test_around_records import at, looked_after

from safeguard.casework import services_early_help, services_looked_after, services_missing
from safeguard.casework.codes_around import EarlyHelpRoute

# The local authority and the year are the return's, not the child's records'.
RETURN_ONLY = {"LA", "YEAR"}

EPISODES = {
    "CHILD": "child.la_child_id",
    "DECOM": "started_on",
    "RNE": "reason_new",
    "LS": "legal_status",
    "CIN": "category_of_need",
    "PLACE": "placement_type",
    "PLACE_PROVIDER": "placement_provider",
    "DEC": "ended_on",
    "REC": "reason_ceased",
    "REASON_PLACE_CHANGE": "reason_place_change",
    "HOME_POST": "home_postcode",
    "PL_POST": "placement_postcode",
    "URN": "urn",
}
REVIEWS = {
    "CHILD": "child.la_child_id",
    "DOB": "child.date_of_birth",
    "REVIEW": "held_on",
    "REVIEW_CODE": "participation",
}
MISSING = {
    "CHILD": "child.la_child_id",
    "DOB": "child.date_of_birth",
    "MISSING": "kind",
    "MIS_START": "started_on",
    "MIS_END": "returned_on",
}
ANNEX_A_LIST_2 = {
    "Child Unique ID": "child.la_child_id",
    "Gender": "child.gender",
    "Ethnicity": "child.ethnicity",
    "Date of Birth": "child.date_of_birth",
    "Age of Child (Years)": "child.date_of_birth",
    "Assessment start date": "assessment_started_on",
    "Assessment completion date": "assessment_completed_on",
    "Organisation completing assessment": "assessment_agency.name",
}


def columns(path: Path, block: str, table: str) -> list[str]:
    """The column names listed under `block:` then `    table:` in a YAML file, by its layout."""
    lines = path.read_text().splitlines()
    start = lines.index(f"{block}:")
    found, inside = [], False
    for line in lines[start + 1 :]:
        if re.match(r"^\S", line):
            break
        if re.match(rf"^ {{4}}{re.escape(table)}:\s*$", line):
            inside = True
        elif inside and (item := re.match(r"^ {8}- (\S+)", line)):
            found.append(item[1])
        elif inside and re.match(r"^ {4}\S", line):
            break
    return found


def annex_a_list(path: Path, name: str) -> list[str]:
    lines = path.read_text().splitlines()
    start = lines.index(f"    {name}:")
    found = []
    for line in lines[start + 1 :]:
        if re.match(r"^ {4}\S", line):
            break
        if item := re.match(r"^ {8}(\S[^:]*):", line):
            found.append(item[1].strip('"'))
    return found


@pytest.fixture
def ssda903(shared_data):
    return shared_data / "schemas" / "ssda903" / "la-agg.yml"


@pytest.mark.parametrize(
    ("table", "mapping"), [("Episodes", EPISODES), ("Reviews", REVIEWS), ("Missing", MISSING)]
)
def test_every_ssda903_column_has_a_field(ssda903, table, mapping):
    assert set(columns(ssda903, "column_names", table)) - RETURN_ONLY == set(mapping)


def test_every_annex_a_early_help_column_has_a_field(shared_data):
    path = shared_data / "schemas" / "annex_a" / "annex-a-merge.yml"
    assert set(annex_a_list(path, "List 2")) == set(ANNEX_A_LIST_2)


@pytest.mark.django_db
def test_the_fields_are_there_on_real_records():
    worker = UserFactory(role="social_worker")
    child = ChildFactory(date_of_birth=date(2011, 1, 1))
    episode = looked_after(child, on=date(2024, 1, 8), by=worker)
    review = services_looked_after.record_care_review(
        child, held_on=date(2024, 2, 1), participation="PN1", chair=worker
    )
    missing = services_missing.record_missing(
        child, kind="A", started_at=at(date(2024, 2, 2)), reported_by="Carer", by=worker
    )
    lead = UserFactory(role="early_help_practitioner")
    early_help = services_early_help.start_early_help(
        ChildFactory(),
        started_on=date(2024, 1, 8),
        lead=lead,
        needs="Help",
        route=EarlyHelpRoute.REQUEST,
        by=lead,
    )
    early_help.assessment_agency = lead.agency
    for record, mapping in (
        (episode, EPISODES),
        (review, REVIEWS),
        (missing, MISSING),
        (early_help, ANNEX_A_LIST_2),
    ):
        for attribute in mapping.values():
            attrgetter(attribute)(record)

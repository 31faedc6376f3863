"""The looked-after, review and missing codes are the SSDA903 return's, year by year.

Our lists are the newest return's (2019 onwards). Earlier years differ in two places, spelt out:
- before 2019, special guardianship orders ended care as E43 (to former foster carers) and E44
  (to other carers); from 2019 they are split by whether the carers are relatives or friends
  (E45 to E48);
- before 2019 there was no CUSTOD reason for a change of placement.
"""

import re
from pathlib import Path

import pytest

from safeguard.casework.codes_903 import (
    CategoryOfNeed,
    LegalStatus,
    MissingKind,
    PlacementProvider,
    PlacementType,
    ReasonEpisodeCeased,
    ReasonNewEpisode,
    ReasonPlaceChange,
    ReviewParticipation,
)

YEARS = [2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]
SGO_BEFORE_2019 = {"E43", "E44"}
SGO_FROM_2019 = {"E45", "E46", "E47", "E48"}

COLUMNS = {
    ("Episodes", "RNE"): ReasonNewEpisode,
    ("Episodes", "LS"): LegalStatus,
    ("Episodes", "CIN"): CategoryOfNeed,
    ("Episodes", "PLACE"): PlacementType,
    ("Episodes", "PLACE_PROVIDER"): PlacementProvider,
    ("Episodes", "REC"): ReasonEpisodeCeased,
    ("Episodes", "REASON_PLACE_CHANGE"): ReasonPlaceChange,
    ("Reviews", "REVIEW_CODE"): ReviewParticipation,
    ("Missing", "MISSING"): MissingKind,
}

TABLE = re.compile(r"^ {4}(\w+):\s*$")
COLUMN = re.compile(r"^ {6}(\w+):\s*$")
CODE = re.compile(r'^\s+- code: "([^"]*)"')


def code_lists(path: Path) -> dict[tuple[str, str], list[str]]:
    """Each column's codes from the schema's `column_map` (the file is YAML, read by its layout:
    tables indented four spaces, columns six, then their `- code:` lines)."""
    lists: dict[tuple[str, str], list[str]] = {}
    table = column = ""
    for line in path.read_text().splitlines():
        if match := TABLE.match(line):
            table, column = match[1], ""
        elif match := COLUMN.match(line):
            column = match[1]
        elif (match := CODE.match(line)) and table and column:
            lists.setdefault((table, column), []).append(match[1].strip())
    return lists


def schema(shared_data: Path, year: int) -> dict[tuple[str, str], list[str]]:
    return code_lists(shared_data / "schemas" / "ssda903" / f"SSDA903_schema_{year}.yml")


def test_every_ssda903_schema_present_is_checked(shared_data):
    present = sorted(
        int(p.stem.rsplit("_", 1)[1])
        for p in (shared_data / "schemas" / "ssda903").glob("SSDA903_schema_*.yml")
    )
    assert present == YEARS


def test_the_reader_finds_the_columns_it_is_asked_about(shared_data):
    lists = schema(shared_data, 2024)
    assert set(COLUMNS) <= set(lists)
    # Worked out by reading the file: RNE lists S, L, P, T, B, U in that order.
    assert lists[("Episodes", "RNE")] == ["S", "L", "P", "T", "B", "U"]


@pytest.mark.parametrize("year", YEARS)
@pytest.mark.parametrize(
    "column",
    [c for c in COLUMNS if c not in {("Episodes", "REC"), ("Episodes", "REASON_PLACE_CHANGE")}],
    ids=lambda c: f"{c[0]}.{c[1]}",
)
def test_the_codes_that_never_changed_are_each_years(shared_data, year, column):
    codes = schema(shared_data, year)[column]
    assert len(codes) == len(set(codes))
    assert set(codes) == set(COLUMNS[column].values)


@pytest.mark.parametrize("year", YEARS)
def test_the_reasons_care_ended_are_that_years(shared_data, year):
    codes = set(schema(shared_data, year)[("Episodes", "REC")])
    ours = set(ReasonEpisodeCeased.values)
    expected = ours if year >= 2019 else (ours - SGO_FROM_2019) | SGO_BEFORE_2019
    assert codes == expected


@pytest.mark.parametrize("year", YEARS)
def test_the_reasons_a_placement_changed_are_that_years(shared_data, year):
    codes = set(schema(shared_data, year)[("Episodes", "REASON_PLACE_CHANGE")])
    ours = set(ReasonPlaceChange.values)
    assert codes == (ours if year >= 2019 else ours - {"CUSTOD"})


def test_a_change_of_placement_and_the_start_of_care_are_the_only_new_placements():
    assert ReasonNewEpisode.new_placement() == {"S", "P", "T", "B", "U"}
    assert ReasonNewEpisode.new_legal_status() == {"L", "T", "U"}


def test_long_term_placements_are_the_two_long_term_fostering_codes():
    assert PlacementType.long_term() == {"U1", "U4"}

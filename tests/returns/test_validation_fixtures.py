"""End to end: the synthetic CIN files read by the parser give the issues they were built for."""

import io
import json
from pathlib import Path

import pytest

from safeguard.returns.validation.census import RULESETS
from safeguard.returns.validation.cli import CLEAN, HAS_ERRORS, NOT_CHECKED, run_validate
from safeguard.returns.validation.engine import validate


def fixtures(shared_data: Path) -> Path:
    return shared_data / "fixtures" / "cin"


def parse(path: Path) -> dict:
    from safeguard.returns.cin_xml.parse import parse as read_raw

    return read_raw(path)


def codes(shared_data: Path, name: str, ruleset: str = "2022-23") -> set[str]:
    return validate(parse(fixtures(shared_data) / name), ruleset).codes


def test_the_header_issues_file_has_the_wrong_reference_date(shared_data):
    # Its <ReferenceDate> is 2023-03-28, not the census's last day, 2023-03-31.
    assert "100" in codes(shared_data, "CIN_header_issues_100.xml")


def test_the_la_issues_file_uses_too_few_disability_codes(shared_data):
    # Its one child has HAND and HEAR: 2 codes used, fewer than 8. Its header is right.
    found = codes(shared_data, "CIN_la_issues_2887Q.xml")
    assert "2887Q" in found
    assert "100" not in found


def test_the_two_rows_file_has_two_overlapping_protection_plans(shared_data):
    # Its episode holds the same protection plan twice, from 2022-02-17 to 2023-03-14.
    assert "8940" in codes(shared_data, "CIN2rows.xml")


def test_the_2026_file_breaks_the_2024_25_rules_on_child_ids_and_sex(shared_data):
    # "child_fails_assessments" has underscores; the first child's <Sex> is 1, not M, F or U.
    found = codes(shared_data, "CIN_Census_2026.xml", "2025-26")
    assert {"1580", "4180"} <= found


@pytest.mark.parametrize("ruleset", RULESETS)
def test_every_fixture_is_checked_by_every_rule_of_every_ruleset(shared_data, ruleset):
    for path in sorted(fixtures(shared_data).glob("*.xml")):
        assert validate(parse(path), ruleset).unchecked == {}, path.name


@pytest.mark.parametrize("fmt", ["csv", "json", "html"])
def test_the_command_prints_the_report_and_exits_1_when_there_are_errors(shared_data, fmt):
    out, err = io.StringIO(), io.StringIO()
    path = fixtures(shared_data) / "CIN_header_issues_100.xml"
    assert run_validate(path, "2022-23", fmt, out=out, err=err) == HAS_ERRORS
    assert "100" in out.getvalue()
    assert err.getvalue().startswith("CIN_header_issues_100.xml: ")
    if fmt == "json":
        assert "100" in {i["rule"] for i in json.loads(out.getvalue())["issues"]}


def test_the_command_exits_0_when_only_queries_remain(shared_data, tmp_path, monkeypatch):
    from test_validation_builders import census_file

    from safeguard.returns.validation import cli

    monkeypatch.setattr(cli, "parse", lambda path: census_file())
    assert run_validate(tmp_path / "clean.xml", out=io.StringIO(), err=io.StringIO()) == CLEAN


def test_the_command_explains_a_file_it_cannot_read(tmp_path):
    path = tmp_path / "notes.xml"
    path.write_text("LAchildID,UPN\n1,2\n")
    err = io.StringIO()
    assert run_validate(path, out=io.StringIO(), err=err) == NOT_CHECKED
    assert "notes.xml" in err.getvalue()


def test_the_command_refuses_a_ruleset_or_format_it_does_not_know(shared_data):
    path = fixtures(shared_data) / "CIN2rows.xml"
    err = io.StringIO()
    assert run_validate(path, "2019-20", out=io.StringIO(), err=err) == NOT_CHECKED
    assert "the rulesets are 2022-23" in err.getvalue()
    err = io.StringIO()
    assert run_validate(path, fmt="xlsx", out=io.StringIO(), err=err) == NOT_CHECKED
    assert "choose one of csv, json, html" in err.getvalue()

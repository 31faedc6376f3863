"""The issues report renders as CSV, JSON and a GOV.UK HTML page, safely."""

import csv
import io
import json

import pyarrow as pa
from test_validation_builders import census_file, child

from safeguard.returns.validation.engine import validate
from safeguard.returns.validation.registry import rules_for
from safeguard.returns.validation.report import ISSUE_SCHEMA, Report


def report_of(*issues: dict) -> Report:
    rows = [
        {
            "child_id": "C1",
            "rule": "8840",
            "type": "error",
            "message": "Child Protection Plan cannot start and end on the same day",
            "table": "ChildProtectionPlans",
            "field": "CPPendDate",
            "value": "2022-06-22",
            "line": 40,
        }
        | issue
        for issue in issues
    ]
    return Report("2022-23", pa.Table.from_pylist(rows, schema=ISSUE_SCHEMA), rules_for("2022-23"))


def test_the_csv_has_a_heading_row_and_a_row_per_issue():
    report = report_of({}, {"rule": "8842Q", "type": "query", "value": None, "line": 41})
    rows = list(csv.DictReader(io.StringIO(report.to_csv())))
    assert [(r["Child ID"], r["Rule"], r["Type"], r["Value"], r["Line"]) for r in rows] == [
        ("C1", "8840", "error", "2022-06-22", "40"),
        ("C1", "8842Q", "query", "", "41"),
    ]


def test_the_csv_defuses_values_a_spreadsheet_would_run_as_formulas():
    report = report_of({"value": '=HYPERLINK("http://x")'}, {"child_id": "+44", "value": "-1"})
    rows = list(csv.DictReader(io.StringIO(report.to_csv())))
    assert [(r["Child ID"], r["Value"]) for r in rows] == [
        ("C1", '\'=HYPERLINK("http://x")'),
        ("'+44", "'-1"),
    ]


def test_the_json_gives_the_counts_and_every_issue():
    report = report_of({}, {"rule": "8842Q", "type": "query"})
    data = json.loads(report.to_json())
    assert (data["ruleset"], data["errors"], data["queries"], data["unchecked"]) == (
        "2022-23",
        1,
        1,
        {},
    )
    assert data["issues"][0] == {
        "child_id": "C1",
        "rule": "8840",
        "type": "error",
        "message": "Child Protection Plan cannot start and end on the same day",
        "table": "ChildProtectionPlans",
        "field": "CPPendDate",
        "value": "2022-06-22",
        "line": 40,
    }


def test_the_html_page_is_a_govuk_table_with_every_value_escaped():
    page = report_of({"child_id": "<script>alert(1)</script>", "value": "a & b"}).to_html()
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "a &amp; b" in page
    assert '<table class="govuk-table">' in page
    assert '<caption class="govuk-table__caption govuk-table__caption--m">' in page
    assert '<th scope="col" class="govuk-table__header">Child ID</th>' in page
    assert '<strong class="govuk-tag govuk-tag--red">error</strong>' in page
    assert "style" not in page


def test_the_html_page_of_a_clean_file_says_so():
    page = Report("2022-23", ISSUE_SCHEMA.empty_table(), []).to_html()
    assert "No issues found." in page
    assert "0 errors and 0 queries under the 2022-23 rules" in page


def test_the_summary_counts_errors_and_queries_in_plain_english():
    assert report_of({}).summary() == "1 error and 0 queries under the 2022-23 rules"
    queries = report_of({"type": "query"}, {"type": "query"})
    assert queries.summary() == "0 errors and 2 queries under the 2022-23 rules"


def test_a_report_lists_its_issues_by_line_with_the_return_level_ones_first():
    tables = census_file(
        children=[child(gender="M", ethnicity="WHITE")],
    )
    lines = [(i.line, i.rule) for i in validate(tables)]
    # 2887Q is about the whole return (at the header's line 2); the child is on line 3.
    assert lines == [(2, "2887Q"), (3, "4180"), (3, "4220")]

"""The validator reports bad values and never fails on them."""

import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_validation_builders import census_file, child, issues

from safeguard.returns.cin_raw import RAW_TABLES
from safeguard.returns.validation import engine
from safeguard.returns.validation.census import UnknownRuleset
from safeguard.returns.validation.registry import Rule, rules_for

# Values that make the rules' joins and comparisons meet, mixed with anything at all.
PLAUSIBLE = [
    "C1", "C2", "", " ", "2022-06-01", "2023-03-31", "2015-02-29", "0000-01-01", "9999-12-31",
    "true", "0", "RC8", "N1", "UN7", "21", "NONE", "H801200001001", "'; DROP TABLE child; --",
]  # fmt: skip
text = st.one_of(st.none(), st.sampled_from(PLAUSIBLE), st.text(max_size=20))


def column(field: pa.Field) -> st.SearchStrategy:
    if pa.types.is_list(field.type):
        return st.one_of(st.none(), st.lists(text, max_size=4))
    if pa.types.is_integer(field.type):
        return st.one_of(st.none(), st.integers(-(2**31), 2**31 - 1))
    return text


raw_files = st.fixed_dictionaries(
    {
        name: st.lists(st.fixed_dictionaries({f.name: column(f) for f in schema}), max_size=4).map(
            lambda rows, schema=schema: pa.Table.from_pylist(rows, schema=schema)
        )
        for name, schema in RAW_TABLES.items()
    }
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=raw_files, ruleset=st.sampled_from(["2022-23", "2024-25"]))
def test_any_values_at_all_give_a_report_with_every_rule_checked(raw, ruleset):
    report = engine.validate(raw, ruleset)
    assert report.unchecked == {}
    assert len(report.to_csv().splitlines()) >= len(report)


def test_missing_tables_and_columns_count_as_empty():
    only_children = {"children": census_file()["children"].drop_columns(["ethnicity"])}
    report = engine.validate(only_children)
    assert report.unchecked == {}
    # The child has no ethnicity (the column is missing) and no episode (no table).
    assert {"4220", "8590", "100"} <= report.codes


def test_a_column_of_the_wrong_type_is_read_as_strings_or_as_missing():
    tables = census_file()
    tables["children"] = tables["children"].set_column(
        4, "birth_date", pa.array([20150501], type=pa.int64())
    )
    report = engine.validate(tables)
    assert report.unchecked == {}
    assert "FORM-DATE" in report.codes


def test_an_unknown_ruleset_is_refused():
    with pytest.raises(UnknownRuleset):
        engine.validate(census_file(), "2019-20")


def test_a_rule_that_cannot_run_is_listed_and_the_others_still_run(monkeypatch):
    broken = Rule(
        code="9999",
        rulesets=("2022-23",),
        message="A broken rule",
        table="ChildIdentifiers",
        fields=("UPN",),
        check=lambda census: "SELECT no_such_column FROM child",
    )
    monkeypatch.setattr(engine, "rules_for", lambda ruleset: [*rules_for(ruleset), broken])
    report = engine.validate(census_file(children=[child(ethnicity="WHITE")]))
    assert list(report.unchecked) == ["9999"]
    assert "4220" in report.codes


def test_each_ruleset_runs_its_own_version_of_a_changed_rule():
    unborn = census_file(
        children=[child(birth_date=None, expected_birth_date="2023-06-01", gender="0")]
    )
    assert [i.message for i in issues(unborn, "8750", "2024-25")] == [
        "Sex must equal U for an unborn child"
    ]
    assert issues(unborn, "8750", "2022-23") == []

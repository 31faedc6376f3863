"""Run a ruleset's CIN census validation rules over the raw tables of one file.

The rules run as a few DuckDB queries, each the union of a batch of rules, over tables typed
once (safeguard.returns.validation.tables), so a national file is checked in seconds. (One query
of every rule takes DuckDB longer to plan than a few smaller ones.) Should a batch fail (which a
bad value never makes it do: every value is read with TRY_ functions), its rules are run one by
one and the one that failed is listed in the report as not checked, with the reason, rather than
stopping the others.
"""

# ruff: noqa: S608 - SQL is built from the rules' own constants; a file's values reach DuckDB
# only as table data, never as SQL text.

import logging
from collections.abc import Mapping
from contextlib import closing

import duckdb
import pyarrow as pa

from safeguard.returns.validation.census import Census, ruleset_label
from safeguard.returns.validation.registry import Rule, rules_for
from safeguard.returns.validation.report import ISSUE_SCHEMA, Report
from safeguard.returns.validation.tables import connect

logger = logging.getLogger(__name__)

DEFAULT_RULESET = "2022-23"
RULES_PER_QUERY = 12


def validate(raw_tables: Mapping[str, pa.Table], ruleset: str = DEFAULT_RULESET) -> Report:
    """The issues the ruleset's rules find in a CIN census file's raw tables.

    `raw_tables` maps the names of safeguard.returns.cin_raw.RAW_TABLES to Arrow tables; a table
    or column that is missing counts as empty. UnknownRuleset for a ruleset we have no rules for.
    """
    census = Census(ruleset_label(ruleset))
    rules = rules_for(census.ruleset)
    found: list[pa.Table] = []
    unchecked: dict[str, str] = {}
    with closing(connect(raw_tables)) as connection:
        connection.register("rules", _rules_table(rules))
        for first in range(0, len(rules), RULES_PER_QUERY):
            batch = rules[first : first + RULES_PER_QUERY]
            try:
                found.append(_issues(connection, census, batch))
            except duckdb.Error:
                logger.exception("CIN validation: a batch of rules failed; running them one by one")
                found.extend(_issues_one_by_one(connection, census, batch, unchecked))
    issues = pa.concat_tables(found) if found else ISSUE_SCHEMA.empty_table()
    return Report(census.ruleset, _in_file_order(issues), rules, unchecked)


def _rules_table(rules: list[Rule]) -> pa.Table:
    return pa.table(
        {
            "code": [r.code for r in rules],
            "type": [r.type.value for r in rules],
            "message": [r.message for r in rules],
        }
    )


def _issues(connection: duckdb.DuckDBPyConnection, census: Census, rules: list[Rule]) -> pa.Table:
    found = " UNION ALL ".join(
        f"SELECT '{r.code}' AS code, child_id, line, \"table\", field, value "
        f"FROM ({r.check(census)})"
        for r in rules
    )
    query = (
        f"WITH found AS ({found}) SELECT f.child_id, f.code AS rule, r.type, r.message, "
        'f."table", f.field, f.value, f.line FROM found f JOIN rules r USING (code)'
    )
    return connection.sql(query).to_arrow_table()


def _issues_one_by_one(
    connection: duckdb.DuckDBPyConnection,
    census: Census,
    rules: list[Rule],
    unchecked: dict[str, str],
) -> list[pa.Table]:
    found = []
    for r in rules:
        try:
            found.append(_issues(connection, census, [r]))
        except duckdb.Error as error:
            logger.exception("CIN validation: rule %s could not be checked", r.code)
            unchecked[r.code] = str(error).splitlines()[0]
    return found


def _in_file_order(issues: pa.Table) -> pa.Table:
    """Issues by line (those about the whole file first), then by rule and field."""
    ordered = issues.sort_by(
        [("line", "ascending", "at_start"), ("rule", "ascending"), ("field", "ascending")]
    )
    return ordered.cast(ISSUE_SCHEMA)

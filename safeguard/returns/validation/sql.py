"""Helpers that let every rule's SQL report its offending values in the same five columns.

An issue row is (child_id, line, "table", field, value): the child, the line of the file, the
census module and element the value sits in, and the value as written. Return-level rules
(about the file as a whole) have no child and point at the header's line.
"""

# ruff: noqa: S608 - SQL is built from the rules' own constants; a file's values reach DuckDB
# only as table data, never as SQL text.

from datetime import date

# The census module each typed table's values belong to.
_MODULES = {
    "header": "Header",
    "child": "ChildIdentifiers",
    "disability": "Disabilities",
    "cin": "CINdetails",
    "assessment": "Assessments",
    "cin_plan": "CINplanDates",
    "s47": "Section47",
    "cpp": "ChildProtectionPlans",
    "review": "Reviews",
}
# Child rows also hold the elements of the child's characteristics.
_FIELD_MODULES = {"Ethnicity": "ChildCharacteristics", "Disability": "Disabilities"}
_ISSUE_COLUMNS = 'child_id, line, "table", field, value'
HEADER_LINE = "(SELECT min(line) FROM header)"


def on(day: date) -> str:
    """A date as a SQL literal."""
    return f"DATE '{day.isoformat()}'"


def pick(source: str, field: str, alias: str | None = None, value: str | None = None) -> str:
    """The issue columns for `field` of a row of typed table `source` (named `alias` in FROM)."""
    name = alias or source
    module = _FIELD_MODULES.get(field, _MODULES[source])
    written = value or f"{name}.{field}"
    return (
        f"{name}.child_id AS child_id, {name}.line AS line, '{module}' AS \"table\", "
        f"'{field}' AS field, CAST({written} AS VARCHAR) AS value"
    )


def flag(source: str, field: str, where: str, value: str | None = None) -> str:
    """The rows of one typed table whose `field` breaks a rule, as issues."""
    return f"SELECT {pick(source, field, value=value)} FROM {source} WHERE {where}"


def return_level(table: str, field: str, value: str, when: str) -> str:
    """One issue about the whole return when `when` holds; `value` says what was found."""
    return (
        f"SELECT NULL AS child_id, {HEADER_LINE} AS line, '{table}' AS \"table\", "
        f"'{field}' AS field, CAST(({value}) AS VARCHAR) AS value WHERE {when}"
    )


def same_episode(one: str, other: str) -> str:
    """SQL joining two rows of the same CIN episode, named `one` and `other`."""
    return f"{one}.child_id = {other}.child_id AND {one}.referral_index = {other}.referral_index"


def episode_has(source: str, condition: str = "true", episode: str = "cin") -> str:
    """SQL true when row `episode`'s episode has a row of `source` (as x) meeting `condition`."""
    return f"EXISTS (SELECT 1 FROM {source} x WHERE {same_episode('x', episode)} AND {condition})"


def of_episode(condition: str, source: str) -> str:
    """SQL true when the row of `source` belongs to an episode (as e) meeting `condition`."""
    return f"EXISTS (SELECT 1 FROM cin e WHERE {same_episode('e', source)} AND {condition})"


def of_child(condition: str, source: str) -> str:
    """SQL true when the row of `source` belongs to a child (as ch) meeting `condition`."""
    return f"EXISTS (SELECT 1 FROM child ch WHERE ch.child_id = {source}.child_id AND {condition})"


def union(*queries: str) -> str:
    """Several queries' issues as one query."""
    return " UNION ALL ".join(f"SELECT {_ISSUE_COLUMNS} FROM ({q})" for q in queries)

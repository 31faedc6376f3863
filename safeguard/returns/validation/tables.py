"""The raw CIN tables, registered in DuckDB and typed once for every rule to share.

Each raw table (every value a string as written) becomes a typed table of the same rows: the
values as written, under their census element names (for the report), beside the dates and
flags read from them (for the rules). A value that cannot be read becomes NULL there and is
reported by the form checks (rules/form.py), so no rule ever fails on it.

Typed tables and their keys: header; child and disability (one row per code); cin (an episode:
child_id, referral_index) with its assessment, cin_plan and s47 rows; cpp (a plan: child_id,
referral_index, plan_index) with its review rows. `row_id` tells apart rows that share a key.
"""

from collections.abc import Mapping

import duckdb
import pyarrow as pa

from safeguard.returns.cin_raw import RAW_TABLES

# xs:date: a date with an optional time zone; DuckDB reads the first ten characters. Year 0000
# is not a date in the census (nor in xs:date).
_MACROS = r"""
CREATE TEMP MACRO as_date(x) AS CASE
    WHEN regexp_full_match(trim(x), '[0-9]{4}-[0-9]{2}-[0-9]{2}(Z|[+-][0-9]{2}:[0-9]{2})?')
        AND NOT starts_with(trim(x), '0000')
    THEN TRY_CAST(left(trim(x), 10) AS DATE) END;
CREATE TEMP MACRO as_flag(x) AS CASE
    WHEN x IN ('true', 'TRUE', '1') THEN true WHEN x IN ('false', 'FALSE', '0') THEN false END;
CREATE TEMP MACRO present(x) AS coalesce(trim(x) <> '', false);
"""

_TYPED = """
CREATE TEMP TABLE header AS SELECT
    NULL::VARCHAR AS child_id, line, "year" AS "Year", reference_date AS ReferenceDate,
    as_date(reference_date) AS reference
FROM raw_header;

CREATE TEMP TABLE child AS SELECT
    child_id, line,
    child_id AS LAchildID, upn AS UPN, former_upn AS FormerUPN, upn_unknown AS UPNunknown,
    birth_date AS PersonBirthDate, expected_birth_date AS ExpectedPersonBirthDate, gender,
    death_date AS PersonDeathDate, ethnicity AS Ethnicity, disabilities,
    as_date(birth_date) AS born, as_date(expected_birth_date) AS expected,
    as_date(death_date) AS died
FROM raw_children;

CREATE TEMP TABLE disability AS SELECT child_id, line, unnest(disabilities) AS Disability
FROM child;

CREATE TEMP TABLE cin AS SELECT
    row_number() OVER () AS row_id, child_id, referral_index, line,
    referral_date AS CINreferralDate, source AS ReferralSource, primary_need AS PrimaryNeedCode,
    closure_date AS CINclosureDate, closure_reason AS ReasonForClosure,
    icpc_date AS DateOfInitialCPC, nfa AS ReferralNFA,
    as_date(referral_date) AS referred, as_date(closure_date) AS closed,
    as_date(icpc_date) AS conference, as_flag(nfa) AS no_further_action
FROM raw_cin_details;

CREATE TEMP TABLE assessment AS SELECT
    row_number() OVER () AS row_id, child_id, referral_index, line,
    start_date AS AssessmentActualStartDate, internal_review_date AS AssessmentInternalReviewDate,
    authorisation_date AS AssessmentAuthorisationDate, factors,
    as_date(start_date) AS started, as_date(authorisation_date) AS authorised
FROM raw_assessments;

CREATE TEMP TABLE cin_plan AS SELECT
    row_number() OVER () AS row_id, child_id, referral_index, line,
    start_date AS CINPlanStartDate, end_date AS CINPlanEndDate,
    as_date(start_date) AS started, as_date(end_date) AS ended
FROM raw_cin_plans;

CREATE TEMP TABLE s47 AS SELECT
    row_number() OVER () AS row_id, child_id, referral_index, line,
    start_date AS S47ActualStartDate, icpc_target_date AS InitialCPCtarget,
    icpc_date AS DateOfInitialCPC, icpc_not_required AS ICPCnotRequired,
    as_date(start_date) AS started, as_date(icpc_target_date) AS target,
    as_date(icpc_date) AS conference, as_flag(icpc_not_required) AS conference_not_required
FROM raw_section47;

CREATE TEMP TABLE cpp AS SELECT
    row_number() OVER () AS row_id, child_id, referral_index, plan_index, line,
    start_date AS CPPstartDate, end_date AS CPPendDate,
    initial_category AS InitialCategoryOfAbuse, latest_category AS LatestCategoryOfAbuse,
    previous_plans AS NumberOfPreviousCPP,
    as_date(start_date) AS started, as_date(end_date) AS ended
FROM raw_cp_plans;

CREATE TEMP TABLE review AS SELECT
    child_id, referral_index, plan_index, line,
    review_date AS CPPreviewDate, as_date(review_date) AS reviewed
FROM raw_cp_reviews;
"""


def conform(table: pa.Table | None, schema: pa.Schema) -> pa.Table:
    """The table with exactly the schema's columns: a missing or unreadable column is all NULL."""
    if table is None:
        return schema.empty_table()
    columns = []
    for field in schema:
        if field.name not in table.column_names:
            columns.append(pa.nulls(table.num_rows, field.type))
            continue
        column = table.column(field.name)
        if not column.type.equals(field.type):
            try:
                column = column.cast(field.type)
            except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError):
                column = pa.nulls(table.num_rows, field.type)
        columns.append(column)
    return pa.Table.from_arrays(columns, schema=schema)


def connect(raw_tables: Mapping[str, pa.Table]) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB holding the typed tables of one census file."""
    connection = duckdb.connect(":memory:")
    for name, schema in RAW_TABLES.items():
        connection.register(f"raw_{name}", conform(raw_tables.get(name), schema))
    connection.execute(_MACROS)
    connection.execute(_TYPED)
    return connection

"""A CIN census file as it was written: every value a string, every row with the line it came from.

The validator works on these raw tables, so a bad value (an impossible date, an unknown code) is
reported against its line rather than stopping the read; the strict reader turns raw tables into
a journey dataset and refuses anything that does not fit. The tables mirror the XML's nesting:
a child's CINdetails are numbered in file order (`referral_index`), and so are an episode's
protection plans (`plan_index`).
"""

import pyarrow as pa

S = pa.string()
LINE = ("line", pa.int64())
CHILD = ("child_id", S)
REFERRAL = ("referral_index", pa.int32())

RAW_TABLES: dict[str, pa.Schema] = {
    "header": pa.schema(
        [
            ("collection", S),
            ("year", S),
            ("reference_date", S),
            ("source_level", S),
            ("la", S),
            ("software_code", S),
            ("release", S),
            ("serial_no", S),
            ("datetime", S),
            LINE,
        ]
    ),
    "children": pa.schema(
        [
            CHILD,
            ("upn", S),
            ("former_upn", S),
            ("upn_unknown", S),
            ("birth_date", S),
            ("expected_birth_date", S),
            ("gender", S),
            ("death_date", S),
            ("ethnicity", S),
            ("disabilities", pa.list_(S)),
            LINE,
        ]
    ),
    "cin_details": pa.schema(
        [
            CHILD,
            REFERRAL,
            ("referral_date", S),
            ("source", S),
            ("primary_need", S),
            ("closure_date", S),
            ("closure_reason", S),
            ("icpc_date", S),
            ("nfa", S),
            LINE,
        ]
    ),
    "assessments": pa.schema(
        [
            CHILD,
            REFERRAL,
            ("start_date", S),
            ("internal_review_date", S),
            ("authorisation_date", S),
            ("factors", pa.list_(S)),
            LINE,
        ]
    ),
    "cin_plans": pa.schema([CHILD, REFERRAL, ("start_date", S), ("end_date", S), LINE]),
    "section47": pa.schema(
        [
            CHILD,
            REFERRAL,
            ("start_date", S),
            ("icpc_target_date", S),
            ("icpc_date", S),
            ("icpc_not_required", S),
            LINE,
        ]
    ),
    "cp_plans": pa.schema(
        [
            CHILD,
            REFERRAL,
            ("plan_index", pa.int32()),
            ("start_date", S),
            ("end_date", S),
            ("initial_category", S),
            ("latest_category", S),
            ("previous_plans", S),
            LINE,
        ]
    ),
    "cp_reviews": pa.schema(
        [CHILD, REFERRAL, ("plan_index", pa.int32()), ("review_date", S), LINE]
    ),
}
"""Raw tables: child_id is LAchildID; dates as written (CIN uses YYYY-MM-DD); flags as written
(true/false/1/0); code lists in file order. Missing elements are null."""

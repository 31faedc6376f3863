"""What a CIN census counts: the episodes open at any time in the year, with their children and
everything recorded in them, as they stood on the reference date.

An episode counts when it was referred on or before 31 March and not closed before 1 April of
the year before. What happened after the reference date is left out (a plan started in April) or
left open (an episode closed in May was open on 31 March), so a dataset running past the year
gives the return that would have been made then.
"""

from datetime import date

import pyarrow as pa
import pyarrow.compute as pc

from safeguard.journey.dataset import Dataset
from safeguard.returns.cin_xml.years import CensusYear

CIN_TABLES = (
    "children",
    "referrals",
    "assessments",
    "cin_plans",
    "section47",
    "cp_plans",
    "cp_reviews",
)


def census_tables(dataset: Dataset, census: CensusYear, la: str) -> dict[str, pa.Table]:
    """The council's CIN tables as the census of that year counts them, as at its reference day."""
    start, end = census.start, census.reference_date
    tables = {name: dataset[name].filter(pc.equal(dataset[name]["la"], la)) for name in CIN_TABLES}

    referrals = _until(tables["referrals"], "referral_date", end)
    referrals = _blank_after(referrals, "closure_date", end, "closure_reason")
    closure = referrals["closure_date"]
    open_in_year = pc.or_kleene(pc.is_null(closure), pc.greater_equal(closure, pa.scalar(start)))
    known_child = pc.is_in(referrals["child_id"], tables["children"]["child_id"])
    referrals = referrals.filter(pc.and_(open_in_year, known_child))
    counted = referrals["referral_id"]

    children = tables["children"]
    children = children.filter(pc.is_in(children["child_id"], referrals["child_id"]))
    children = _blank_after(children, "date_of_death", end)
    # A child born after the reference date was unborn on it: the birth was then expected.
    born_later = pc.fill_null(pc.greater(children["date_of_birth"], pa.scalar(end)), False)
    expected = pc.coalesce(children["expected_date_of_birth"], children["date_of_birth"])
    children = _set(
        children,
        "expected_date_of_birth",
        pc.if_else(born_later, expected, children["expected_date_of_birth"]),
    )
    children = _blank_where(children, born_later, "date_of_birth")

    out = {"children": children.sort_by("child_id")}
    out["referrals"] = referrals.sort_by(
        [("child_id", "ascending"), ("referral_date", "ascending"), ("referral_id", "ascending")]
    )
    for name, id_column, later in (
        ("assessments", "assessment_id", ("authorisation_date",)),
        ("cin_plans", "cin_plan_id", ("end_date",)),
        ("section47", "s47_id", ("icpc_date",)),
        ("cp_plans", "cp_plan_id", ("end_date",)),
    ):
        table = _until(tables[name], "start_date", end)
        table = table.filter(pc.is_in(table["referral_id"], counted))
        for column in later:
            table = _blank_after(table, column, end)
        out[name] = table.sort_by(
            [("child_id", "ascending"), ("start_date", "ascending"), (id_column, "ascending")]
        )
    reviews = _until(tables["cp_reviews"], "review_date", end)
    reviews = reviews.filter(pc.is_in(reviews["cp_plan_id"], out["cp_plans"]["cp_plan_id"]))
    out["cp_reviews"] = reviews.sort_by(
        [("child_id", "ascending"), ("cp_plan_id", "ascending"), ("review_date", "ascending")]
    )
    return out


def _until(table: pa.Table, column: str, end: date) -> pa.Table:
    return table.filter(pc.less_equal(table[column], pa.scalar(end)))


def _blank_after(table: pa.Table, column: str, end: date, *also: str) -> pa.Table:
    later = pc.fill_null(pc.greater(table[column], pa.scalar(end)), False)
    return _blank_where(table, later, column, *also)


def _blank_where(table: pa.Table, where: pa.ChunkedArray, *columns: str) -> pa.Table:
    for column in columns:
        values = table[column]
        table = _set(table, column, pc.if_else(where, pa.scalar(None, values.type), values))
    return table


def _set(table: pa.Table, column: str, values: pa.ChunkedArray | pa.Array) -> pa.Table:
    return table.set_column(table.schema.get_field_index(column), column, values)

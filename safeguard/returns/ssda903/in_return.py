"""What a council's SSDA903 return for a year holds, as journey dataset tables.

The return counts the children looked after at any time in the year: every episode open on some
day from 1 April to 31 March, with its child's header, the child's reviews in the year, and the
child's missing and away episodes open in the year. It tells things as they stood on 31 March:
an episode or missing episode that ended later is still open, and what was said when it ended
(the reason, the placement change) is not yet known. Codes are the year's (codes.as_in_year): a
dataset in today's codes says an earlier year's return in the codes it then had.

The tables keep the dataset's columns, emptying what the return does not say (a child's former
UPN, disabilities, date of death; the return home interview), so `Dataset.build` of them is the
dataset that reading the return back gives.
"""

from datetime import date

import pyarrow as pa
import pyarrow.compute as pc

from safeguard.journey.dataset import Dataset
from safeguard.returns.cin_xml.years import CensusYear
from safeguard.returns.ssda903.codes import FEMALE, MALE, as_in_year
from safeguard.returns.ssda903.strict import NOT_RECORDED

LOOKED_AFTER = ("children", "cla_episodes", "cla_reviews", "missing_episodes")
# Child details the return has no place for.
_NOT_IN_RETURN = ("former_upn", "expected_date_of_birth", "date_of_death")


def in_return(dataset: Dataset, year: CensusYear, la: str) -> dict[str, pa.Table]:
    """Council `la`'s looked-after tables as its return for `year` holds them."""
    start, end = year.start, year.reference_date
    tables = {name: _council(dataset[name], la) for name in LOOKED_AFTER}

    episodes = _open_in(tables["cla_episodes"], "start_date", "end_date", start, end)
    episodes = _blank_after(
        episodes, "end_date", end, "reason_ceased", "reason_place_change"
    ).sort_by([("child_id", "ascending"), ("start_date", "ascending")])
    for column, name in (("REC", "reason_ceased"), ("REASON_PLACE_CHANGE", "reason_place_change")):
        episodes = _set(episodes, name, _as_in_year(episodes[name], column, year))
    looked_after = pc.unique(episodes["child_id"])

    children = tables["children"]
    children = children.filter(pc.is_in(children["child_id"], looked_after))
    children = _children_as_said(children).sort_by("child_id")

    reviews = tables["cla_reviews"]
    held = reviews["review_date"]
    in_year = pc.and_(pc.greater_equal(held, pa.scalar(start)), pc.less_equal(held, pa.scalar(end)))
    reviews = reviews.filter(pc.and_(in_year, pc.is_in(reviews["child_id"], looked_after)))

    missing = tables["missing_episodes"]
    missing = missing.filter(pc.is_in(missing["child_id"], looked_after))
    missing = _blank_after(_open_in(missing, "start_date", "end_date", start, end), "end_date", end)
    for column in ("interview_offered", "interview_date"):
        missing = _set(
            missing, column, pa.nulls(missing.num_rows, missing.schema.field(column).type)
        )
    return {
        "children": children,
        "cla_episodes": episodes,
        "cla_reviews": reviews.sort_by([("child_id", "ascending"), ("review_date", "ascending")]),
        "missing_episodes": missing.sort_by(
            [("child_id", "ascending"), ("start_date", "ascending")]
        ),
    }


def _children_as_said(children: pa.Table) -> pa.Table:
    """The header's view of a child: a UPN or the reason there is none; male, female or not
    recorded; nothing the return does not ask."""
    for column in _NOT_IN_RETURN:
        children = _set(children, column, pa.nulls(children.num_rows, children[column].type))
    children = _set(
        children, "disabilities", pa.array([[]] * children.num_rows, children["disabilities"].type)
    )
    said = pc.is_in(children["gender"], pa.array([MALE, FEMALE]))
    children = _set(children, "gender", pc.if_else(said, children["gender"], NOT_RECORDED))
    has_upn = pc.is_valid(children["upn"])
    none = pa.scalar(None, pa.string())
    return _set(children, "upn_unknown", pc.if_else(has_upn, none, children["upn_unknown"]))


def _as_in_year(values: pa.ChunkedArray, column: str, year: CensusYear) -> pa.Array:
    said = [None if code is None else as_in_year(column, code, year) for code in values.to_pylist()]
    return pa.array(said, pa.string())


def _council(table: pa.Table, la: str) -> pa.Table:
    return table.filter(pc.equal(table["la"], la))


def _open_in(table: pa.Table, start: str, end: str, first: date, last: date) -> pa.Table:
    began = pc.less_equal(table[start], pa.scalar(last))
    ended = table[end]
    still_open = pc.or_kleene(pc.is_null(ended), pc.greater_equal(ended, pa.scalar(first)))
    return table.filter(pc.and_(began, still_open))


def _blank_after(table: pa.Table, column: str, last: date, *also: str) -> pa.Table:
    later = pc.fill_null(pc.greater(table[column], pa.scalar(last)), False)
    for name in (column, *also):
        values = table[name]
        table = _set(table, name, pc.if_else(later, pa.scalar(None, values.type), values))
    return table


def _set(table: pa.Table, column: str, values: pa.ChunkedArray | pa.Array) -> pa.Table:
    return table.set_column(table.schema.get_field_index(column), column, values)

"""Raw SSDA903 tables → a journey dataset, refusing anything that does not fit.

Every date must be a real date written DD/MM/YYYY, every code one of the return's codes (the
year's, when the year is given; otherwise any year's), every value the dataset cannot do without
must be there, each child must be in the header once, and each episode, review and missing
episode must be a header child's, once, ending no earlier than it started. One problem refuses
the whole return, with the first problems listed by file and line; nothing is loaded.

A child's second review on the same day is the one thing let pass: systems export such repeats,
and the dataset holds one review a day, so the first is kept and the repeats are counted in the
raw return's `left_out`.

The return does not record a sex other than male (1) or female (2): a child whose SEX is blank
is read as not recorded (gender 0), which is how the writer writes such a child.
"""

import pyarrow as pa
import pyarrow.compute as pc

from safeguard.journey.dataset import Dataset, DatasetError
from safeguard.journey.schema import TABLES
from safeguard.returns.cin_xml.errors import ReturnFileError
from safeguard.returns.cin_xml.years import CensusYear
from safeguard.returns.ssda903.codes import return_codes
from safeguard.returns.ssda903.columns import Columns
from safeguard.returns.ssda903.problems import SHOWN, Problems
from safeguard.returns.ssda903.raw import RawReturn

NOT_RECORDED = "0"
UPN_UNKNOWN = r"^UN\d{1,2}$"
REPEATED_REVIEWS = "repeated reviews (a child's second review on the same day)"


def to_dataset(raw: RawReturn, *, la: str, year: CensusYear | None = None) -> Dataset:
    """The journey dataset of council `la`'s return; ReturnFileError listing what does not fit."""
    which = f"a {year} SSDA903" if year else "an SSDA903"
    problems = Problems()
    codes = return_codes(year)
    columns = {name: Columns(name, raw, problems, codes, which) for name in raw.tables}
    children = _children(columns["Header"])
    known = children["child_id"]
    uasc = _uasc(columns["UASC"], known)
    converted = {
        "children": {**children, "uasc": pc.is_in(known, uasc)},
        "cla_episodes": _episodes(columns["Episodes"], known),
        "cla_reviews": _reviews(columns["Reviews"], known, raw.left_out),
        "missing_episodes": _missing(columns["Missing"], known),
    }
    problems.refuse_if_any(raw.name, f"the {year} SSDA903 return" if year else "an SSDA903 return")
    try:
        return Dataset.build({name: _table(name, la, arrays) for name, arrays in converted.items()})
    except DatasetError as error:
        # A value the dataset needs that the checks above do not know about yet.
        raise ReturnFileError(f"{raw.name}: not read, nothing was loaded: {error}") from None


def _children(rows: Columns) -> dict[str, pa.Array]:
    child_id = rows.text("CHILD", required=True)
    _refuse_repeats(rows, [child_id], "CHILD", "each child once in the header")
    upn = rows.text("UPN")
    # The return writes a reason code (UN1 …) where a child has no UPN.
    unknown = pc.fill_null(pc.match_substring_regex(upn, UPN_UNKNOWN), False)
    none = pa.scalar(None, pa.string())
    return {
        "child_id": child_id,
        "upn": pc.if_else(unknown, none, upn),
        "upn_unknown": pc.if_else(unknown, upn, none),
        "date_of_birth": rows.date("DOB"),
        "gender": pc.fill_null(rows.code("SEX"), NOT_RECORDED),
        "ethnicity": rows.code("ETHNIC", required=True),
    }


def _uasc(rows: Columns, known: pa.Array) -> pa.Array:
    """The children the return says came unaccompanied and seeking asylum."""
    child_id = _known_child(rows, known)
    flag = rows.text("UASC")
    yes = pc.equal(flag, "1")
    bad = pc.and_(pc.is_valid(flag), pc.invert(pc.is_in(flag, pa.array(["0", "1"]))))
    rows.note(bad, flag, "UASC", "1 (an unaccompanied asylum-seeking child) or 0")
    return pc.filter(child_id, pc.fill_null(yes, False))


def _episodes(rows: Columns, known: pa.Array) -> dict[str, pa.Array]:
    child_id = _known_child(rows, known)
    start = rows.date("DECOM", required=True)
    end = rows.date("DEC")
    _refuse_before(rows, start, end, "DEC", "the episode's start (DECOM)")
    _refuse_repeats(rows, [child_id, start], "DECOM", "each of a child's episodes once")
    return {
        "child_id": child_id,
        "start_date": start,
        "reason_new_episode": rows.code("RNE", required=True),
        "legal_status": rows.code("LS", required=True),
        "category_of_need": rows.code("CIN", required=True),
        "placement": rows.code("PLACE", required=True),
        "placement_provider": rows.code("PLACE_PROVIDER"),
        "end_date": end,
        "reason_ceased": rows.code("REC"),
        "reason_place_change": rows.code("REASON_PLACE_CHANGE"),
        "home_postcode": rows.text("HOME_POST"),
        "placement_postcode": rows.text("PL_POST"),
        "urn": rows.text("URN"),
    }


def _reviews(rows: Columns, known: pa.Array, left_out: dict[str, int]) -> dict[str, pa.Array]:
    child_id = _known_child(rows, known)
    held = rows.date("REVIEW", required=True)
    reviews = {
        "child_id": child_id,
        "review_date": held,
        "participation": rows.code("REVIEW_CODE"),
    }
    seen: set[tuple] = set()
    first = []
    for key in zip(child_id.to_pylist(), held.to_pylist(), strict=True):
        first.append(key not in seen)
        seen.add(key)
    repeats = first.count(False)
    if repeats:
        left_out[REPEATED_REVIEWS] = repeats
    keep = pa.array(first, pa.bool_())
    return {name: pc.filter(values, keep) for name, values in reviews.items()}


def _missing(rows: Columns, known: pa.Array) -> dict[str, pa.Array]:
    child_id = _known_child(rows, known)
    start = rows.date("MIS_START", required=True)
    end = rows.date("MIS_END")
    _refuse_before(rows, start, end, "MIS_END", "the start of the episode (MIS_START)")
    _refuse_repeats(rows, [child_id, start], "MIS_START", "each of a child's episodes once")
    return {
        "child_id": child_id,
        "kind": rows.code("MISSING", required=True),
        "start_date": start,
        "end_date": end,
    }


def _known_child(rows: Columns, known: pa.Array) -> pa.Array:
    child_id = rows.text("CHILD", required=True)
    unknown = pc.and_(pc.is_valid(child_id), pc.invert(pc.is_in(child_id, known)))
    rows.note(unknown, child_id, "CHILD", "a child in the return's header")
    return child_id


def _refuse_before(rows: Columns, start: pa.Array, end: pa.Array, column: str, what: str) -> None:
    before = pc.less(end, start)
    rows.note(before, pc.strftime(end, format="%d/%m/%Y"), column, f"a date no earlier than {what}")


def _refuse_repeats(rows: Columns, keys: list[pa.Array], column: str, said: str) -> None:
    first_seen: dict[tuple, int] = {}
    lines = rows.lines.to_pylist()
    shown = more = 0
    values = rows.text(column).to_pylist()
    for row, key in enumerate(zip(*(k.to_pylist() for k in keys), strict=True)):
        if None in key:
            continue
        if key not in first_seen:
            first_seen[key] = lines[row]
        elif shown < SHOWN:
            expected = f"{said} (this one is also on line {first_seen[key]})"
            rows.note_rows([row], [values[row]], column, expected, 1)
            shown += 1
        else:
            more += 1
    if more:
        rows.problems.note([], more)


def _table(name: str, la: str, arrays: dict[str, pa.Array]) -> pa.Table:
    """The table with the dataset's columns; what the return does not say is empty."""
    rows = len(arrays["child_id"])
    columns = {}
    for field in TABLES[name]:
        if field.name == "la":
            columns["la"] = pa.array([la] * rows, pa.string())
        elif field.name in arrays:
            columns[field.name] = arrays[field.name]
        elif field.name == "disabilities":
            columns[field.name] = pa.array([[]] * rows, field.type)
        else:
            columns[field.name] = pa.nulls(rows, field.type)
    return pa.table(columns)

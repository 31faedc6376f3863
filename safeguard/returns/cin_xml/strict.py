"""Raw CIN census tables → a journey dataset, refusing anything that does not fit.

The raw tables keep what the file says. Here every date must be a real date written YYYY-MM-DD,
every flag true, false, 1 or 0, every code one of that year's census codes, and every value the
dataset cannot do without must be there. One problem refuses the whole file, with the first
problems listed by line; nothing is loaded, because nothing leaves memory until the dataset is
returned.

The journey dataset has no place for two things a census file may hold, and they are left out:
an episode's own DateOfInitialCPC (a conference with no section 47 in that episode) and an
assessment's internal review date. `left_out` counts them, so an import can say so.
"""

import re
from collections.abc import Mapping
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from safeguard.journey import ids
from safeguard.journey.dataset import Dataset, DatasetError
from safeguard.returns.cin_xml.codes import census_codes
from safeguard.returns.cin_xml.columns import Columns
from safeguard.returns.cin_xml.errors import ReturnFileError
from safeguard.returns.cin_xml.parse import parse
from safeguard.returns.cin_xml.problems import SHOWN, Problems
from safeguard.returns.cin_xml.years import CensusYear, census_year, with_schema


def read(path: Path | str, year: str | None = None, la: str | None = None) -> Dataset:
    """The journey dataset of a CIN census file (see `parse` and `to_dataset`)."""
    path = Path(path)
    return to_dataset(parse(path, year), source=path.name, year=year, la=la)


def to_dataset(
    raw: Mapping[str, pa.Table], *, source: str, year: str | None = None, la: str | None = None
) -> Dataset:
    """The raw tables of one council's CIN census file as a journey dataset.

    `year` ("2016-17") defaults to the header's Year and `la` to its LEA; given, they must match.
    ReturnFileError listing the first problems (line, element, value, what was expected).
    """
    census, council = _header(raw["header"], source, year, la)
    problems = Problems()
    codes = census_codes(census)
    tables = {name: Columns(name, raw[name], problems, codes, census) for name in raw}
    _refuse_repeated_children(tables["children"], problems)
    converted = {
        "children": _children(tables["children"]),
        "referrals": _referrals(tables["cin_details"]),
        "assessments": _assessments(tables["assessments"]),
        "cin_plans": _cin_plans(tables["cin_plans"]),
        "section47": _section47(tables["section47"]),
        "cp_plans": _cp_plans(tables["cp_plans"]),
        "cp_reviews": _cp_reviews(tables["cp_reviews"]),
    }
    problems.refuse_if_any(source, census)
    try:
        return Dataset.build(_with_ids(converted, council))
    except DatasetError as error:
        # A value the dataset needs that the checks above do not know about yet.
        raise ReturnFileError(f"{source}: not read, nothing was loaded: {error}") from None


def left_out(raw: Mapping[str, pa.Table]) -> dict[str, int]:
    """How many values of a file the journey dataset has no place for, by element."""
    return {
        "DateOfInitialCPC (CIN details)": _present(raw["cin_details"], "icpc_date"),
        "AssessmentInternalReviewDate": _present(raw["assessments"], "internal_review_date"),
    }


def _present(table: pa.Table, column: str) -> int:
    trimmed = pc.utf8_trim_whitespace(table.column(column))
    return int(pc.sum(pc.not_equal(trimmed, "")).as_py() or 0)


def _header(
    header: pa.Table, source: str, year: str | None, la: str | None
) -> tuple[CensusYear, str]:
    row = header.to_pylist()[0]
    line = row["line"]
    lea = (row["la"] or "").strip()
    if not re.fullmatch(r"\d{3}", lea):
        found = f"<LEA>{row['la']}</LEA>" if row["la"] is not None else "no <LEA>"
        raise ReturnFileError(
            f"{source}, line {line}: the header has {found}: expected the council's three-digit "
            "LA code"
        )
    if la and lea != la:
        raise ReturnFileError(
            f"{source}, line {line}: the header is council {lea}'s (<LEA>{lea}</LEA>), "
            f"but council {la} was expected"
        )
    written = (row["year"] or "").strip()
    if year:
        census = census_year(year)
        if written != str(census.end):
            raise ReturnFileError(
                f"{source}, line {line}: the header has <Year>{written}</Year>, but the {census} "
                f"census has <Year>{census.end}</Year>"
            )
    elif re.fullmatch(r"\d{4}", written):
        census = CensusYear(int(written))
    else:
        raise ReturnFileError(
            f"{source}, line {line}: the header has no <Year> (found “{written}”): expected the "
            "census end year, like 2017 for 2016-17"
        )
    return with_schema(census), lea


def _refuse_repeated_children(children: Columns, problems: Problems) -> None:
    child_ids = children.text("child_id", "LAchildID", required=True).to_pylist()
    first_seen: dict[str, int] = {}
    repeats = 0
    for child_id, line in zip(child_ids, children.lines.to_pylist(), strict=True):
        if child_id in first_seen:
            said = f"each child once in the file (this one is also on line {first_seen[child_id]})"
            shown = [line] if repeats < SHOWN else []
            problems.note("Child", shown, [child_id][: len(shown)], "LAchildID", said, 1)
            repeats += 1
        elif child_id is not None:
            first_seen[child_id] = line


def _children(rows: Columns) -> dict[str, pa.Array]:
    return {
        "child_id": rows.text("child_id"),
        "upn": rows.text("upn"),
        "former_upn": rows.text("former_upn"),
        "upn_unknown": rows.code("upn_unknown", "UPNunknown", "unknownupntype"),
        "date_of_birth": rows.date("birth_date", "PersonBirthDate"),
        "expected_date_of_birth": rows.date("expected_birth_date", "ExpectedPersonBirthDate"),
        "gender": rows.code("gender", "GenderCurrent (or Sex)", "gendertype", required=True),
        "ethnicity": rows.code("ethnicity", "Ethnicity", "ethnicitytype", required=True),
        "date_of_death": rows.date("death_date", "PersonDeathDate"),
        "disabilities": rows.codes_listed("disabilities", "Disability", "disabilitytype"),
        "uasc": pa.array([False] * len(rows), pa.bool_()),
    }


def _episode_keys(rows: Columns) -> dict[str, pa.Array]:
    return {"child_id": rows.text("child_id"), "referral_index": rows.array("referral_index")}


def _referrals(rows: Columns) -> dict[str, pa.Array]:
    return {
        **_episode_keys(rows),
        "referral_date": rows.date("referral_date", "CINreferralDate", required=True),
        "source": rows.code("source", "ReferralSource", "referralsourcetype"),
        "primary_need": rows.code("primary_need", "PrimaryNeedCode", "primaryneedcodetype"),
        "nfa": rows.flag("nfa", "ReferralNFA"),
        "closure_date": rows.date("closure_date", "CINclosureDate"),
        "closure_reason": rows.code("closure_reason", "ReasonForClosure", "reasonforclosuretype"),
    }


def _assessments(rows: Columns) -> dict[str, pa.Array]:
    return {
        **_episode_keys(rows),
        "start_date": rows.date("start_date", "AssessmentActualStartDate", required=True),
        "authorisation_date": rows.date("authorisation_date", "AssessmentAuthorisationDate"),
        "factors": rows.codes_listed("factors", "AssessmentFactors", "assessmentfactorstype"),
    }


def _cin_plans(rows: Columns) -> dict[str, pa.Array]:
    return {
        **_episode_keys(rows),
        "start_date": rows.date("start_date", "CINPlanStartDate", required=True),
        "end_date": rows.date("end_date", "CINPlanEndDate"),
    }


def _section47(rows: Columns) -> dict[str, pa.Array]:
    return {
        **_episode_keys(rows),
        "start_date": rows.date("start_date", "S47ActualStartDate", required=True),
        "icpc_target_date": rows.date("icpc_target_date", "InitialCPCtarget"),
        "icpc_date": rows.date("icpc_date", "DateOfInitialCPC"),
        "icpc_not_required": rows.flag("icpc_not_required", "ICPCnotRequired"),
    }


def _cp_plans(rows: Columns) -> dict[str, pa.Array]:
    category = "categoryofabuse"
    return {
        **_episode_keys(rows),
        "plan_index": rows.array("plan_index"),
        "start_date": rows.date("start_date", "CPPstartDate", required=True),
        "end_date": rows.date("end_date", "CPPendDate"),
        "initial_category": rows.code(
            "initial_category", "InitialCategoryOfAbuse", category, required=True
        ),
        "latest_category": rows.code(
            "latest_category", "LatestCategoryOfAbuse", category, required=True
        ),
        "previous_plans": rows.count("previous_plans", "NumberOfPreviousCPP"),
    }


def _cp_reviews(rows: Columns) -> dict[str, pa.Array]:
    return {
        **_episode_keys(rows),
        "plan_index": rows.array("plan_index"),
        "review_date": rows.date("review_date", "CPPreviewDate", required=True),
    }


# The records below an episode, the id column each gets, and how the id is made.
_PARTS = (
    ("assessments", "assessment_id", ids.assessment_id),
    ("cin_plans", "cin_plan_id", ids.cin_plan_id),
    ("section47", "s47_id", ids.s47_id),
    ("cp_plans", "cp_plan_id", ids.cp_plan_id),
)
_POSITIONS = ("referral_index", "plan_index")


def _with_ids(tables: dict[str, dict[str, pa.Array]], la: str) -> dict[str, pa.Table]:
    """The checked columns with the dataset's natural-key ids; repeats numbered in file order."""
    referrals = tables["referrals"]
    episodes = _keys(referrals, "child_id", "referral_index")
    dates = referrals["referral_date"].to_pylist()
    referral_ids = ids.numbered(
        [ids.referral_id(child, day) for (child, _), day in zip(episodes, dates, strict=True)]
    )
    referral_of = dict(zip(episodes, referral_ids, strict=True))
    out = {
        "children": tables["children"],
        "referrals": {**_without_positions(referrals), "referral_id": referral_ids},
    }
    for name, id_column, make in _PARTS:
        columns = tables[name]
        parents = [referral_of[key] for key in _keys(columns, "child_id", "referral_index")]
        starts = columns["start_date"].to_pylist()
        made = ids.numbered([make(p, day) for p, day in zip(parents, starts, strict=True)])
        out[name] = {**_without_positions(columns), "referral_id": parents, id_column: made}
    plans = _keys(tables["cp_plans"], "child_id", "referral_index", "plan_index")
    plan_of = dict(zip(plans, out["cp_plans"]["cp_plan_id"], strict=True))
    reviews = tables["cp_reviews"]
    out["cp_reviews"] = {
        "child_id": reviews["child_id"],
        "cp_plan_id": [
            plan_of[k] for k in _keys(reviews, "child_id", "referral_index", "plan_index")
        ],
        "review_date": reviews["review_date"],
    }
    return {name: _table(la, columns) for name, columns in out.items()}


def _keys(columns: dict[str, pa.Array], *names: str) -> list[tuple]:
    return list(zip(*(columns[name].to_pylist() for name in names), strict=True))


def _without_positions(columns: dict[str, pa.Array]) -> dict[str, pa.Array]:
    return {name: values for name, values in columns.items() if name not in _POSITIONS}


def _table(la: str, columns: Mapping[str, pa.Array | list]) -> pa.Table:
    rows = len(columns["child_id"])
    arrays = {
        name: values if isinstance(values, pa.Array) else pa.array(values, pa.string())
        for name, values in columns.items()
    }
    return pa.table({"la": pa.array([la] * rows, pa.string()), **arrays})

"""Tiny CIN census files built as raw tables, for the validation rules' tests.

The base file is one child in the 2022-23 census (1 April 2022 to 31 March 2023) with one open
episode and one completed assessment; every builder takes the fields to change. The tests in
this file check that the base file is clean, so each rule's failing case shows that rule alone.
"""

from dataclasses import dataclass, field

import pyarrow as pa

from safeguard.returns.cin_raw import RAW_TABLES
from safeguard.returns.validation.engine import validate
from safeguard.returns.validation.report import Issue

Row = dict[str, object]
CHILD = "C1"
# A real UPN: check letter H for 801 2000 0100 1, worked out by the DfE's published example.
UPN = "H801200001001"
REFERRAL = "2022-06-01"  # a Wednesday
CHECK_ALPHABET = "ABCDEFGHJKLMNPQRTUVWXYZ"


def header(**fields: object) -> Row:
    return {
        "collection": "CIN",
        "year": "2023",
        "reference_date": "2023-03-31",
        "source_level": "L",
        "la": "201",
        **fields,
    }


def child(child_id: str | None = CHILD, **fields: object) -> Row:
    return {
        "child_id": child_id,
        "upn": UPN,
        "birth_date": "2015-05-01",
        "gender": "1",
        "ethnicity": "WBRI",
        "disabilities": ["NONE"],
        **fields,
    }


def episode(child_id: str | None = CHILD, referral_index: int = 1, **fields: object) -> Row:
    return {
        "child_id": child_id,
        "referral_index": referral_index,
        "referral_date": REFERRAL,
        "source": "1A",
        "primary_need": "N1",
        "nfa": "false",
        **fields,
    }


def assessment(child_id: str | None = CHILD, referral_index: int = 1, **fields: object) -> Row:
    return {
        "child_id": child_id,
        "referral_index": referral_index,
        "start_date": "2022-06-02",
        "authorisation_date": "2022-07-15",
        "factors": ["3A"],
        **fields,
    }


def enquiry(child_id: str | None = CHILD, referral_index: int = 1, **fields: object) -> Row:
    """A section 47 enquiry started on a Friday, with its conference the Wednesday week after."""
    return {
        "child_id": child_id,
        "referral_index": referral_index,
        "start_date": "2022-06-03",
        "icpc_target_date": "2022-06-24",
        "icpc_date": "2022-06-22",
        "icpc_not_required": "false",
        **fields,
    }


def cin_plan(child_id: str | None = CHILD, referral_index: int = 1, **fields: object) -> Row:
    return {
        "child_id": child_id,
        "referral_index": referral_index,
        "start_date": "2022-07-20",
        **fields,
    }


def plan(
    child_id: str | None = CHILD, referral_index: int = 1, plan_index: int = 1, **fields: object
) -> Row:
    """A protection plan starting at the base enquiry's conference."""
    return {
        "child_id": child_id,
        "referral_index": referral_index,
        "plan_index": plan_index,
        "start_date": "2022-06-22",
        "initial_category": "NEG",
        "latest_category": "NEG",
        "previous_plans": "0",
        **fields,
    }


def review(
    child_id: str | None = CHILD, referral_index: int = 1, plan_index: int = 1, **fields: object
) -> Row:
    return {
        "child_id": child_id,
        "referral_index": referral_index,
        "plan_index": plan_index,
        "review_date": "2022-09-20",
        **fields,
    }


def census_file(
    *,
    headers: list[Row] | None = None,
    children: list[Row] | None = None,
    episodes: list[Row] | None = None,
    assessments: list[Row] | None = None,
    enquiries: list[Row] | None = None,
    cin_plans: list[Row] | None = None,
    plans: list[Row] | None = None,
    reviews: list[Row] | None = None,
) -> dict[str, pa.Table]:
    """Raw tables: the base file, with any table given replacing the base's rows.

    Rows get lines in file order unless they say otherwise.
    """
    rows = {
        "header": [header()] if headers is None else headers,
        "children": [child()] if children is None else children,
        "cin_details": [episode()] if episodes is None else episodes,
        "assessments": [assessment()] if assessments is None else assessments,
        "section47": enquiries or [],
        "cin_plans": cin_plans or [],
        "cp_plans": plans or [],
        "cp_reviews": reviews or [],
    }
    line = 1
    tables = {}
    for name, table_rows in rows.items():
        schema = RAW_TABLES[name]
        numbered = []
        for row in table_rows:
            line += 1
            numbered.append({"line": line, **row})
        tables[name] = pa.Table.from_pylist(numbered, schema=schema)
    return tables


def with_check_letter(rest: str) -> str:
    """A UPN made of the 12 characters given, led by their check letter.

    Each of characters 2 to 13 is weighted by its place (a final letter counting as its place
    in the check alphabet), and the sum's remainder on division by 23 picks the letter.
    """
    total = sum(
        (int(ch) if ch.isdigit() else CHECK_ALPHABET.index(ch)) * place
        for place, ch in enumerate(rest, start=2)
    )
    return CHECK_ALPHABET[total % 23] + rest


def issues(tables: dict[str, pa.Table], code: str, ruleset: str = "2022-23") -> list[Issue]:
    return [i for i in validate(tables, ruleset) if i.rule == code]


@dataclass(frozen=True)
class Case:
    """A rule's test: a file it passes and a file it flags, at the (field, value)s expected."""

    code: str
    passing: dict[str, pa.Table]
    failing: dict[str, pa.Table]
    flagged: list[tuple[str, str | None]]
    ruleset: str = "2022-23"
    name: str = field(default="")

    @property
    def id(self) -> str:
        return f"{self.code} {self.ruleset} {self.name}".strip()


def check(case: Case) -> None:
    assert issues(case.passing, case.code, case.ruleset) == []
    found = sorted((i.field, i.value) for i in issues(case.failing, case.code, case.ruleset))
    assert found == sorted(case.flagged, key=lambda pair: (pair[0], pair[1] or ""))


def test_the_base_file_breaks_no_rule_but_the_return_level_disability_query():
    # One child with no disability uses none of the disability codes (2887Q, a query about the
    # whole return); nothing else is wrong with the base file.
    assert {i.rule for i in validate(census_file())} == {"2887Q"}


def test_the_base_file_with_every_module_is_clean_too():
    tables = census_file(
        enquiries=[enquiry()],
        plans=[plan(end_date="2022-07-20")],
        reviews=[review(review_date="2022-07-01")],
        cin_plans=[cin_plan()],
    )
    assert {i.rule for i in validate(tables)} == {"2887Q"}


def test_the_check_letter_helper_gives_the_dfe_examples():
    # The DfE's UPN guide: H801200001001 is a permanent UPN and G80120000101A a temporary one.
    assert with_check_letter("801200001001") == "H801200001001"
    assert with_check_letter("80120000101A") == "G80120000101A"

"""Rules across a child's episodes and on the work recorded against an episode."""

import pytest
from test_validation_builders import (
    Case,
    assessment,
    census_file,
    check,
    enquiry,
    episode,
    issues,
)

NFA = {"nfa": "true"}


def closed(on: str = "2022-12-01", reason: str = "RC7", **fields: object) -> dict:
    return {"closure_date": on, "closure_reason": reason, **fields}


CASES = [
    Case(
        "8815",
        passing=census_file(
            episodes=[
                episode(**closed("2022-08-01")),
                episode(referral_index=2, referral_date="2022-09-01"),
            ]
        ),
        failing=census_file(
            episodes=[episode(), episode(referral_index=2, referral_date="2022-09-01")]
        ),
        flagged=[("CINclosureDate", None), ("CINclosureDate", None)],
    ),
    Case(
        "8816",
        passing=census_file(
            episodes=[
                episode(**closed("2022-08-01")),
                episode(referral_index=2, referral_date="2022-09-01"),
            ]
        ),
        failing=census_file(
            episodes=[
                episode(),
                episode(referral_index=2, referral_date="2022-09-01", **closed("2022-10-01")),
            ]
        ),
        flagged=[("CINclosureDate", None)],
    ),
    Case(
        "8820",
        # An episode may start on the day the one before it closed.
        passing=census_file(
            episodes=[
                episode(**closed("2022-09-01")),
                episode(referral_index=2, referral_date="2022-09-01"),
            ]
        ),
        failing=census_file(
            episodes=[
                episode(**closed("2022-09-01")),
                episode(referral_index=2, referral_date="2022-08-01"),
            ]
        ),
        flagged=[("CINreferralDate", "2022-08-01")],
    ),
    Case(
        "8825Q",
        passing=census_file(episodes=[episode(**closed(reason="RC8"))]),
        failing=census_file(episodes=[episode(**closed(reason="RC8"))], assessments=[]),
        flagged=[("ReasonForClosure", "RC8")],
    ),
    Case(
        "8831",
        passing=census_file(episodes=[episode(**NFA)], assessments=[]),
        failing=census_file(episodes=[episode(**NFA)]),
        flagged=[("ReferralNFA", "true")],
    ),
    Case(
        "8867",
        passing=census_file(episodes=[episode(**closed())]),
        failing=census_file(
            episodes=[episode(**closed())],
            assessments=[assessment(authorisation_date=None, factors=None)],
        ),
        flagged=[("AssessmentAuthorisationDate", None)],
    ),
    Case(
        "8868",
        passing=census_file(
            episodes=[episode(**closed())],
            enquiries=[enquiry(icpc_date=None, icpc_not_required="true")],
        ),
        failing=census_file(episodes=[episode(**closed())], enquiries=[enquiry(icpc_date=None)]),
        flagged=[("ICPCnotRequired", "false")],
    ),
    Case(
        "2990",
        passing=census_file(episodes=[episode(**closed(reason="RC9"))]),
        failing=census_file(episodes=[episode(**closed(reason="RC9"))], enquiries=[enquiry()]),
        flagged=[("ReasonForClosure", "RC9")],
    ),
    Case(
        "2991Q",
        passing=census_file(enquiries=[enquiry()]),
        failing=census_file(enquiries=[enquiry()], assessments=[]),
        flagged=[("S47ActualStartDate", "2022-06-03")],
    ),
    Case(
        "8565",
        # The assessment was authorised on 15 July 2022.
        passing=census_file(episodes=[episode(**closed("2022-07-15"))]),
        failing=census_file(episodes=[episode(**closed("2022-07-14"))]),
        flagged=[("AssessmentAuthorisationDate", "2022-07-15")],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_the_rule_passes_the_good_file_and_flags_the_bad_one(case):
    check(case)


def test_an_open_referral_with_no_further_action_does_not_count_as_open():
    tables = census_file(
        episodes=[episode(**NFA), episode(referral_index=2, referral_date="2022-09-01")]
    )
    assert not issues(tables, "8815")
    assert not issues(tables, "8816")


def test_an_episode_inside_an_open_one_overlaps_it():
    tables = census_file(
        episodes=[episode(), episode(referral_index=2, referral_date="2022-09-01", **closed())]
    )
    assert [i.value for i in issues(tables, "8820")] == ["2022-09-01"]


def test_every_piece_of_work_after_the_closure_is_reported():
    tables = census_file(
        episodes=[episode(**closed("2022-06-02"))],
        enquiries=[enquiry()],
    )
    flagged = sorted((i.field, i.value) for i in issues(tables, "8565"))
    # The assessment was authorised and the enquiry started and conferenced after 2 June.
    assert flagged == [
        ("AssessmentAuthorisationDate", "2022-07-15"),
        ("DateOfInitialCPC", "2022-06-22"),
        ("S47ActualStartDate", "2022-06-03"),
    ]

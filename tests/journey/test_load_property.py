"""extract(load(dataset)) == dataset for datasets hypothesis builds: every table, a few children
each, with the records on each drawn independently within what the live records allow (one open
episode of care, missing episode, early help episode or home education entry per child; a
contact making at most one referral; an interview held only when offered and after the return).
"""

from collections import defaultdict
from datetime import UTC, date, datetime, timedelta

import hypothesis
import pytest
from django.db import transaction
from factories import UserFactory
from factories_frontdoor import make_threshold_document
from hypothesis import HealthCheck, given
from hypothesis import strategies as st

from safeguard.journey import ids
from safeguard.journey.dataset import Dataset
from safeguard.journey.extract import extract
from safeguard.journey.load import load

LA = "884"
START = date(2014, 4, 1)


def days_from(first: date, most: int = 400) -> st.SearchStrategy[date]:
    return st.integers(0, most).map(lambda n: first + timedelta(days=n))


def distinct_days(first: date, most: int) -> st.SearchStrategy[list[date]]:
    return st.lists(days_from(first, 700), max_size=most, unique=True).map(sorted)


@st.composite
def datasets(draw: st.DrawFn) -> Dataset:
    tables: dict[str, list[dict]] = defaultdict(list)
    for index in range(draw(st.integers(1, 3))):
        child = f"H{index}"
        tables["children"].append(
            {
                "la": LA,
                "child_id": child,
                "upn": None,
                "former_upn": None,
                "upn_unknown": "UN1",
                "date_of_birth": draw(days_from(date(2000, 1, 1), 5000)),
                "expected_date_of_birth": None,
                "gender": draw(st.sampled_from(["1", "2", "9"])),
                "ethnicity": draw(st.sampled_from(["WBRI", "MOTH", "BAFR"])),
                "date_of_death": None,
                "disabilities": draw(st.sampled_from([["NONE"], ["AUT", "COMM"]])),
                "uasc": draw(st.booleans()),
            }
        )
        referrals = _pathway(draw, tables, child)
        _contacts(draw, tables, child, referrals)
        _care(draw, tables, child)
        _around(draw, tables, child)
    years = draw(st.lists(st.sampled_from(["2014-15", "2015-16", "2016-17"]), unique=True))
    tables["population"] = [
        {"la": LA, "year": year, "children": draw(st.integers(1, 200_000))} for year in years
    ]
    return Dataset.build(tables)


def _pathway(draw: st.DrawFn, tables: dict, child: str) -> list[str]:
    made = []
    for referred in draw(distinct_days(START, 2)):
        referral = ids.referral_id(child, referred)
        made.append(referral)
        closed = draw(st.none() | days_from(referred))
        on = {"la": LA, "child_id": child, "referral_id": referral}
        tables["referrals"].append(
            on
            | {
                "referral_date": referred,
                "source": draw(st.sampled_from(["6", "2A", None])),
                "primary_need": draw(st.sampled_from(["N1", "N4", None])),
                "nfa": draw(st.booleans()),
                "closure_date": closed,
                "closure_reason": draw(st.sampled_from(["RC7", "RC8"])) if closed else None,
            }
        )
        if draw(st.booleans()):
            started = draw(days_from(referred, 10))
            authorised = draw(st.none() | days_from(started, 60))
            tables["assessments"].append(
                on
                | {
                    "assessment_id": ids.assessment_id(referral, started),
                    "start_date": started,
                    "authorisation_date": authorised,
                    "factors": draw(st.sampled_from([["3A", "16A"], ["21"]])) if authorised else [],
                }
            )
        if draw(st.booleans()):
            _protection(draw, tables, on, referred)
        if draw(st.booleans()):
            started = draw(days_from(referred, 60))
            tables["cin_plans"].append(
                on
                | {
                    "cin_plan_id": ids.cin_plan_id(referral, started),
                    "start_date": started,
                    "end_date": draw(st.none() | days_from(started)),
                }
            )
    return made


def _protection(draw: st.DrawFn, tables: dict, on: dict, referred: date) -> None:
    referral = on["referral_id"]
    held = draw(days_from(referred, 20))
    decision = draw(st.sampled_from(["s47_single", "s47_joint", "no_s47"]))
    tables["strategy_discussions"].append(
        on
        | {
            "discussion_id": ids.discussion_id(referral, held),
            "held_date": held,
            "decision": decision,
        }
    )
    if decision == "no_s47":
        return
    started = draw(days_from(held, 2))
    conference = draw(st.none() | days_from(started, 30))
    tables["section47"].append(
        on
        | {
            "s47_id": ids.s47_id(referral, started),
            "start_date": started,
            "icpc_target_date": started + timedelta(days=21),
            "icpc_date": conference,
            "icpc_not_required": conference is None and draw(st.booleans()),
        }
    )
    if conference is None or not draw(st.booleans()):
        return
    plan = ids.cp_plan_id(referral, conference)
    tables["cp_plans"].append(
        on
        | {
            "cp_plan_id": plan,
            "start_date": conference,
            "end_date": draw(st.none() | days_from(conference + timedelta(days=1))),
            "initial_category": draw(st.sampled_from(["NEG", "EMO"])),
            "latest_category": draw(st.sampled_from(["NEG", "PHY"])),
            "previous_plans": draw(st.integers(0, 3)),
        }
    )
    for reviewed in draw(distinct_days(conference + timedelta(days=1), 2)):
        tables["cp_reviews"].append(
            {"la": LA, "child_id": on["child_id"], "cp_plan_id": plan, "review_date": reviewed}
        )


OUTCOMES = {"nfa": 1, "advice": 1, "early_help": 2, "assessment": 3, "strategy": 4}


def _contacts(draw: st.DrawFn, tables: dict, child: str, referrals: list[str]) -> None:
    unlinked = list(referrals)
    for number in range(draw(st.integers(0, 2))):
        received = datetime.combine(draw(days_from(START, 700)), datetime.min.time(), UTC)
        received += timedelta(microseconds=draw(st.integers(0, 86_400 * 10**6 - 1)))
        outcome = draw(st.none() | st.sampled_from(list(OUTCOMES)))
        refers = outcome in ("assessment", "strategy") and unlinked and draw(st.booleans())
        tables["contacts"].append(
            {
                "la": LA,
                "child_id": child,
                "contact_id": f"{child}/C{number}",
                "received_at": received,
                "source": draw(st.sampled_from(["6", "2A", "8"])),
                "referrer_agency_kind": draw(st.sampled_from([None, "police", "education"])),
                "rag": draw(st.sampled_from(["red", "amber", "green"])),
                "rag_deadline": received + timedelta(hours=draw(st.integers(1, 72))),
                "outcome": outcome,
                "threshold_level": OUTCOMES[outcome] if outcome else None,
                "decided_at": received + timedelta(minutes=draw(st.integers(1, 5000)))
                if outcome
                else None,
                "referral_id": unlinked.pop(0) if refers else None,
            }
        )


def _care(draw: st.DrawFn, tables: dict, child: str) -> None:
    starts = draw(distinct_days(START, 3))
    on = {"la": LA, "child_id": child}
    for n, started in enumerate(starts):
        last = n == len(starts) - 1
        ended = draw(st.none() | days_from(started, 300)) if last else starts[n + 1]
        tables["cla_episodes"].append(
            on
            | {
                "start_date": started,
                "reason_new_episode": "S" if n == 0 else draw(st.sampled_from(["P", "L", "T"])),
                "legal_status": draw(st.sampled_from(["V2", "C1", "C2", "E1"])),
                "category_of_need": draw(st.sampled_from(["N1", "N4"])),
                "placement": draw(st.sampled_from(["U6", "K2", "H5"])),
                "placement_provider": draw(st.sampled_from(["PR1", "PR4", None])),
                "end_date": ended,
                # Every episode here ends before 2018-19, when E43 and E44 were still the codes.
                "reason_ceased": (draw(st.sampled_from(["E4A", "E43", "E13"])) if last else "X1")
                if ended
                else None,
                "reason_place_change": draw(st.sampled_from([None, "CARPL"])) if ended else None,
                "home_postcode": draw(st.sampled_from([None, "HR1 2AB"])),
                "placement_postcode": None,
                "urn": draw(st.sampled_from([None, "SC123456"])),
            }
        )
    if starts:
        for reviewed in draw(distinct_days(starts[0], 2)):
            tables["cla_reviews"].append(
                on
                | {"review_date": reviewed, "participation": draw(st.sampled_from(["PN1", None]))}
            )
    went = draw(distinct_days(START, 3))
    for n, day in enumerate(went):
        back = draw(st.none() | days_from(day, 5)) if n == len(went) - 1 else day
        offered = draw(st.none() | st.booleans()) if back else None
        tables["missing_episodes"].append(
            on
            | {
                "kind": draw(st.sampled_from(["M", "A"])),
                "start_date": day,
                "end_date": back,
                "interview_offered": offered,
                "interview_date": draw(st.none() | days_from(back, 10)) if offered else None,
            }
        )


def _around(draw: st.DrawFn, tables: dict, child: str) -> None:
    on = {"la": LA, "child_id": child}
    helped = draw(distinct_days(START, 2))
    for n, started in enumerate(helped):
        ended = draw(st.none() | days_from(started)) if n == len(helped) - 1 else started
        tables["early_help"].append(
            on
            | {
                "episode_id": ids.early_help_id(child, started),
                "start_date": started,
                "end_date": ended,
                "lead_agency_kind": draw(st.sampled_from([None, "early_help", "voluntary"])),
                "outcome": draw(st.sampled_from(["needs_met", "stepped_up"])) if ended else None,
            }
        )
    for screened in draw(distinct_days(START, 2)):
        tables["exploitation_screenings"].append(
            on
            | {
                "screened_on": screened,
                "band": draw(st.sampled_from(["none", "low", "medium", "high"])),
                "referred_to_panel": draw(st.booleans()),
            }
        )
    entries = draw(distinct_days(START, 2))
    for n, started in enumerate(entries):
        ended = draw(st.none() | days_from(started)) if n == len(entries) - 1 else started
        tables["home_education"].append(
            on
            | {
                "start_date": started,
                "reason": draw(st.sampled_from([None, "health", "philosophy"])),
                "end_date": ended,
                "end_reason": draw(st.sampled_from(["school", "moved"])) if ended else None,
            }
        )


@pytest.fixture
def loader(db):
    make_threshold_document(in_force_from=date(2000, 4, 1))
    return UserFactory(role="system_administrator")


@hypothesis.settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(dataset=datasets())
def test_any_dataset_the_live_records_allow_survives_load_and_extract(loader, dataset, settings):
    settings.LA_CODE = LA
    # Each example in its own transaction, rolled back, so each starts from the same database.
    with transaction.atomic():
        load(dataset, by=loader)
        assert extract().same_facts_as(dataset)
        report = load(dataset, by=loader)
        assert sum(report.created.values()) == 0
        transaction.set_rollback(True)

"""Small crafted journey datasets for the measures engine's tests.

- Row makers (`referral`, `plan`, `episode`, ...) fill the schema's required columns with plain
  defaults, so a test states only what its measure reads. Every row is for council LA ("884")
  unless it says otherwise.
- `dataset(**tables)`: a Dataset with 10,000 children aged 0-17 in 2016-17 (so a rate per 10,000
  is the count itself), unless the test gives its own population.
- `figures(dataset, measure_id)`: (numerator, denominator, value) for LA in 2016-17.
"""

from datetime import date, datetime

import pyarrow as pa

from safeguard.journey.dataset import Dataset
from safeguard.measures import engine

LA = "884"
YEAR = "2016-17"
POPULATION = 10_000


def dataset(**tables: list[dict]) -> Dataset:
    tables.setdefault("population", [{"la": LA, "year": YEAR, "children": POPULATION}])
    return Dataset.build(tables)


def results(data: Dataset, years: list[str] | None = None, **options: object) -> pa.Table:
    return engine.compute(data, years or [YEAR], **options)


def figures(
    data: Dataset, measure_id: str, la: str = LA, year: str = YEAR, **options: object
) -> tuple[float | None, float | None, float | None]:
    found = [
        row
        for row in results(data, [year], **options).to_pylist()
        if (row["measure_id"], row["la"], row["year"]) == (measure_id, la, year)
    ]
    assert len(found) == 1, found
    row = found[0]
    return row["numerator"], row["denominator"], row["value"]


def all_figures(data: Dataset, year: str = YEAR, **options: object) -> dict[str, tuple]:
    """Every measure's (numerator, denominator, value) for LA in the year, from one run."""
    return {
        row["measure_id"]: (row["numerator"], row["denominator"], row["value"])
        for row in results(data, [year], **options).to_pylist()
        if row["la"] == LA and row["year"] == year
    }


def child(child_id: str, la: str = LA) -> dict:
    return {"la": la, "child_id": child_id, "gender": "1", "ethnicity": "WBRI", "disabilities": []}


def referral(
    child_id: str,
    on: date,
    *,
    closed: date | None = None,
    reason: str | None = None,
    nfa: bool = False,
    number: int = 1,
    la: str = LA,
) -> dict:
    return {
        "la": la,
        "child_id": child_id,
        "referral_id": f"{child_id}/R{on:%Y%m%d}/{number}",
        "referral_date": on,
        "nfa": nfa,
        "closure_date": closed,
        "closure_reason": reason,
    }


def assessment(child_id: str, started: date, authorised: date | None) -> dict:
    return {
        "la": LA,
        "child_id": child_id,
        "referral_id": f"{child_id}/R",
        "assessment_id": f"{child_id}/A{started:%Y%m%d}",
        "start_date": started,
        "authorisation_date": authorised,
        "factors": [],
    }


def enquiry(child_id: str, started: date, conference: date | None) -> dict:
    return {
        "la": LA,
        "child_id": child_id,
        "referral_id": f"{child_id}/R",
        "s47_id": f"{child_id}/S{started:%Y%m%d}",
        "start_date": started,
        "icpc_date": conference,
        "icpc_not_required": conference is None,
    }


def plan(
    child_id: str,
    started: date,
    ended: date | None = None,
    *,
    category: str = "NEG",
    latest: str | None = None,
    previous: int | None = 0,
) -> dict:
    return {
        "la": LA,
        "child_id": child_id,
        "referral_id": f"{child_id}/R",
        "cp_plan_id": f"{child_id}/P{started:%Y%m%d}",
        "start_date": started,
        "end_date": ended,
        "initial_category": category,
        "latest_category": latest or category,
        "previous_plans": previous,
    }


def care(child_id: str, started: date, ended: date | None = None) -> dict:
    return {
        "la": LA,
        "child_id": child_id,
        "start_date": started,
        "reason_new_episode": "S",
        "legal_status": "C2",
        "category_of_need": "N1",
        "placement": "U1",
        "end_date": ended,
    }


def missing(
    child_id: str,
    started: date,
    ended: date | None = None,
    *,
    kind: str = "M",
    offered: bool | None = None,
    interviewed: date | None = None,
) -> dict:
    return {
        "la": LA,
        "child_id": child_id,
        "kind": kind,
        "start_date": started,
        "end_date": ended,
        "interview_offered": offered,
        "interview_date": interviewed,
    }


def contact(
    contact_id: str,
    child_id: str,
    received: datetime,
    *,
    agency: str | None,
    deadline: datetime,
    outcome: str | None,
    decided: datetime | None = None,
    level: int | None = None,
) -> dict:
    return {
        "la": LA,
        "child_id": child_id,
        "contact_id": contact_id,
        "received_at": received,
        "source": "6",
        "referrer_agency_kind": agency,
        "rag": "amber",
        "rag_deadline": deadline,
        "outcome": outcome,
        "threshold_level": level,
        "decided_at": decided,
    }

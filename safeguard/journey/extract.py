"""Build a journey dataset from the live records.

Each table is read once, with only the columns it needs; the looked-after and local tables are
read by extract_care and extract_around. Ids are built from natural keys
(journey.ids), numbering repeats in the order the records were made, so extracting twice gives
the same dataset and a loaded dataset extracts back to itself.
"""

from collections.abc import Callable
from datetime import UTC, date, datetime

from django.conf import settings
from django.db.models import Model

from safeguard.casework.models import (
    Assessment,
    ChildInNeedPlan,
    InitialConference,
    ProtectionPlan,
    ReviewConference,
    Section47Enquiry,
    StrategyDiscussion,
)
from safeguard.frontdoor.models import Contact, Referral
from safeguard.journey import extract_around, extract_care, ids
from safeguard.journey.dataset import Dataset
from safeguard.people.models import Child


def _ids(rows: list[dict], make: Callable[[dict], str]) -> dict[int, str]:
    """Record pk -> natural-key id, numbering repeats in pk order."""
    rows = sorted(rows, key=lambda r: r["pk"])
    return dict(zip((r["pk"] for r in rows), ids.numbered([make(r) for r in rows]), strict=True))


def _utc(moment: datetime | None) -> datetime | None:
    return moment.astimezone(UTC) if moment is not None else None


def live_ids(la: str | None = None) -> dict:
    """The natural-key ids of the records already in the database, mapped to their primary keys,
    so a loader can tell what it has and what it must create."""
    la = la or settings.LA_CODE
    children = dict(Child.objects.current().values_list("la_child_id", "pk"))
    child_ids = {pk: child_id for child_id, pk in children.items()}
    referrals = list(
        Referral.objects.filter(child_id__in=child_ids).values("id", "child_id", "referral_date")
    )
    for r in referrals:
        r["pk"] = r["id"]
    referral_ids = _ids(
        referrals, lambda r: ids.referral_id(child_ids[r["child_id"]], r["referral_date"])
    )

    def under_referral(
        model: type[Model], date_field: str, make: Callable[[str, date], str]
    ) -> dict[str, int]:
        rows = list(
            model.objects.filter(referral_id__in=referral_ids).values(
                "id", "referral_id", date_field
            )
        )
        for row in rows:
            row["pk"] = row["id"]
        made = _ids(rows, lambda row: make(referral_ids[row["referral_id"]], row[date_field]))
        return {natural: pk for pk, natural in made.items()}

    plans = under_referral(ProtectionPlan, "started_on", ids.cp_plan_id)
    plan_ids = {pk: natural for natural, pk in plans.items()}
    return {
        "children": children,
        "referrals": {natural: pk for pk, natural in referral_ids.items()},
        "referral_dates": {referral_ids[r["id"]]: r["referral_date"] for r in referrals},
        "assessments": under_referral(Assessment, "started_on", ids.assessment_id),
        "cin_plans": under_referral(ChildInNeedPlan, "started_on", ids.cin_plan_id),
        "section47": under_referral(Section47Enquiry, "started_on", ids.s47_id),
        "cp_plans": plans,
        "strategy_discussions": under_referral(StrategyDiscussion, "held_on", ids.discussion_id),
        "cp_reviews": {
            (plan_ids[plan], held)
            for plan, held in ReviewConference.objects.filter(plan_id__in=plan_ids).values_list(
                "plan_id", "held_on"
            )
        },
        "contacts": dict(
            Contact.objects.filter(child_id__in=child_ids).values_list("reference", "pk")
        ),
        **extract_care.live_ids(child_ids),
        **extract_around.live_ids(child_ids),
        "population": extract_around.population_ids(la),
    }


def extract(la: str | None = None) -> Dataset:
    la = la or settings.LA_CODE
    children = list(Child.objects.current().order_by("pk").values())
    child_ids = {c["id"]: c["la_child_id"] for c in children}

    referrals = list(Referral.objects.filter(child_id__in=child_ids).values())
    for r in referrals:
        r["pk"] = r["id"]
    referral_ids = _ids(
        referrals, lambda r: ids.referral_id(child_ids[r["child_id"]], r["referral_date"])
    )
    referral_child = {r["id"]: child_ids[r["child_id"]] for r in referrals}

    def under_referral(
        model: type[Model], date_field: str, make: Callable[[str, date], str]
    ) -> tuple[list[dict], dict[int, str]]:
        rows = list(model.objects.filter(referral_id__in=referral_ids).values())
        for row in rows:
            row["pk"] = row["id"]
        return rows, _ids(rows, lambda row: make(referral_ids[row["referral_id"]], row[date_field]))

    assessments, assessment_ids = under_referral(Assessment, "started_on", ids.assessment_id)
    cin_plans, cin_plan_ids = under_referral(ChildInNeedPlan, "started_on", ids.cin_plan_id)
    enquiries, enquiry_ids = under_referral(Section47Enquiry, "started_on", ids.s47_id)
    plans, plan_ids = under_referral(ProtectionPlan, "started_on", ids.cp_plan_id)
    discussions, discussion_ids = under_referral(StrategyDiscussion, "held_on", ids.discussion_id)
    conference_dates = dict(InitialConference.objects.values_list("enquiry_id", "held_on"))
    plan_referrals = {p["id"]: p["referral_id"] for p in plans}

    def referral_cols(row: dict) -> dict:
        return {
            "la": la,
            "child_id": referral_child[row["referral_id"]],
            "referral_id": referral_ids[row["referral_id"]],
        }

    tables = {
        "children": [
            {
                "la": la,
                "child_id": c["la_child_id"],
                "upn": c["upn"] or None,
                "former_upn": c["former_upn"] or None,
                "upn_unknown": c["upn_unknown"] or None,
                "date_of_birth": c["date_of_birth"],
                "expected_date_of_birth": c["expected_date_of_birth"],
                "gender": c["gender"],
                "ethnicity": c["ethnicity"],
                "date_of_death": c["date_of_death"],
                "disabilities": c["disabilities"],
                "uasc": c["unaccompanied_asylum_seeking"],
            }
            for c in children
        ],
        "referrals": [
            {
                "la": la,
                "child_id": child_ids[r["child_id"]],
                "referral_id": referral_ids[r["id"]],
                "referral_date": r["referral_date"],
                "source": r["source"] or None,
                "primary_need": r["primary_need"] or None,
                "nfa": r["no_further_action"],
                "closure_date": r["closed_on"],
                "closure_reason": r["reason_for_closure"] or None,
            }
            for r in referrals
        ],
        "assessments": [
            referral_cols(a)
            | {
                "assessment_id": assessment_ids[a["id"]],
                "start_date": a["started_on"],
                "authorisation_date": a["authorised_on"],
                "factors": a["factors"],
            }
            for a in assessments
        ],
        "cin_plans": [
            referral_cols(p)
            | {
                "cin_plan_id": cin_plan_ids[p["id"]],
                "start_date": p["started_on"],
                "end_date": p["ended_on"],
            }
            for p in cin_plans
        ],
        "section47": [
            referral_cols(e)
            | {
                "s47_id": enquiry_ids[e["id"]],
                "start_date": e["started_on"],
                "icpc_target_date": e["conference_due_on"],
                "icpc_date": conference_dates.get(e["id"]),
                "icpc_not_required": e["outcome"] in ("no_conference", "not_substantiated"),
            }
            for e in enquiries
        ],
        "cp_plans": [
            referral_cols(p)
            | {
                "cp_plan_id": plan_ids[p["id"]],
                "start_date": p["started_on"],
                "end_date": p["ended_on"],
                "initial_category": p["initial_category"],
                "latest_category": p["latest_category"],
                "previous_plans": p["previous_plans"],
            }
            for p in plans
        ],
        "cp_reviews": [
            {
                "la": la,
                "child_id": referral_child[plan_referrals[r["plan_id"]]],
                "cp_plan_id": plan_ids[r["plan_id"]],
                "review_date": r["held_on"],
            }
            for r in ReviewConference.objects.filter(plan_id__in=plan_ids).values(
                "plan_id", "held_on"
            )
        ],
        "strategy_discussions": [
            referral_cols(d)
            | {
                "discussion_id": discussion_ids[d["id"]],
                "held_date": d["held_on"],
                "decision": d["decision"],
            }
            for d in discussions
        ],
        "contacts": _contacts(la, child_ids, referral_ids),
        **extract_care.tables(la, child_ids),
        **extract_around.tables(la, child_ids),
    }
    return Dataset.build(tables)


def _contacts(la: str, child_ids: dict[int, str], referral_ids: dict[int, str]) -> list[dict]:
    """Contacts linked to a child's record (the MASH has matched them), with their decisions."""
    rows = (
        Contact.objects.filter(child_id__in=child_ids)
        .values(
            "reference",
            "child_id",
            "received_at",
            "source",
            "referrer_agency__kind",
            "rag",
            "rag_deadline",
            "decision__outcome",
            "decision__level__number",
            "decision__decided_at",
            "referral__id",
        )
        .order_by("pk")
    )
    return [
        {
            "la": la,
            "child_id": child_ids[c["child_id"]],
            "contact_id": c["reference"],
            "received_at": _utc(c["received_at"]),
            "source": c["source"],
            "referrer_agency_kind": c["referrer_agency__kind"],
            "rag": c["rag"],
            "rag_deadline": _utc(c["rag_deadline"]),
            "outcome": c["decision__outcome"],
            "threshold_level": c["decision__level__number"],
            "decided_at": _utc(c["decision__decided_at"]),
            "referral_id": referral_ids.get(c["referral__id"]),
        }
        for c in rows
    ]

"""Loading the statutory pathway: referrals, strategy discussions, assessments, child in need
plans, section 47 enquiries with their initial conferences, protection plans and their reviews."""

from functools import cache

from safeguard.casework import timescales
from safeguard.casework.codes import (
    ConferenceOutcome,
    EnquiryOutcome,
    PlanEndReason,
    ReviewDecision,
)
from safeguard.casework.models import (
    Assessment,
    ChildInNeedPlan,
    InitialConference,
    ProtectionPlan,
    ReviewConference,
    Section47Enquiry,
    StrategyDiscussion,
)
from safeguard.frontdoor.models import Referral
from safeguard.journey.load_context import NOT_RECORDED, LoadError, Loading


def referrals(loading: Loading) -> None:
    rows = loading.new("referrals", "referral_id")
    for row in rows:
        if row["closure_date"] and not row["closure_reason"]:
            raise LoadError(f"Referral {row['referral_id']} is closed without a reason for closure")
    contact_of = loading.contact_of_referral
    made = [
        {
            "child_id": loading.child(row),
            "contact_id": contact_of.get(row["referral_id"]),
            "referral_date": row["referral_date"],
            "source": row["source"] or "",
            "primary_need": row["primary_need"] or "",
            "no_further_action": row["nfa"],
            "closed_on": row["closure_date"],
            "reason_for_closure": row["closure_reason"] or "",
        }
        for row in rows
    ]
    loading.create("referrals", Referral, rows, made, "referral_id")
    # A contact new to the live records may have made a referral they already hold.
    created = {row["referral_id"] for row in rows}
    for referral_id, contact in contact_of.items():
        if referral_id not in created:
            Referral.objects.filter(pk=loading.live["referrals"][referral_id]).update(
                contact_id=contact
            )


def discussions(loading: Loading) -> None:
    rows = loading.new("strategy_discussions", "discussion_id")
    made = [
        {
            "referral_id": loading.referral(row),
            "held_on": row["held_date"],
            "attendees": [],
            "what_was_known": NOT_RECORDED,
            "decision": row["decision"],
            "rationale": NOT_RECORDED,
            "recorded_by_id": loading.by.pk,
        }
        for row in rows
    ]
    loading.create("strategy_discussions", StrategyDiscussion, rows, made, "discussion_id")


def assessments(loading: Loading) -> None:
    rows = loading.new("assessments", "assessment_id")
    referral_dates = {r["referral_id"]: r["referral_date"] for r in loading.data["referrals"]}
    referral_dates |= loading.live["referral_dates"]
    due = cache(timescales.assessment_due)  # referrals share their dates
    made = [
        {
            "referral_id": loading.referral(row),
            "started_on": row["start_date"],
            "due_on": due(referral_dates[row["referral_id"]]),
            "factors": row["factors"],
            "completed_on": row["authorisation_date"],
            "authorised_on": row["authorisation_date"],
        }
        for row in rows
    ]
    loading.create("assessments", Assessment, rows, made, "assessment_id")


def cin_plans(loading: Loading) -> None:
    rows = loading.new("cin_plans", "cin_plan_id")
    made = [
        {
            "referral_id": loading.referral(row),
            "started_on": row["start_date"],
            "ended_on": row["end_date"],
        }
        for row in rows
    ]
    loading.create("cin_plans", ChildInNeedPlan, rows, made, "cin_plan_id")


def enquiries(loading: Loading) -> None:
    rows = loading.new("section47", "s47_id")
    # referral id -> [(held, discussion pk)]: the discussion each enquiry followed
    held: dict[str, list] = {}
    for d in loading.data["strategy_discussions"]:
        held.setdefault(d["referral_id"], []).append(
            (d["held_date"], loading.live["strategy_discussions"][d["discussion_id"]])
        )
    made = []
    for row in rows:
        before = sorted(p for p in held.get(row["referral_id"], []) if p[0] <= row["start_date"])
        outcome = (
            EnquiryOutcome.CONFERENCE
            if row["icpc_date"]
            else EnquiryOutcome.NO_CONFERENCE
            if row["icpc_not_required"]
            else ""
        )
        made.append(
            {
                "referral_id": loading.referral(row),
                "strategy_discussion_id": before[-1][1] if before else None,
                "started_on": row["start_date"],
                "conference_due_on": row["icpc_target_date"] or row["start_date"],
                "outcome": outcome,
            }
        )
    loading.create("section47", Section47Enquiry, rows, made, "s47_id")
    plan_starts = {(p["referral_id"], p["start_date"]): p for p in loading.data["cp_plans"]}
    conferred = [row for row in rows if row["icpc_date"]]
    conferences = []
    for row in conferred:
        plan = plan_starts.get((row["referral_id"], row["icpc_date"]))
        conferences.append(
            {
                "enquiry_id": loading.live["section47"][row["s47_id"]],
                "held_on": row["icpc_date"],
                "chair_id": loading.by.pk,
                "attendees": [],
                "outcome": ConferenceOutcome.PLAN if plan else ConferenceOutcome.NO_PLAN,
                "category": plan["initial_category"] if plan else "",
            }
        )
    # The plans still to be loaded start at these conferences.
    loading.create(
        "conferences",
        InitialConference,
        conferred,
        conferences,
        key=lambda row: (row["referral_id"], row["icpc_date"]),
    )


def plans(loading: Loading) -> None:
    rows = loading.new("cp_plans", "cp_plan_id")
    conferences = loading.live["conferences"]
    made = [
        {
            "child_id": loading.child(row),
            "referral_id": loading.referral(row),
            "conference_id": conferences.get((row["referral_id"], row["start_date"])),
            "started_on": row["start_date"],
            "initial_category": row["initial_category"],
            "latest_category": row["latest_category"],
            "previous_plans": row["previous_plans"] or 0,
            "ended_on": row["end_date"],
            "end_reason": PlanEndReason.OTHER if row["end_date"] else "",
        }
        for row in rows
    ]
    loading.create("cp_plans", ProtectionPlan, rows, made, "cp_plan_id")


def reviews(loading: Loading) -> None:
    rows = loading.new("cp_reviews", lambda r: (r["cp_plan_id"], r["review_date"]))
    plans = {p["cp_plan_id"]: p for p in loading.data["cp_plans"]}
    made = []
    for row in rows:
        plan = plans.get(row["cp_plan_id"], {})
        ended = plan.get("end_date") == row["review_date"]
        made.append(
            {
                "plan_id": loading.live["cp_plans"][row["cp_plan_id"]],
                "held_on": row["review_date"],
                "chair_id": loading.by.pk,
                "decision": ReviewDecision.END if ended else ReviewDecision.CONTINUE,
                "category": plan.get("latest_category", ""),
                "notes": NOT_RECORDED,
            }
        )
    loading.create("cp_reviews", ReviewConference, rows, made)

"""Lists 6 and 7: the children in need (episodes open in the window) and the protection plans
open in the window."""

from datetime import date

from safeguard.returns.annex_a import answers
from safeguard.returns.annex_a.answers import CATEGORY, CLOSURE, NEED, yes_no
from safeguard.returns.annex_a.data import AnnexData
from safeguard.returns.annex_a.window import Window, months_before

Row = dict[str, object]
# Legal statuses that say a child was taken into police protection or an emergency protection
# order (while in council accommodation: the only such times the dataset holds).
EMERGENCY = ("L1", "L2")


def children_in_need(data: AnnexData, window: Window) -> list[Row]:
    """Every episode open on some day of the window, except referrals that went no further."""
    status = _Status(data)
    rows = []
    for referral in data.rows["referrals"]:
        closed = data.known(referral["closure_date"])
        if referral["nfa"] or not window.overlaps(referral["referral_date"], closed):
            continue
        rows.append(
            data.child(referral["child_id"])
            | {
                "CIN Start Date": referral["referral_date"],
                "Primary Need Code": NEED.get(referral["primary_need"]),
                "CIN Closure Date": closed,
                "Reason for Closure": CLOSURE.get(referral["closure_reason"]) if closed else None,
                "Case Status": status.of(referral, closed),
            }
        )
    return sorted(rows, key=lambda r: (r["CIN Start Date"], r["Child Unique ID"]))


class _Status:
    """What a child's case was at the end of the window, the weightiest first."""

    def __init__(self, data: AnnexData) -> None:
        def still_open(table: str, ended: str, key: str) -> set[str]:
            return {
                row[key]
                for row in data.rows[table]
                if row["start_date"] <= data.end and (row[ended] is None or row[ended] > data.end)
            }

        self.looked_after = still_open("cla_episodes", "end_date", "child_id")
        self.protection_plans = still_open("cp_plans", "end_date", "referral_id")
        self.cin_plans = still_open("cin_plans", "end_date", "referral_id")
        self.assessments = still_open("assessments", "authorisation_date", "referral_id")

    def of(self, referral: dict, closed: date | None) -> str:
        episode = referral["referral_id"]
        if closed:
            return answers.CLOSED_EPISODE
        if referral["child_id"] in self.looked_after:
            return answers.LOOKED_AFTER
        if episode in self.protection_plans:
            return answers.PROTECTION_PLAN
        if episode in self.cin_plans:
            return answers.CIN_PLAN
        if episode in self.assessments:
            return answers.OPEN_ASSESSMENT
        # An open episode with its assessment done and no plan: the child is still in need.
        return answers.CIN_PLAN


def protection_plans(data: AnnexData, window: Window) -> list[Row]:
    """Every plan open on some day of the window."""
    reviews = data.by_child("cp_reviews")
    care = data.by_child("cla_episodes")
    plans_of = data.by_child("cp_plans")
    lately = months_before(data.end, 6)
    rows = []
    for plan in data.rows["cp_plans"]:
        ended = data.known(plan["end_date"])
        if not window.overlaps(plan["start_date"], ended):
            continue
        child = plan["child_id"]
        held = [
            r["review_date"]
            for r in reviews[child]
            if r["cp_plan_id"] == plan["cp_plan_id"] and data.known(r["review_date"])
        ]
        previous = plan["previous_plans"]
        if previous is None:
            previous = sum(p["start_date"] < plan["start_date"] for p in plans_of[child])
        rows.append(
            data.child(child)
            | {
                "Child Protection Plan Start Date": plan["start_date"],
                "Initial Category of Abuse": CATEGORY.get(plan["initial_category"]),
                "Latest Category of Abuse": CATEGORY.get(plan["latest_category"]),
                "Date of latest review conference": max(held, default=None),
                "Child Protection Plan End Date": ended,
                "Subject to Emergency Protection Order or Protected Under Police Powers in Last "
                "Six Months (Y/N)": yes_no(
                    any(
                        e["legal_status"] in EMERGENCY
                        and lately.overlaps(e["start_date"], data.known(e["end_date"]))
                        for e in care[child]
                    )
                ),
                "Number of Previous Child Protection Plans": previous,
            }
        )
    return sorted(rows, key=lambda r: (r["Child Protection Plan Start Date"], r["Child Unique ID"]))

"""Lists 4 and 5: the assessments open in the window, and its section 47 enquiries."""

from safeguard.returns.annex_a.answers import NO, YES, yes_no
from safeguard.returns.annex_a.data import AnnexData
from safeguard.returns.annex_a.window import Window, year_before

Row = dict[str, object]
# Closed after assessment: the child was assessed as not needing children's social care.
CLOSED_AFTER_ASSESSMENT = ("RC8", "RC9")


def assessments(data: AnnexData, window: Window) -> list[Row]:
    """Every assessment open on some day of the window (continuous assessment)."""
    referrals = {r["referral_id"]: r for r in data.rows["referrals"]}
    rows = []
    for assessment in data.rows["assessments"]:
        authorised = data.known(assessment["authorisation_date"])
        if not window.overlaps(assessment["start_date"], authorised):
            continue
        rows.append(
            data.child(assessment["child_id"])
            | {
                "Continuous Assessment Start Date": assessment["start_date"],
                "Continuous Assessment Date of Authorisation": authorised,
                "Was the child assessed as requiring LA children's social care support?": (
                    _needed_support(data, referrals.get(assessment["referral_id"]))
                    if authorised
                    else None
                ),
            }
        )
    return sorted(rows, key=lambda r: (r["Continuous Assessment Start Date"], r["Child Unique ID"]))


def _needed_support(data: AnnexData, referral: dict | None) -> str:
    """No when the episode closed after the assessment with nothing more to do; else yes."""
    closed = referral is not None and data.known(referral["closure_date"]) is not None
    if closed and referral["closure_reason"] in CLOSED_AFTER_ASSESSMENT:
        return NO
    return YES


def enquiries(data: AnnexData, window: Window) -> list[Row]:
    """Every section 47 enquiry started in the window; the counts are of the child's earlier
    enquiries and conferences in the twelve months before it started."""
    by_child = data.by_child("section47")
    plans = {(p["referral_id"], p["start_date"]) for p in data.rows["cp_plans"]}
    rows = []
    for enquiry in data.rows["section47"]:
        started = enquiry["start_date"]
        if started not in window:
            continue
        conference = data.known(enquiry["icpc_date"])
        earlier = year_before(started)
        others = by_child[enquiry["child_id"]]
        rows.append(
            data.child(enquiry["child_id"])
            | {
                "Strategy discussion initiating Section 47 Enquiry Start Date": started,
                "Was an Initial Child Protection Conference deemed unnecessary?": (
                    NO if conference else (YES if enquiry["icpc_not_required"] else None)
                ),
                "Date of Initial Child Protection Conference": conference,
                # A plan begins at the conference that decides on it.
                "Did the Initial Child Protection Conference Result in a Child Protection Plan": (
                    yes_no((enquiry["referral_id"], conference) in plans) if conference else None
                ),
                "Number of Section 47 Enquiries in the last 12 months": sum(
                    other["start_date"] in earlier for other in others
                ),
                "Number of ICPCs in the last 12 months": sum(
                    other["icpc_date"] in earlier for other in others
                ),
            }
        )
    key = "Strategy discussion initiating Section 47 Enquiry Start Date"
    return sorted(rows, key=lambda r: (r[key], r["Child Unique ID"]))

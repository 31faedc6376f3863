"""List 8: the children looked after on some day of the window, one row each, about their
latest period of care.

A period of care is a run of episodes, each starting the day the one before ended with "X1"
(a new episode the same day); it ends with any other reason. A placement is an episode that
begins one (anything but a change of legal status only, RNE "L") with the legal-status changes
that follow it.
"""

from datetime import date

from safeguard.casework.codes_903 import MissingKind, ReasonNewEpisode
from safeguard.returns.annex_a.answers import (
    CEASED,
    LEGAL_STATUS,
    NEED,
    PLACEMENT,
    PROVIDER,
    yes_no,
)
from safeguard.returns.annex_a.data import AnnexData
from safeguard.returns.annex_a.window import Window, months_before

Row = dict[str, object]
NEW_EPISODE = "X1"
LEGAL_STATUS_ONLY = ReasonNewEpisode.LEGAL_STATUS.value


def children_in_care(data: AnnexData, window: Window) -> list[Row]:
    reviews = data.by_child("cla_reviews")
    missing = data.by_child("missing_episodes")
    last_year = months_before(data.end, 12)
    rows = []
    for child, episodes in data.by_child("cla_episodes").items():
        periods = _periods(data, episodes)
        current = [p for p in periods if window.overlaps(p[0]["start_date"], _ended(p))]
        if not current:
            continue
        period = current[-1]
        latest = period[-1]
        ended = _ended(period)
        earlier = periods[: periods.index(period)]
        rows.append(
            data.child(child)
            | {
                "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N))": (
                    yes_no(bool(data.children.get(child, {}).get("uasc")))
                ),
                "Date Started to be Looked After": period[0]["start_date"],
                "Child's Category of Need": NEED.get(latest["category_of_need"]),
                "Is this a second or subsequent period of being a Looked After Child within the "
                "last 12 months (Y/N)": yes_no(
                    any(last_year.overlaps(p[0]["start_date"], _ended(p)) for p in earlier)
                ),
                "Start date of current legal status": _legal_status_since(period),
                "Child's Legal Status": LEGAL_STATUS.get(latest["legal_status"]),
                "Date of Latest Statutory Review": max(
                    (r["review_date"] for r in reviews[child] if data.known(r["review_date"])),
                    default=None,
                ),
                "Number of Placements in the Last 12 months": _placements(
                    [e for p in periods for e in p], last_year
                ),
                "Date Ceased to be Looked After": ended,
                "Reason Ceased to be Looked After": (
                    CEASED.get(latest["reason_ceased"]) if ended else None
                ),
                "Start Date of Most Recent Placement": _placement_since(period),
                "Placement Type": PLACEMENT.get(latest["placement"]),
                "Placement Provider": PROVIDER.get(latest["placement_provider"]),
                "Placement postcode": latest["placement_postcode"],
                "URN of Placement": latest["urn"],
                **_missing(data, missing[child], last_year),
            }
        )
    return sorted(rows, key=lambda r: (r["Date Started to be Looked After"], r["Child Unique ID"]))


def _periods(data: AnnexData, episodes: list[dict]) -> list[list[dict]]:
    """The child's periods of care, as they stood at the end of the window."""
    known = []
    for episode in sorted(episodes, key=lambda e: e["start_date"]):
        if episode["start_date"] > data.end:
            break
        ended = data.known(episode["end_date"])
        known.append(
            episode
            | {"end_date": ended, "reason_ceased": episode["reason_ceased"] if ended else None}
        )
    periods: list[list[dict]] = []
    for episode in known:
        before = periods[-1][-1] if periods else None
        follows = (
            before is not None
            and before["end_date"] == episode["start_date"]
            and before["reason_ceased"] in (NEW_EPISODE, None)
            and episode["reason_new_episode"] != ReasonNewEpisode.STARTED
        )
        if follows:
            periods[-1].append(episode)
        else:
            periods.append([episode])
    return periods


def _ended(period: list[dict]) -> date | None:
    """The day a period of care ended, if it had."""
    last = period[-1]
    return last["end_date"] if last["reason_ceased"] not in (None, NEW_EPISODE) else None


def _legal_status_since(period: list[dict]) -> date:
    """The start of the run of episodes, up to the latest, with the latest's legal status."""
    at = len(period) - 1
    while at > 0 and period[at - 1]["legal_status"] == period[-1]["legal_status"]:
        at -= 1
    return period[at]["start_date"]


def _placement_since(period: list[dict]) -> date:
    """The start of the latest placement: the episode that began it, before any changes of
    legal status only."""
    at = len(period) - 1
    while at > 0 and period[at]["reason_new_episode"] == LEGAL_STATUS_ONLY:
        at -= 1
    return period[at]["start_date"]


def _placements(episodes: list[dict], months: Window) -> int:
    """Placements the child was in on some day of `months`: those begun in it, and the one
    carried into it."""
    open_then = [e for e in episodes if months.overlaps(e["start_date"], e["end_date"])]
    begun = sum(e["reason_new_episode"] != LEGAL_STATUS_ONLY for e in open_then)
    carried = bool(open_then) and open_then[0]["reason_new_episode"] == LEGAL_STATUS_ONLY
    return begun + carried


def _missing(data: AnnexData, episodes: list[dict], months: Window) -> Row:
    started = [e for e in episodes if e["start_date"] in months]
    missing = sorted(
        (e for e in episodes if e["kind"] == MissingKind.MISSING and data.known(e["start_date"])),
        key=lambda e: e["start_date"],
    )
    last = missing[-1] if missing else None
    interviewed = last is not None and data.known(last["interview_date"]) is not None
    offered = last["interview_offered"] if last is not None else None
    return {
        "Number of Episodes the Child has been ‘Missing’ from their Placement in the last 12 "
        "months": sum(e["kind"] == MissingKind.MISSING for e in started),
        "Number of Episodes the Child has been ‘Absent’ from their Placement in the last 12 "
        "months": sum(e["kind"] == MissingKind.AWAY for e in started),
        "Was the child offered a Return Interview after their last missing episode (Y/N)?": (
            yes_no(offered or interviewed) if offered is not None or interviewed else None
        ),
        "Did the child accept a Return Interview after their last missing episode (Y/N)?": (
            yes_no(interviewed) if offered or interviewed else None
        ),
    }

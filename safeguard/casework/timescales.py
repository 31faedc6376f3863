"""The statutory timescales of the pathway (RULES.md), all through the core calendar."""

from datetime import date

from safeguard.casework.codes import IcpcAnchor
from safeguard.casework.models import (
    CaseworkSettings,
    ChildInNeedPlan,
    ProtectionPlan,
    Section47Enquiry,
    StrategyDiscussion,
)
from safeguard.core.calendar import add_months, add_working_days

__all__ = ["add_months"]

ASSESSMENT_WORKING_DAYS = 45
CONFERENCE_WORKING_DAYS = 15
CORE_GROUP_WORKING_DAYS = 10
FIRST_REVIEW_MONTHS = 3
LATER_REVIEW_MONTHS = 6


def assessment_due(referral_date: date) -> date:
    """An assessment is due 45 working days from the referral (Working Together)."""
    return add_working_days(referral_date, ASSESSMENT_WORKING_DAYS)


def conference_anchor(
    discussion: StrategyDiscussion, settings: CaseworkSettings | None = None
) -> date:
    """The strategy discussion the 15 working days count from, by the partnership's setting."""
    settings = settings or CaseworkSettings.current()
    if settings.icpc_anchor == IcpcAnchor.S47_STRATEGY_DISCUSSION:
        return discussion.held_on
    last = (
        StrategyDiscussion.objects.filter(referral_id=discussion.referral_id)
        .order_by("-held_on")
        .values_list("held_on", flat=True)
        .first()
    )
    return max(last or discussion.held_on, discussion.held_on)


def conference_due(
    discussion: StrategyDiscussion, settings: CaseworkSettings | None = None
) -> date:
    return add_working_days(conference_anchor(discussion, settings), CONFERENCE_WORKING_DAYS)


def refresh_conference_due(enquiry: Section47Enquiry) -> None:
    """A later strategy discussion moves the target when the anchor is the last discussion."""
    enquiry.conference_due_on = conference_due(enquiry.strategy_discussion)


def first_core_group_due(plan: ProtectionPlan) -> date:
    return add_working_days(plan.started_on, CORE_GROUP_WORKING_DAYS)


def next_review_due(plan: ProtectionPlan) -> date:
    """First review within 3 months of the initial conference, then at most every 6 months."""
    # .all() so that a work tray that prefetched the reviews asks the database nothing more.
    last = max((r.held_on for r in plan.reviews.all()), default=None)
    if last is None:
        return add_months(plan.started_on, FIRST_REVIEW_MONTHS)
    return add_months(last, LATER_REVIEW_MONTHS)


def next_visit_due(plan: ProtectionPlan, settings: CaseworkSettings | None = None) -> date:
    """The setting's working days after the child was last seen (or the plan began)."""
    settings = settings or CaseworkSettings.current()
    last = max((v.visited_on for v in plan.visits.all() if v.seen), default=plan.started_on)
    return add_working_days(last, settings.visit_working_days)


def next_cin_review_due(plan: ChildInNeedPlan, settings: CaseworkSettings | None = None) -> date:
    settings = settings or CaseworkSettings.current()
    last = max((r.held_on for r in plan.reviews.all()), default=plan.started_on)
    return add_months(last, settings.cin_review_months)

from safeguard.board.models.actions import Action
from safeguard.board.models.meetings import AgendaItem, Attendance, Decision, Meeting, Paper
from safeguard.board.models.partnership import BoardGroup, Member, Membership, Partner
from safeguard.board.models.plan import (
    BusinessPlan,
    Objective,
    PlanAction,
    Priority,
    QuarterRating,
)
from safeguard.board.models.reviews import MemberReview
from safeguard.board.models.settings import BoardSettings

__all__ = [
    "Action",
    "AgendaItem",
    "Attendance",
    "BoardGroup",
    "BoardSettings",
    "BusinessPlan",
    "Decision",
    "Meeting",
    "Member",
    "MemberReview",
    "Membership",
    "Objective",
    "Paper",
    "Partner",
    "PlanAction",
    "Priority",
    "QuarterRating",
]

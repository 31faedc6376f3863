"""The casework models, one module per area: the pathway first, then what surrounds it."""

from safeguard.casework.models.pathway import (
    Allocation,
    Assessment,
    CaseworkSettings,
    CategoryChange,
    ChildInNeedPlan,
    ChildInNeedReview,
    ChronologyEntry,
    CoreGroupMeeting,
    InitialConference,
    ProtectionPlan,
    ProtectionPlanQuerySet,
    ReviewConference,
    Section47Enquiry,
    StrategyDiscussion,
    Visit,
)

__all__ = [
    "Allocation",
    "Assessment",
    "CaseworkSettings",
    "CategoryChange",
    "ChildInNeedPlan",
    "ChildInNeedReview",
    "ChronologyEntry",
    "CoreGroupMeeting",
    "InitialConference",
    "ProtectionPlan",
    "ProtectionPlanQuerySet",
    "ReviewConference",
    "Section47Enquiry",
    "StrategyDiscussion",
    "Visit",
]

"""The casework models, one module per area: the pathway first, then what surrounds it."""

from safeguard.casework.models.around_settings import AroundSettings
from safeguard.casework.models.early_help import EarlyHelpEpisode, EarlyHelpReview, StepUp
from safeguard.casework.models.exploitation import (
    ExploitationScreening,
    Indicator,
    IndicatorCatalogue,
    OverrideRule,
)
from safeguard.casework.models.home_education import HomeEducationContact, HomeEducationEntry
from safeguard.casework.models.looked_after import CareEpisode, CareReview
from safeguard.casework.models.missing import MissingEpisode, ReturnHomeInterview
from safeguard.casework.models.neglect import NeglectAssessment, NeglectReasoning
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
    "AroundSettings",
    "Assessment",
    "CareEpisode",
    "CareReview",
    "CaseworkSettings",
    "CategoryChange",
    "ChildInNeedPlan",
    "ChildInNeedReview",
    "ChronologyEntry",
    "CoreGroupMeeting",
    "EarlyHelpEpisode",
    "EarlyHelpReview",
    "ExploitationScreening",
    "HomeEducationContact",
    "HomeEducationEntry",
    "Indicator",
    "IndicatorCatalogue",
    "InitialConference",
    "MissingEpisode",
    "NeglectAssessment",
    "NeglectReasoning",
    "OverrideRule",
    "ProtectionPlan",
    "ProtectionPlanQuerySet",
    "ReturnHomeInterview",
    "ReviewConference",
    "Section47Enquiry",
    "StepUp",
    "StrategyDiscussion",
    "Visit",
]

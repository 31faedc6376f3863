from safeguard.reviews.models.audits import (
    AuditAnswer,
    AuditCase,
    AuditQuestion,
    AuditTool,
    CaseFileAudit,
)
from safeguard.reviews.models.dissemination import Briefing, CourseLink, LearningEvent
from safeguard.reviews.models.incidents import IncidentChild, RapidReview, SeriousIncident
from safeguard.reviews.models.learning import Action, Finding, Theme
from safeguard.reviews.models.reviews import AgencyChronologyEntry, CaseReview, PanelMeeting

__all__ = [
    "Action",
    "AgencyChronologyEntry",
    "AuditAnswer",
    "AuditCase",
    "AuditQuestion",
    "AuditTool",
    "Briefing",
    "CaseFileAudit",
    "CaseReview",
    "CourseLink",
    "Finding",
    "IncidentChild",
    "LearningEvent",
    "PanelMeeting",
    "RapidReview",
    "SeriousIncident",
    "Theme",
]

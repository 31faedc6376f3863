from safeguard.access.models.access_log import AccessEvent, AccessKind, AccessLogHead, Outcome
from safeguard.access.models.organisation import (
    Agency,
    AgencyKind,
    ChildScope,
    Role,
    Team,
    User,
    UserManager,
)
from safeguard.access.models.restrictions import AccessGrant, BreakGlass, RestrictedRecord

__all__ = [
    "AccessEvent",
    "AccessGrant",
    "AccessKind",
    "AccessLogHead",
    "Agency",
    "AgencyKind",
    "BreakGlass",
    "ChildScope",
    "Outcome",
    "RestrictedRecord",
    "Role",
    "Team",
    "User",
    "UserManager",
]

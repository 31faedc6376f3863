"""The standard roles, one per persona in ARCHITECTURE.md.

Roles are rows so a partnership can add its own; these are kept in step after every migrate.
Apps add capabilities to standard roles from their ready() with `grant`, so no app edits this file.
"""

from dataclasses import dataclass, field

from safeguard.access import capabilities as cap
from safeguard.access.models import ChildScope


@dataclass
class StandardRole:
    key: str
    name: str
    child_scope: str
    description: str
    capabilities: set[str] = field(default_factory=set)


_CHILDRENS_SERVICES = {cap.SEARCH_CHILDREN, cap.ADD_CHILD, cap.EDIT_CHILD}

STANDARD_ROLES: dict[str, StandardRole] = {
    r.key: r
    for r in [
        StandardRole(
            "partner_practitioner",
            "Partner practitioner",
            ChildScope.OWN_REFERRALS,
            "Police officer, health visitor, school safeguarding lead, GP: their own referrals.",
        ),
        StandardRole(
            "mash_worker",
            "MASH worker",
            ChildScope.SERVICE,
            "Contacts in the MASH.",
            set(_CHILDRENS_SERVICES),
        ),
        StandardRole(
            "mash_manager",
            "MASH manager",
            ChildScope.SERVICE,
            "Decides thresholds and RAG ratings in the MASH.",
            {*_CHILDRENS_SERVICES, cap.MERGE_CHILDREN},
        ),
        StandardRole(
            "social_worker",
            "Social worker",
            ChildScope.SERVICE,
            "Children's records in the service.",
            set(_CHILDRENS_SERVICES),
        ),
        StandardRole(
            "team_manager",
            "Team manager",
            ChildScope.SERVICE,
            "Children's records in the service; authorises.",
            {*_CHILDRENS_SERVICES, cap.MERGE_CHILDREN, cap.RESTRICT_RECORDS},
        ),
        StandardRole(
            "conference_chair",
            "Conference chair",
            ChildScope.SERVICE,
            "Conferences and reviews.",
            {cap.SEARCH_CHILDREN},
        ),
        StandardRole(
            "early_help_practitioner",
            "Early help practitioner",
            ChildScope.ALLOCATED,
            "Early help episodes they lead.",
            {cap.SEARCH_CHILDREN},
        ),
        StandardRole(
            "business_manager",
            "Partnership business manager",
            ChildScope.NONE,
            "Board, reviews, training, reports; no child-level data.",
        ),
        StandardRole(
            "board_member",
            "Board member",
            ChildScope.NONE,
            "Board papers, aggregate measures, their agency's actions; no child-level data.",
        ),
        StandardRole(
            "performance_analyst",
            "Performance analyst",
            ChildScope.PSEUDONYMISED,
            "Pseudonymised child-level data for returns and measures; no names.",
        ),
        StandardRole(
            "training_coordinator",
            "Training coordinator",
            ChildScope.NONE,
            "Training records.",
        ),
        StandardRole(
            "licensing_officer",
            "Licensing officer",
            ChildScope.NONE,
            "A yes or no training check for licence applicants.",
        ),
        StandardRole(
            "data_protection_officer",
            "Data protection officer",
            ChildScope.NONE,
            "The access log, subject access exports, retention.",
            {cap.VIEW_ACCESS_LOG},
        ),
        StandardRole(
            "system_administrator",
            "System administrator",
            ChildScope.NONE,
            "Users and configuration; no child data unless granted.",
            {cap.MANAGE_USERS},
        ),
    ]
}


def grant(role_key: str, capability: str) -> None:
    STANDARD_ROLES[role_key].capabilities.add(capability)


def sync_standard_roles() -> None:
    """Create or update the standard roles (run after every migrate)."""
    from safeguard.access.models import Role

    for standard in STANDARD_ROLES.values():
        Role.objects.update_or_create(
            key=standard.key,
            defaults={
                "name": standard.name,
                "description": standard.description,
                "child_scope": standard.child_scope,
                "capabilities": sorted(standard.capabilities),
            },
        )

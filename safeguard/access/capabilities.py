"""The things a role may let its holder do.

Each app registers the capabilities it checks, so adding an app never edits this module; a role
naming an unregistered capability is refused when the role is saved.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Capability:
    code: str
    description: str


_registry: dict[str, Capability] = {}


def register(code: str, description: str) -> str:
    _registry[code] = Capability(code, description)
    return code


def is_registered(code: str) -> bool:
    return code in _registry


def all_capabilities() -> list[Capability]:
    return sorted(_registry.values(), key=lambda c: c.code)


SEARCH_CHILDREN = register("children.search", "Find children and open their records")
ADD_CHILD = register("children.add", "Add a child after searching for matches")
EDIT_CHILD = register("children.edit", "Change a child's details and addresses")
MERGE_CHILDREN = register("children.merge", "Merge duplicate records of the same child")
RESTRICT_RECORDS = register("children.restrict", "Restrict a child's record and grant access")
VIEW_ACCESS_LOG = register("access_log.view", "Read the access log and who viewed a record")
MANAGE_USERS = register("users.manage", "See and manage users, teams and roles")

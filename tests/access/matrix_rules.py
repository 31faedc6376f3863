"""The vocabulary of the authorization matrix: outcomes, groups of roles, and `rule`.

Each app's table lives in its own module (matrix_<app>.py) with a TABLE of URL name -> persona
-> outcome and, where its URLs need records, `records(personas, found)` returning URL kwargs
(`found` holds what the apps before it made) and `OVERRIDES` for URLs needing another record.
"""

from safeguard.access.roles import STANDARD_ROLES

ANONYMOUS = "anonymous"
OK = "ok"  # a page, or a redirect that is not to sign in
SIGN_IN = "sign in"  # sent to the sign-in page
DENIED = "denied"  # 403
NOT_FOUND = "not found"  # 404: the record is outside the user's scope
NOT_ALLOWED = "not allowed"  # 405: the URL only takes POST

EVERYONE = {ANONYMOUS, *STANDARD_ROLES}
SIGNED_IN = set(STANDARD_ROLES)
CHILDRENS_SERVICES = {
    "mash_worker",
    "mash_manager",
    "social_worker",
    "team_manager",
    "conference_chair",
}
SEARCHERS = CHILDRENS_SERVICES | {"early_help_practitioner"}
ADDERS = {"mash_worker", "mash_manager", "social_worker", "team_manager"}
MERGERS = {"mash_manager", "team_manager"}
REFERRERS = {
    "partner_practitioner",
    "mash_worker",
    "mash_manager",
    "social_worker",
    "team_manager",
    "early_help_practitioner",
}
MASH = {"mash_worker", "mash_manager"}
CASEWORKERS = {"social_worker", "team_manager", "mash_manager", "conference_chair"}
ANSWERERS = {"partner_practitioner", "mash_worker"}


def rule(allowed: set[str], *, out_of_scope: set[str] = frozenset(), signed_out: str = SIGN_IN):
    """Allowed roles get OK; roles whose scope cannot reach the child get 404; the rest 403."""
    table = {ANONYMOUS: signed_out}
    for role in SIGNED_IN:
        table[role] = OK if role in allowed else NOT_FOUND if role in out_of_scope else DENIED
    return table


# Early help practitioners may search, but their scope reaches only the children in the early help
# episodes they lead, and the matrix's child is not one of them.
CHILD_PAGE = rule(CHILDRENS_SERVICES, out_of_scope={"early_help_practitioner"})

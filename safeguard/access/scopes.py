"""Which children may this user see: the one query every child-level page goes through.

`access` owns the vocabulary (ChildScope). What a scope means is registered by the app that holds
the facts: `people` says the service scope reaches every child; the front door registers "children
in this user's own referrals"; casework registers "allocated to this user" and "to this team". A
scope nobody has registered reaches no one: deny by default.
"""

from collections.abc import Callable

from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q, QuerySet

from safeguard.access.models import AccessGrant, BreakGlass, ChildScope, RestrictedRecord, User

ScopeRule = Callable[[User], Q]

_rules: dict[str, list[ScopeRule]] = {}

# Wider scopes include the narrower ones: a team manager also sees what is allocated to them.
_INCLUDES: dict[str, tuple[str, ...]] = {
    ChildScope.SERVICE: (ChildScope.TEAM, ChildScope.ALLOCATED, ChildScope.OWN_REFERRALS),
    ChildScope.TEAM: (ChildScope.ALLOCATED, ChildScope.OWN_REFERRALS),
    ChildScope.ALLOCATED: (ChildScope.OWN_REFERRALS,),
}


def register_scope(scope: str, rule: ScopeRule) -> None:
    """Add a rule (user -> Q over children) to a scope. Called from an app's ready()."""
    _rules.setdefault(scope, []).append(rule)


def scope_filter(user: User) -> Q | None:
    """The Q that selects the children in the user's scope, or None when it reaches no child."""
    if not user.is_authenticated or not user.is_active or user.role is None:
        return None
    scope = user.child_scope
    rules = [rule for s in (scope, *_INCLUDES.get(scope, ())) for rule in _rules.get(s, [])]
    if not rules:
        return None
    combined = Q(pk__in=[])
    for rule in rules:
        # An empty Q means "every child", but OR-ing an empty Q is a no-op in Django: spell it out.
        combined |= rule(user) or Q(pk__isnull=False)
    return combined


def in_scope(children: QuerySet, user: User) -> QuerySet:
    """Children the user's scope reaches, restricted or not (search warns of restricted matches)."""
    condition = scope_filter(user)
    return children.none() if condition is None else children.filter(condition)


def with_restriction(children: QuerySet, user: User) -> QuerySet:
    """Annotate `is_restricted` and `is_unlocked` (not restricted, or a grant or glass is held)."""
    restricted = Exists(RestrictedRecord.objects.filter(child=OuterRef("pk")))
    granted = Exists(AccessGrant.objects.filter(child=OuterRef("pk"), user=user))
    glass = Exists(BreakGlass.objects.active().filter(child=OuterRef("pk"), user=user))
    return children.annotate(
        is_restricted=restricted,
        is_unlocked=ExpressionWrapper(~Q(restricted) | Q(granted) | Q(glass), BooleanField()),
    )


def visible_to(children: QuerySet, user: User) -> QuerySet:
    """Children whose records the user may open now."""
    return with_restriction(in_scope(children, user), user).filter(is_unlocked=True)


def is_restricted_for(child_id: int, user: User) -> bool:
    if not RestrictedRecord.objects.filter(child_id=child_id).exists():
        return False
    if AccessGrant.objects.filter(child_id=child_id, user=user).exists():
        return False
    return not BreakGlass.objects.active().filter(child_id=child_id, user=user).exists()


def pseudonymised_only(user: User) -> bool:
    return user.child_scope == ChildScope.PSEUDONYMISED

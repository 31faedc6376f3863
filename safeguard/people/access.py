"""The one way a view reaches a child's record: scope, restriction and the access log together."""

from django.http import Http404, HttpRequest

from safeguard.access import scopes
from safeguard.access.log import record_access
from safeguard.access.models import AccessKind, Outcome
from safeguard.people.models import Child


class RecordRestricted(Exception):
    """The child is in the user's scope but the record is restricted and not unlocked for them."""

    def __init__(self, child: Child) -> None:
        super().__init__(f"Child {child.pk} is restricted")
        self.child = child


def get_child_for_user(
    request: HttpRequest, child_id: int, purpose: str, *, kind: str = AccessKind.VIEW
) -> Child:
    """Fetch a child the user may open, and log the read; 404 (logged) when out of reach."""
    user = request.user
    child = Child.objects.in_scope_of(user).filter(pk=child_id).first()
    if child is None:
        known = Child.objects.filter(pk=child_id).exists()
        record_access(
            request,
            child_id if known else None,
            kind=kind,
            outcome=Outcome.DENIED,
            purpose=purpose,
            detail="outside the user's scope" if known else f"no child {child_id}",
        )
        raise Http404("No child found")
    if scopes.is_restricted_for(child.pk, user):
        record_access(
            request,
            child.pk,
            kind=kind,
            outcome=Outcome.DENIED,
            purpose=purpose,
            detail="restricted record",
        )
        raise RecordRestricted(child)
    record_access(request, child.pk, kind=kind, purpose=purpose)
    return child

"""Who may see what in reviews. The business manager and board members run reviews and audits
without child-level data: a child linked to an incident or drawn for an audit is named only to
people whose scope reaches the record (`Child.objects.visible_to`), and each time that is logged.
An action is open to the partnership office and to the board member of the agency that owns it.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from safeguard.access.log import Access, record_accesses
from safeguard.access.models import AccessKind, User
from safeguard.people.models import Child
from safeguard.reviews import capabilities as cap
from safeguard.reviews.models import Action

RESTRICTED_LABEL = "a child (record restricted to authorised staff)"


@dataclass(frozen=True)
class Shown:
    """A child as this user may see them: the record, or None and the restricted label."""

    child: Child | None

    @property
    def label(self) -> str:
        return self.child.full_name if self.child else RESTRICTED_LABEL


def visible_children(user: User, child_ids: Iterable[int]) -> dict[int, Child]:
    return {c.pk: c for c in Child.objects.visible_to(user).filter(pk__in=list(child_ids))}


def show_children(
    request: HttpRequest, child_ids: list[int], *, purpose: str, kind: str = AccessKind.SEARCH
) -> list[Shown]:
    """Each child, in order, named only if the user may open the record; names shown are logged."""
    visible = visible_children(request.user, child_ids)
    record_accesses(
        request.user,
        [Access(pk, kind=kind) for pk in dict.fromkeys(child_ids) if pk in visible],
        page=request.path,
        purpose=purpose,
    )
    return [Shown(visible.get(pk)) for pk in child_ids]


def can_update_action(user: User, action: Action) -> bool:
    if user.can(cap.RUN):
        return True
    return user.can(cap.AGENCY_ACTIONS) and user.agency_id == action.agency_id


def get_action_for_user(request: HttpRequest, action_id: int) -> Action:
    """An action the user may see: any, for the partnership office and those who see reviews;
    their own agency's, for a board member (another agency's is not found)."""
    user = request.user
    if not (user.can(cap.VIEW) or user.can(cap.AGENCY_ACTIONS)):
        raise PermissionDenied
    actions = Action.objects.select_related(
        "agency", "finding__review__incident", "finding__audit", "signed_off_by"
    )
    if not user.can(cap.VIEW):
        actions = actions.filter(agency_id=user.agency_id)
    action = actions.filter(pk=action_id).first()
    if action is None:
        raise Http404("No action found")
    return action

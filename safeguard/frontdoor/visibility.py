"""Who may see which contacts and information requests. Deny by default, as for children."""

from django.db.models import Q, QuerySet, Subquery
from django.http import Http404, HttpRequest

from safeguard.access.log import record_access
from safeguard.access.models import AccessKind, Outcome, User
from safeguard.frontdoor import capabilities as cap
from safeguard.frontdoor.models import Contact, InformationRequest, Referral
from safeguard.people.models import Child


def children_in_own_referrals(user: User) -> Q:
    """The children in contacts this user made (the OWN_REFERRALS scope)."""
    return Q(pk__in=Subquery(Contact.objects.filter(referrer=user).values("child_id")))


def contacts_visible_to(user: User) -> QuerySet[Contact]:
    """MASH staff see every contact; anyone else only the contacts they made themselves."""
    if user.can(cap.TRIAGE):
        return Contact.objects.all()
    if user.can(cap.REFER):
        return Contact.objects.filter(referrer=user)
    return Contact.objects.none()


def requests_visible_to(user: User) -> QuerySet[InformationRequest]:
    if not user.can(cap.ANSWER_REQUESTS) or user.agency_id is None:
        return InformationRequest.objects.none()
    return InformationRequest.objects.filter(agency_id=user.agency_id)


def _fetch(request: HttpRequest, queryset: QuerySet, pk: int, child_of, purpose: str):
    found = queryset.filter(pk=pk).first()
    if found is None:
        # Log the refusal against the child when the thing exists, so the DPO sees the attempt.
        exists = queryset.model.objects.filter(pk=pk).first()
        child_id = child_of(exists) if exists else None
        record_access(
            request,
            child_id,
            outcome=Outcome.DENIED,
            purpose=purpose,
            detail=f"{queryset.model._meta.verbose_name} {pk} is outside the user's reach",
        )
        raise Http404("Not found")
    record_access(
        request, child_of(found), kind=AccessKind.VIEW, purpose=purpose, detail=str(found)
    )
    return found


def get_contact_for_user(request: HttpRequest, contact_id: int, purpose: str) -> Contact:
    """A contact the user may see, with the read logged; 404 (logged) otherwise."""
    return _fetch(
        request, contacts_visible_to(request.user), contact_id, lambda c: c.child_id, purpose
    )


def get_request_for_user(request: HttpRequest, request_id: int, purpose: str) -> InformationRequest:
    return _fetch(
        request,
        requests_visible_to(request.user).select_related("contact"),
        request_id,
        lambda r: r.contact.child_id,
        purpose,
    )


def move_to_kept_child(kept: Child, duplicate: Child) -> None:
    """On a merge, the duplicate's contacts and referrals become the kept child's."""
    Contact.objects.filter(child=duplicate).update(child=kept)
    Referral.objects.filter(child=duplicate).update(child=kept)

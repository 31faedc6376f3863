"""Writing the access log. Every read of child-level data goes through `record_access`."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.http import HttpRequest

from safeguard.access.models import AccessEvent, AccessKind, AccessLogHead, Outcome, User


@dataclass(frozen=True)
class Access:
    child_id: int | None
    kind: str = AccessKind.VIEW
    outcome: str = Outcome.ALLOWED
    detail: str = ""


def _user_label(user: User | None) -> str:
    if user is None or not user.is_authenticated:
        return "anonymous"
    agency = f", {user.agency.name}" if user.agency_id else ""
    return f"{user.full_name} <{user.email}>{agency}"


def record_accesses(
    user: User | None, accesses: Iterable[Access], *, page: str, purpose: str = ""
) -> list[AccessEvent]:
    """Append events to the chain in one transaction, holding the head row's lock."""
    accesses = list(accesses)
    if not accesses:
        return []
    authenticated = user is not None and user.is_authenticated
    with transaction.atomic():
        head, _ = AccessLogHead.objects.select_for_update().get_or_create(pk=1)
        events = []
        previous = head.last_hash
        for access in accesses:
            event = AccessEvent(
                user=user if authenticated else None,
                user_label=_user_label(user),
                child_id=access.child_id,
                kind=access.kind,
                outcome=access.outcome,
                page=page[:300],
                purpose=purpose[:300],
                detail=access.detail,
                previous_hash=previous,
            )
            event.entry_hash = event.compute_hash()
            previous = event.entry_hash
            events.append(event)
        AccessEvent.objects.bulk_create(events)
        head.last_hash = previous
        head.last_event_id = events[-1].pk
        head.save(update_fields=["last_hash", "last_event_id"])
    return events


def record_access(
    request: HttpRequest,
    child_id: int | None,
    *,
    kind: str = AccessKind.VIEW,
    outcome: str = Outcome.ALLOWED,
    purpose: str = "",
    detail: str = "",
) -> AccessEvent:
    user = request.user if request.user.is_authenticated else None
    access = Access(child_id=child_id, kind=kind, outcome=outcome, detail=detail)
    return record_accesses(user, [access], page=request.path, purpose=purpose)[0]


@dataclass(frozen=True)
class ChainBreak:
    event_id: int
    problem: str


def verify_chain(chunk_size: int = 5000) -> tuple[int, ChainBreak | None]:
    """Walk the log oldest first; return how many events were checked and the first break."""
    previous = AccessLogHead._meta.get_field("last_hash").default
    checked = 0
    for event in AccessEvent.objects.order_by("id").iterator(chunk_size=chunk_size):
        if event.previous_hash != previous:
            return checked, ChainBreak(event.id, "does not follow the event before it")
        if event.compute_hash() != event.entry_hash:
            return checked, ChainBreak(event.id, "content does not match its hash")
        previous = event.entry_hash
        checked += 1
    head = AccessLogHead.objects.filter(pk=1).first()
    if head and head.last_hash != previous:
        # The newest events were removed: the head remembers a hash no remaining row ends with.
        return checked, ChainBreak(head.last_event_id or 0, "newest events are missing")
    return checked, None

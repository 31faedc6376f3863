"""Merging two records of the same child.

Later apps register checks that refuse a merge (for example two records with overlapping
statutory episodes, which must be reconciled by hand first).
"""

from collections.abc import Callable

from django.db import transaction
from django.db.models import Q

from safeguard.access.models import AccessGrant, RestrictedRecord, User
from safeguard.people.models import Address, Child, FormerName, Merge, Relationship

MergeCheck = Callable[[Child, Child], str | None]
MergeStep = Callable[[Child, Child], None]

_checks: list[MergeCheck] = []
_steps: list[MergeStep] = []


def register_merge_check(check: MergeCheck) -> None:
    _checks.append(check)


def register_merge_step(step: MergeStep) -> None:
    """Apps move their own records about the duplicate onto the kept child inside the merge."""
    _steps.append(step)


class MergeRefused(Exception):
    def __init__(self, reasons: list[str]) -> None:
        super().__init__("; ".join(reasons))
        self.reasons = reasons


def reasons_to_refuse(kept: Child, duplicate: Child) -> list[str]:
    reasons = []
    if kept.pk == duplicate.pk:
        reasons.append("A record cannot be merged with itself")
    if kept.merged_into_id or duplicate.merged_into_id:
        reasons.append("One of these records has already been merged")
    if kept.nhs_number and duplicate.nhs_number and kept.nhs_number != duplicate.nhs_number:
        reasons.append("The records have different NHS numbers, so they are different children")
    if kept.upn and duplicate.upn and kept.upn != duplicate.upn:
        reasons.append("The records have different UPNs")
    reasons += [r for r in (check(kept, duplicate) for check in _checks) if r]
    return reasons


@transaction.atomic
def merge_children(kept: Child, duplicate: Child, *, by: User, reason: str) -> Merge:
    reasons = reasons_to_refuse(kept, duplicate)
    if reasons:
        raise MergeRefused(reasons)
    for field in ("nhs_number", "upn", "first_language", "middle_names"):
        if not getattr(kept, field) and getattr(duplicate, field):
            setattr(kept, field, getattr(duplicate, field))
    if (duplicate.first_name, duplicate.last_name) != (kept.first_name, kept.last_name):
        FormerName.objects.create(
            child=kept, first_name=duplicate.first_name, last_name=duplicate.last_name
        )
    # Links between the two records (say, recorded as siblings) would make the child their own
    # relative once merged.
    Relationship.objects.filter(
        Q(child=duplicate, related_child=kept) | Q(child=kept, related_child=duplicate)
    ).delete()
    FormerName.objects.filter(child=duplicate).update(child=kept)
    Address.objects.filter(child=duplicate).update(child=kept)
    Relationship.objects.filter(child=duplicate).update(child=kept)
    Relationship.objects.filter(related_child=duplicate).update(related_child=kept)
    # A restriction on either record protects the merged one.
    restriction = RestrictedRecord.objects.filter(child=duplicate).first()
    if restriction and not RestrictedRecord.objects.filter(child=kept).exists():
        RestrictedRecord.objects.create(
            child=kept, reason=restriction.reason, restricted_by=restriction.restricted_by
        )
    for step in _steps:
        step(kept, duplicate)
    for grant in AccessGrant.objects.filter(child=duplicate):
        AccessGrant.objects.get_or_create(
            child=kept, user=grant.user, defaults={"granted_by": grant.granted_by}
        )
    # Free the identifiers on the duplicate so the unique constraints hold for the kept record.
    duplicate.merged_into = kept
    duplicate.nhs_number = ""
    duplicate.upn = ""
    duplicate._change_reason = f"Merged into {kept.la_child_id}: {reason}"
    duplicate.save()
    kept._change_reason = f"{duplicate.la_child_id} merged into this record: {reason}"
    kept.save()
    return Merge.objects.create(kept=kept, duplicate=duplicate, reason=reason, merged_by=by)

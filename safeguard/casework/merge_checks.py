"""Two records of one child cannot be merged while both hold overlapping statutory episodes:
the duplicate episodes must be reconciled by hand first, or the returns would count them twice."""

from datetime import date

from django.utils import timezone

from safeguard.frontdoor.models import Referral
from safeguard.people.merge import register_merge_check, register_merge_step
from safeguard.people.models import Child

_OPEN = date.max


def _overlapping_episodes(kept: Child, duplicate: Child) -> str | None:
    kept_episodes = list(
        Referral.objects.filter(child=kept).values_list("referral_date", "closed_on")
    )
    for start, end in Referral.objects.filter(child=duplicate).values_list(
        "referral_date", "closed_on"
    ):
        for other_start, other_end in kept_episodes:
            if start <= (other_end or _OPEN) and other_start <= (end or _OPEN):
                return (
                    "Both records have referrals open at the same time "
                    f"({start:%-d %B %Y} and {other_start:%-d %B %Y}): reconcile them first"
                )
    return None


def _move_records(kept: Child, duplicate: Child) -> None:
    """The duplicate's pathway records become the kept child's; its allocation ends."""
    from safeguard.casework.models import Allocation, ChronologyEntry, ProtectionPlan, Visit

    today = timezone.localdate()
    kept_allocated = Allocation.objects.filter(child=kept, ended_on__isnull=True).exists()
    if kept_allocated:
        Allocation.objects.filter(child=duplicate, ended_on__isnull=True).update(ended_on=today)
    for model in (Allocation, ProtectionPlan, Visit, ChronologyEntry):
        model.objects.filter(child=duplicate).update(child=kept)


def register() -> None:
    register_merge_check(_overlapping_episodes)
    register_merge_step(_move_records)

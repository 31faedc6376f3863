"""Merging two records of one child: the records around the pathway follow the duplicate onto the
kept child, unless both hold an open episode of the same kind, which must be reconciled first."""

from safeguard.casework.models import (
    CareEpisode,
    CareReview,
    EarlyHelpEpisode,
    ExploitationScreening,
    HomeEducationEntry,
    MissingEpisode,
    NeglectAssessment,
)
from safeguard.people.merge import register_merge_check, register_merge_step
from safeguard.people.models import Child

_OPEN = {
    CareEpisode: ("ended_on__isnull", "periods of care"),
    EarlyHelpEpisode: ("ended_on__isnull", "early help episodes"),
    HomeEducationEntry: ("ended_on__isnull", "entries on the home education register"),
    MissingEpisode: ("returned_at__isnull", "missing episodes"),
}
_MOVED = [
    CareEpisode,
    CareReview,
    EarlyHelpEpisode,
    ExploitationScreening,
    HomeEducationEntry,
    MissingEpisode,
    NeglectAssessment,
]


def _both_open(kept: Child, duplicate: Child) -> str | None:
    for model, (open_filter, what) in _OPEN.items():
        if all(
            model.objects.filter(child=c, **{open_filter: True}).exists() for c in (kept, duplicate)
        ):
            return f"Both records have open {what}: close one first"
    return None


def _move(kept: Child, duplicate: Child) -> None:
    for model in _MOVED:
        # A queryset update: a screening is never changed through save(), only moved with its child.
        model.objects.filter(child=duplicate).update(child=kept)


def register_around_merge() -> None:
    register_merge_check(_both_open)
    register_merge_step(_move)

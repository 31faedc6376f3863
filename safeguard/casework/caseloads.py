"""Caseloads follow from allocations: the children a worker or team holds today."""

from dataclasses import dataclass
from statistics import median

from django.db.models import Count

from safeguard.casework.models import Allocation


@dataclass(frozen=True)
class WorkerCaseload:
    worker_id: int
    worker: str
    team: str
    children: int


def current_caseloads(team_ids: list[int] | None = None) -> list[WorkerCaseload]:
    """Each worker's count of currently allocated children, largest first."""
    allocations = Allocation.objects.filter(ended_on__isnull=True)
    if team_ids is not None:
        allocations = allocations.filter(team_id__in=team_ids)
    rows = allocations.values("worker_id", "worker__full_name", "team__name").annotate(
        n=Count("id")
    )
    return sorted(
        (
            WorkerCaseload(r["worker_id"], r["worker__full_name"], r["team__name"], r["n"])
            for r in rows
        ),
        key=lambda c: (-c.children, c.worker),
    )


def team_summary(caseloads: list[WorkerCaseload]) -> dict[str, dict[str, float]]:
    """Per team: children held, workers holding them, median and largest caseload."""
    teams: dict[str, list[int]] = {}
    for caseload in caseloads:
        teams.setdefault(caseload.team, []).append(caseload.children)
    return {
        team: {
            "children": sum(counts),
            "workers": len(counts),
            "median": median(counts),
            "max": max(counts),
        }
        for team, counts in sorted(teams.items())
    }

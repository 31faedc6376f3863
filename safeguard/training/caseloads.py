"""Caseloads per worker and team, from the allocations (safeguard.casework.caseloads), measured
against the partnership's threshold; snapshots keep the trend."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import QuerySet

from safeguard.access.models import AgencyKind, Team
from safeguard.casework.caseloads import WorkerCaseload, current_caseloads, team_summary
from safeguard.core.calendar import add_months
from safeguard.training.models import CaseloadSnapshot, WorkforceSettings
from safeguard.training.quarters import quarter_start


def social_work_teams() -> QuerySet[Team]:
    """The teams of children's services: the ones that hold cases and send workforce returns."""
    return Team.objects.filter(agency__kind=AgencyKind.CHILDRENS_SERVICES).select_related("agency")


@dataclass(frozen=True)
class TeamCaseloads:
    team: Team
    workers: list[WorkerCaseload]
    threshold: int

    @property
    def summary(self) -> dict[str, float] | None:
        return team_summary(self.workers).get(self.team.name)

    @property
    def above_threshold(self) -> list[WorkerCaseload]:
        return [w for w in self.workers if w.children > self.threshold]

    @property
    def over_threshold(self) -> bool:
        """The team as a whole is over when its median worker holds more than the threshold."""
        summary = self.summary
        return summary is not None and summary["median"] > self.threshold


def team_caseloads(teams: Iterable[Team], threshold: int | None = None) -> list[TeamCaseloads]:
    if threshold is None:
        threshold = WorkforceSettings.current().caseload_threshold
    return [TeamCaseloads(team, current_caseloads([team.pk]), threshold) for team in teams]


def record_snapshots(on: date, teams: Iterable[Team] | None = None) -> list[CaseloadSnapshot]:
    """Keep today's caseloads per team; a second snapshot on the same day replaces the first."""
    threshold = WorkforceSettings.current().caseload_threshold
    made = []
    for caseloads in team_caseloads(social_work_teams() if teams is None else teams, threshold):
        summary = caseloads.summary or {"children": 0, "workers": 0, "median": 0, "max": 0}
        snapshot, _ = CaseloadSnapshot.objects.update_or_create(
            team=caseloads.team,
            taken_on=on,
            defaults={
                "children": summary["children"],
                "workers": summary["workers"],
                "median": Decimal(str(summary["median"])),
                "largest": summary["max"],
                "above_threshold": len(caseloads.above_threshold),
                "threshold": threshold,
            },
        )
        made.append(snapshot)
    return made


def quarterly_trend(team: Team, quarters: list[date]) -> list[tuple[date, CaseloadSnapshot | None]]:
    """For each quarter (by its first day), the last snapshot taken in it."""
    snapshots = CaseloadSnapshot.objects.filter(
        team=team, taken_on__gte=min(quarters), taken_on__lt=add_months(max(quarters), 3)
    ).order_by("taken_on")
    latest: dict[date, CaseloadSnapshot] = {}
    for snapshot in snapshots:
        latest[quarter_start(snapshot.taken_on)] = snapshot
    return [(quarter, latest.get(quarter)) for quarter in quarters]

"""Caseloads per worker and team against the partnership's threshold, and the quarterly trend.

Hand-made allocations, with the threshold set to 5 children to keep the numbers small:

team                   workers (children)                 children median largest over 5
Assessment team        Amy 6, Ben 4, Cal 7                  17      6      7       Amy, Cal
Child protection team  Dee 2, Eve 9                         11      5.5    9       Eve
Looked after team      Fay 1, Gus 2, Hal 3, Ian 6           12      2.5    6       Ian

All nine workers: 1 2 2 3 4 6 6 7 9, so 40 children, median 4, largest 9, four over 5. The first
two teams are over the threshold (their median is above 5); the third is not.
"""

import re
from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command
from factories import AgencyFactory, ChildFactory, TeamFactory, UserFactory, sign_in_as

from safeguard.access.models import AgencyKind
from safeguard.casework import services
from safeguard.training import figures
from safeguard.training.caseloads import quarterly_trend, record_snapshots
from safeguard.training.models import CaseloadSnapshot, WorkforceSettings

LOADS = {
    "Assessment team": {"Amy": 6, "Ben": 4, "Cal": 7},
    "Child protection team": {"Dee": 2, "Eve": 9},
    "Looked after team": {"Fay": 1, "Gus": 2, "Hal": 3, "Ian": 6},
}


def _text(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


@pytest.fixture
def teams(db):
    council = AgencyFactory(name="Marcher Council", kind=AgencyKind.CHILDRENS_SERVICES)
    manager = UserFactory(role="team_manager", agency=council)
    made = {}
    for team_name, workers in LOADS.items():
        team = TeamFactory(agency=council, name=team_name)
        manager.teams.add(team)
        for name, count in workers.items():
            worker = UserFactory(role="social_worker", agency=council, full_name=name)
            worker.teams.add(team)
            for _ in range(count):
                services.allocate(ChildFactory(), worker, team, on=date(2024, 1, 8), by=manager)
        made[team_name] = team
    # A police team holding no cases is not a social work team.
    TeamFactory(agency=AgencyFactory(name="Police", kind=AgencyKind.POLICE), name="CID")
    settings = WorkforceSettings.current()
    settings.caseload_threshold = 5
    settings.save()
    return made


def test_caseload_figures_match_the_hand_worked_table(teams):
    result = figures.caseloads()
    by_team = {t.team.name: t for t in result.teams}
    assert set(by_team) == set(LOADS)
    assert by_team["Assessment team"].summary == {
        "children": 17,
        "workers": 3,
        "median": 6,
        "max": 7,
    }
    assert by_team["Child protection team"].summary["median"] == 5.5
    assert by_team["Looked after team"].summary["median"] == 2.5
    assert [w.worker for w in by_team["Assessment team"].above_threshold] == ["Cal", "Amy"]
    assert [w.worker for w in by_team["Looked after team"].above_threshold] == ["Ian"]
    assert [t.over_threshold for t in result.teams] == [True, True, False]
    assert (result.workers, result.children, result.median, result.largest) == (9, 40, 4, 9)
    assert (result.threshold, result.above_threshold) == (5, 4)


def test_the_default_threshold_is_twenty(db):
    assert WorkforceSettings.current().caseload_threshold == 20


def test_the_workforce_page_shows_teams_over_the_threshold_and_who(client, teams):
    sign_in_as(client, UserFactory(role="business_manager"))
    page = _text(client.get("/workforce/"))
    assert "Caseloads today (threshold 5 children)" in page
    assert "Assessment team Over the threshold 3 17 6 7 2" in page
    assert "Looked after team 4 12 2.5 6 1" in page
    assert "All teams 9 40 4 9 4" in page
    assert "Assessment team: workers over the threshold Cal: 7 children Amy: 6 children" in page


def test_a_team_page_lists_each_workers_caseload(client, teams):
    sign_in_as(client, UserFactory(role="performance_analyst"))
    page = _text(client.get(f"/workforce/teams/{teams['Child protection team'].pk}/"))
    assert "2 workers hold 11 children: median 5.5, largest 9. The threshold is 5." in page
    assert "Eve Over the threshold 9" in page


def test_a_snapshot_keeps_todays_figures_and_the_trend_takes_each_quarters_last(teams):
    team = teams["Assessment team"]
    record_snapshots(date(2025, 5, 1))
    record_snapshots(date(2025, 6, 30))
    snapshot = CaseloadSnapshot.objects.get(team=team, taken_on=date(2025, 6, 30))
    assert (snapshot.children, snapshot.workers, snapshot.median, snapshot.largest) == (
        17,
        3,
        Decimal("6.0"),
        7,
    )
    assert (snapshot.above_threshold, snapshot.threshold) == (2, 5)
    trend = quarterly_trend(team, [date(2025, 1, 1), date(2025, 4, 1), date(2025, 7, 1)])
    assert [(q, s.taken_on if s else None) for q, s in trend] == [
        (date(2025, 1, 1), None),
        (date(2025, 4, 1), date(2025, 6, 30)),
        (date(2025, 7, 1), None),
    ]


def test_the_snapshot_command_records_every_social_work_team_once_a_day(teams):
    call_command("training", "snapshot-caseloads")
    call_command("training", "snapshot-caseloads")
    assert CaseloadSnapshot.objects.count() == 3


def test_the_business_manager_changes_the_threshold(client, teams):
    sign_in_as(client, UserFactory(role="team_manager"))
    assert client.post("/workforce/settings/", {"caseload_threshold": "8"}).status_code == 403
    sign_in_as(client, UserFactory(role="business_manager"))
    bad = client.post("/workforce/settings/", {"caseload_threshold": "0"})
    assert "The caseload threshold must be 1 or more" in _text(bad)
    assert client.post("/workforce/settings/", {"caseload_threshold": "8"}).status_code == 302
    # Now only Eve (9) is over 8; no team's median is.
    result = figures.caseloads()
    assert result.above_threshold == 1
    assert not any(t.over_threshold for t in result.teams)

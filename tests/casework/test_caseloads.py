"""Caseloads follow from allocations, and the allocating manager sees them."""

from datetime import date

import pytest
from factories import ChildFactory, TeamFactory, UserFactory, sign_in_as

from safeguard.casework import services
from safeguard.casework.caseloads import current_caseloads, team_summary


@pytest.fixture
def teams(db):
    return TeamFactory(name="Assessment team"), TeamFactory(name="Child protection team")


def _worker(team, name):
    user = UserFactory(role="social_worker", full_name=name, agency=team.agency)
    user.teams.add(team)
    return user


def test_caseloads_count_only_current_allocations(teams):
    assessment, protection = teams
    manager = UserFactory(role="team_manager")
    amy, ben, cal = (
        _worker(assessment, "Amy"),
        _worker(assessment, "Ben"),
        _worker(protection, "Cal"),
    )
    # Amy: 3 children; Ben: 1; Cal: 2, one of them moved on to Ben later (so Cal 1, Ben 2).
    children = [ChildFactory() for _ in range(6)]
    for child in children[:3]:
        services.allocate(child, amy, assessment, on=date(2024, 1, 8), by=manager)
    services.allocate(children[3], ben, assessment, on=date(2024, 1, 8), by=manager)
    services.allocate(children[4], cal, protection, on=date(2024, 1, 8), by=manager)
    services.allocate(children[5], cal, protection, on=date(2024, 1, 8), by=manager)
    services.allocate(children[5], ben, assessment, on=date(2024, 2, 1), by=manager)

    loads = {c.worker: c.children for c in current_caseloads()}
    assert loads == {"Amy": 3, "Ben": 2, "Cal": 1}
    summary = team_summary(current_caseloads())
    # Assessment team: Amy 3 and Ben 2 -> 5 children, median 2.5, largest 3.
    assert summary["Assessment team"] == {"children": 5, "workers": 2, "median": 2.5, "max": 3}
    assert summary["Child protection team"] == {"children": 1, "workers": 1, "median": 1, "max": 1}


def test_the_allocate_page_shows_the_managers_teams_caseloads(client, teams):
    assessment, protection = teams
    manager = UserFactory(role="team_manager", agency=assessment.agency)
    manager.teams.add(assessment)
    amy = _worker(assessment, "Amy Watts")
    cal = _worker(protection, "Cal Moss")
    services.allocate(ChildFactory(), amy, assessment, on=date(2024, 1, 8), by=manager)
    services.allocate(ChildFactory(), cal, protection, on=date(2024, 1, 8), by=manager)
    sign_in_as(client, manager)
    page = client.get(f"/casework/children/{ChildFactory().pk}/allocate/").content.decode()
    assert "Amy Watts" in page
    assert "Cal Moss" not in page.split("Caseloads in your teams")[1].split("Allocation history")[0]

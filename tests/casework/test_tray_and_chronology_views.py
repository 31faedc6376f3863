"""The work tray and chronology pages, as a social worker and a team manager use them."""

from datetime import date

import pytest
from django.utils.html import escape
from factories import ChildFactory, TeamFactory, UserFactory, sign_in_as

from safeguard.access.models import AccessEvent, AccessKind
from safeguard.casework import services
from safeguard.core.calendar import add_working_days
from safeguard.frontdoor.models import Referral

REFERRED = date(2024, 3, 20)


@pytest.fixture
def team(db):
    return TeamFactory(name="Child protection team")


@pytest.fixture
def worker(team):
    user = UserFactory(role="social_worker", full_name="Tom Griffiths", agency=team.agency)
    user.teams.add(team)
    return user


@pytest.fixture
def manager(team):
    user = UserFactory(role="team_manager", full_name="Rachel Evans", agency=team.agency)
    user.teams.add(team)
    return user


def _referred_child(worker, manager, team, first_name: str):
    child = ChildFactory(first_name=first_name, last_name="Hartley")
    services.allocate(child, worker, team, on=REFERRED, by=manager)
    referral = Referral.objects.create(
        child=child, referral_date=REFERRED, source="6", primary_need="N1"
    )
    services.start_assessment(referral, started_on=REFERRED, worker=worker)
    return child


def test_the_worker_sees_the_assessment_due_45_working_days_after_the_referral(
    client, worker, manager, team
):
    _referred_child(worker, manager, team, "Leo")
    sign_in_as(client, worker)
    page = client.get("/work-tray/").content.decode()
    # 20 March 2024 + 45 working days, skipping Good Friday (29 March), Easter Monday (1 April),
    # the early May bank holiday (6 May) and the spring bank holiday (27 May): Tuesday 28 May.
    assert "Assessment due" in page
    assert "Tue 28 May 2024" in page
    assert "Leo Hartley" in page
    assert "Overdue" in page  # 2024 is long past
    assert AccessEvent.objects.filter(user=worker, kind=AccessKind.SEARCH).count() == 1


def test_a_child_allocated_to_a_colleague_is_only_in_the_team_view(client, worker, manager, team):
    colleague = UserFactory(role="social_worker", agency=team.agency)
    colleague.teams.add(team)
    _referred_child(colleague, manager, team, "Maya")
    sign_in_as(client, worker)
    assert "Maya Hartley" not in client.get("/work-tray/").content.decode()
    assert "Maya Hartley" not in client.get("/work-tray/?view=team").content.decode()
    client.logout()
    sign_in_as(client, manager)
    team_page = client.get("/work-tray/?view=team").content.decode()
    assert "Maya Hartley" in team_page
    # As the page prints it: a made-up name may hold an apostrophe (O'Brien), which HTML escapes.
    assert escape(colleague.full_name) in team_page


def test_the_chronology_shows_the_pathway_and_a_significant_entry_with_its_analysis(
    client, worker, manager, team
):
    child = _referred_child(worker, manager, team, "Leo")
    sign_in_as(client, worker)
    response = client.post(
        f"/children/{child.pk}/chronology/new/",
        {
            "occurred_on_day": 2,
            "occurred_on_month": 4,
            "occurred_on_year": 2024,
            "title": "Disclosure at school",
            "significant": "on",
            "analysis": "",
        },
    )
    assert "Enter your analysis of why this event is significant" in response.content.decode()
    client.post(
        f"/children/{child.pk}/chronology/new/",
        {
            "occurred_on_day": 2,
            "occurred_on_month": 4,
            "occurred_on_year": 2024,
            "title": "Disclosure at school",
            "significant": "on",
            "analysis": "First time Leo has spoken about home",
        },
    )
    page = client.get(f"/children/{child.pk}/chronology/").content.decode()
    assert page.index("Disclosure at school") < page.index("Assessment started")
    assert "First time Leo has spoken about home" in page
    assert "Significant" in page
    only_mine = client.get(
        f"/children/{child.pk}/chronology/", {"kind": "Practitioner's entry"}
    ).content.decode()
    assert "Assessment started" not in only_mine
    printed = client.get(f"/children/{child.pk}/chronology/", {"print": "1"}).content.decode()
    assert "Printed" in printed and "Disclosure at school" in printed


def test_the_work_tray_due_soon_filter_uses_working_days(client, worker, manager, team):
    from django.utils import timezone

    child = ChildFactory(first_name="Ava", last_name="Hartley")
    today = timezone.localdate()
    referred = add_working_days(today, 0)
    services.allocate(child, worker, team, on=referred, by=manager)
    referral = Referral.objects.create(
        child=child, referral_date=referred, source="6", primary_need="N1"
    )
    services.start_assessment(referral, started_on=referred, worker=worker)
    sign_in_as(client, worker)
    # Due in 45 working days: neither overdue nor due soon.
    assert "Ava Hartley" not in client.get("/work-tray/?show=overdue").content.decode()
    assert "Ava Hartley" not in client.get("/work-tray/?show=due soon").content.decode()
    assert "Ava Hartley" in client.get("/work-tray/").content.decode()

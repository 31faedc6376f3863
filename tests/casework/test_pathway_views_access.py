"""Who may open the pathway's pages: allocation by a team manager, a worker whose scope does not
reach the child (404, logged), roles without the capability (403), and restricted children.
"""

from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.html import escape
from factories import ChildFactory, TeamFactory, UserFactory, sign_in_as

from safeguard.access.models import (
    AccessEvent,
    AccessKind,
    ChildScope,
    Outcome,
    RestrictedRecord,
    Role,
)
from safeguard.casework import capabilities as cap
from safeguard.casework import services
from safeguard.casework.codes import Attendee, EnquiryOutcome, StrategyDecision
from safeguard.casework.models import Allocation
from safeguard.frontdoor.models import Referral

STATUTORY = [Attendee.LOCAL_AUTHORITY, Attendee.POLICE, Attendee.HEALTH]


def make_referral(*, days_ago: int = 100) -> Referral:
    return Referral.objects.create(
        child=ChildFactory(),
        referral_date=timezone.localdate() - timedelta(days=days_ago),
        source="6",
        primary_need="N1",
    )


def pathway_urls(referral: Referral, worker) -> dict[str, str]:
    """Every page of the first half of the pathway for one referral, by URL name."""
    day = referral.referral_date
    assessment = services.start_assessment(referral, started_on=day, worker=worker)
    discussion = services.record_strategy_discussion(
        referral,
        held_on=day,
        attendees=STATUTORY,
        what_was_known="Bruising",
        decision=StrategyDecision.SINGLE_AGENCY_S47,
        rationale="Significant harm",
        by=worker,
    )
    enquiry = services.start_enquiry(discussion, started_on=day)
    services.record_enquiry_outcome(
        enquiry, version=1, outcome=EnquiryOutcome.CONFERENCE, completed_on=day
    )
    return {
        "allocate": f"/casework/children/{referral.child_id}/allocate/",
        "referral": f"/casework/referrals/{referral.pk}/",
        "assessment-new": f"/casework/referrals/{referral.pk}/assessment/new/",
        "assessment": f"/casework/assessments/{assessment.pk}/",
        "strategy-new": f"/casework/referrals/{referral.pk}/strategy-discussions/new/",
        "enquiry-new": f"/casework/strategy-discussions/{discussion.pk}/enquiry/new/",
        "enquiry": f"/casework/enquiries/{enquiry.pk}/",
        "conference-new": f"/casework/enquiries/{enquiry.pk}/conference/new/",
        "close": f"/casework/referrals/{referral.pk}/close/",
    }


@pytest.fixture
def team(personas):
    team = TeamFactory(name="Hereford North")
    personas["social_worker"].teams.add(team)
    return team


def test_a_team_manager_allocates_a_child_and_the_history_is_kept(client, personas, team):
    manager, worker = personas["team_manager"], personas["social_worker"]
    other = UserFactory(role="social_worker", full_name="Bea Second")
    other.teams.add(team)
    child = ChildFactory()
    first_day = timezone.localdate() - timedelta(days=30)
    second_day = timezone.localdate() - timedelta(days=10)
    sign_in_as(client, manager)

    page = client.get(f"/casework/children/{child.pk}/allocate/")
    assert escape(f"{worker.full_name} (Hereford North)") in page.content.decode()
    for worker_, day in ((worker, first_day), (other, second_day)):
        response = client.post(
            f"/casework/children/{child.pk}/allocate/",
            {
                "worker": worker_.pk,
                "team": team.pk,
                "started_on_day": day.day,
                "started_on_month": day.month,
                "started_on_year": day.year,
            },
        )
        assert response.url == f"/children/{child.pk}/"

    history = list(Allocation.objects.order_by("started_on").values_list("worker", "ended_on"))
    assert history == [(worker.pk, second_day), (other.pk, None)]
    page = client.get(f"/casework/children/{child.pk}/allocate/")
    assert escape(worker.full_name) in page.content.decode()
    assert escape(other.full_name) in page.content.decode()


def test_a_worker_outside_the_team_is_refused_against_the_worker(client, personas, team):
    outsider = UserFactory(role="social_worker", full_name="Cy Elsewhere")
    outsider.teams.add(TeamFactory(name="Leominster"))
    child = ChildFactory()
    day = timezone.localdate() - timedelta(days=1)
    sign_in_as(client, personas["team_manager"])

    response = client.post(
        f"/casework/children/{child.pk}/allocate/",
        {
            "worker": outsider.pk,
            "team": team.pk,
            "started_on_day": day.day,
            "started_on_month": day.month,
            "started_on_year": day.year,
        },
    )

    assert response.status_code == 200
    assert response.context["form"].errors["worker"] == [
        f"Cy Elsewhere is not a member of {team.name}"
    ]
    assert not Allocation.objects.exists()


def test_a_social_worker_cannot_allocate(client, personas):
    sign_in_as(client, personas["social_worker"])

    response = client.get(f"/casework/children/{ChildFactory().pk}/allocate/")

    assert response.status_code == 403


def test_a_worker_whose_scope_does_not_reach_the_child_gets_404_and_it_is_logged(client, personas):
    referral = make_referral()
    urls = pathway_urls(referral, personas["social_worker"])
    role = Role.objects.create(
        key="family_support_worker",
        name="Family support worker",
        child_scope=ChildScope.ALLOCATED,
        capabilities=[cap.RECORD, cap.AUTHORISE, cap.CHAIR],
    )
    outsider = UserFactory(role=role)
    sign_in_as(client, outsider)

    for url in urls.values():
        assert client.get(url).status_code == 404, url

    denied = AccessEvent.objects.filter(user=outsider, outcome=Outcome.DENIED)
    assert denied.count() == len(urls)
    assert set(denied.values_list("child_id", "detail")) == {
        (referral.child_id, "outside the user's scope")
    }


@pytest.mark.parametrize("role", ["board_member", "early_help_practitioner", "mash_worker"])
def test_roles_without_the_capability_get_403(client, personas, role):
    urls = pathway_urls(make_referral(), personas["social_worker"])
    sign_in_as(client, personas[role])

    for url in urls.values():
        assert client.get(url).status_code == 403, url
        assert client.post(url, {}).status_code == 403, url


def test_the_pages_open_for_the_roles_that_hold_the_capability(client, personas):
    urls = pathway_urls(make_referral(), personas["social_worker"])
    allowed = {
        "social_worker": set(urls) - {"allocate", "conference-new"},
        "team_manager": set(urls) - {"conference-new"},
        "mash_manager": set(urls) - {"allocate", "conference-new"},
        "conference_chair": set(urls) - {"allocate"},
    }
    for role, names in allowed.items():
        sign_in_as(client, personas[role])
        for name, url in urls.items():
            expected = 200 if name in names else 403
            assert client.get(url).status_code == expected, (role, url)


def test_a_restricted_child_sends_the_worker_to_break_the_glass(client, personas):
    referral = make_referral()
    urls = pathway_urls(referral, personas["social_worker"])
    RestrictedRecord.objects.create(
        child=referral.child,
        reason="Child of a member of staff",
        restricted_by=personas["team_manager"],
    )
    sign_in_as(client, personas["social_worker"])

    for name, url in urls.items():
        if name in ("allocate", "conference-new"):
            continue  # a social worker may not use these at all
        response = client.get(url)
        assert response.url == f"/children/{referral.child_id}/break-glass/", url
    assert AccessEvent.objects.filter(
        user=personas["social_worker"], outcome=Outcome.DENIED, detail="restricted record"
    ).exists()


def test_opening_the_referral_page_is_logged(client, personas):
    referral = make_referral()
    sign_in_as(client, personas["social_worker"])

    client.get(f"/casework/referrals/{referral.pk}/")

    event = AccessEvent.objects.get(user=personas["social_worker"])
    assert (event.child_id, event.kind, event.outcome) == (
        referral.child_id,
        AccessKind.VIEW,
        Outcome.ALLOWED,
    )

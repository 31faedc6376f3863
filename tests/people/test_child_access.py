"""Opening a child's record: who may, what is logged, and breaking the glass on a restricted one."""

import pytest
from django.utils.html import escape
from factories import ChildFactory, sign_in_as

from safeguard.access.models import (
    AccessEvent,
    AccessGrant,
    AccessKind,
    BreakGlass,
    Outcome,
    RestrictedRecord,
)

REASON = "Police report a stabbing at the family home tonight; checking for siblings."


@pytest.fixture
def child(db):
    return ChildFactory(first_name="Zebedee", last_name="Quartermaine")


@pytest.fixture
def restricted(child, personas):
    RestrictedRecord.objects.create(
        child=child, reason="A member of staff's child", restricted_by=personas["team_manager"]
    )
    return child


def open_as(client, user, url: str):
    sign_in_as(client, user)
    return client.get(url)


def test_a_mash_worker_opens_a_childs_summary_and_it_is_logged(client, personas, child):
    worker = personas["mash_worker"]
    response = open_as(client, worker, f"/children/{child.pk}/")
    assert response.status_code == 200
    assert "Zebedee Quartermaine" in response.content.decode()
    event = AccessEvent.objects.get(child_id=child.pk, kind=AccessKind.VIEW)
    assert (event.user, event.outcome) == (worker, Outcome.ALLOWED)


def test_a_partner_practitioner_may_not_open_a_childs_summary(client, personas, child):
    response = open_as(client, personas["partner_practitioner"], f"/children/{child.pk}/")
    assert response.status_code == 403
    assert "Quartermaine" not in response.content.decode()


def test_an_early_help_practitioner_is_told_the_child_is_not_found_and_it_is_logged(
    client, personas, child
):
    practitioner = personas["early_help_practitioner"]
    response = open_as(client, practitioner, f"/children/{child.pk}/")
    assert response.status_code == 404
    assert "Quartermaine" not in response.content.decode()
    event = AccessEvent.objects.get(child_id=child.pk)
    assert (event.user, event.kind, event.outcome) == (
        practitioner,
        AccessKind.VIEW,
        Outcome.DENIED,
    )


def test_a_restricted_record_sends_a_social_worker_to_break_the_glass(client, personas, restricted):
    response = open_as(client, personas["social_worker"], f"/children/{restricted.pk}/")
    assert response.status_code == 302
    assert response["Location"] == f"/children/{restricted.pk}/break-glass/"
    assert AccessEvent.objects.filter(
        child_id=restricted.pk, user=personas["social_worker"], outcome=Outcome.DENIED
    ).exists()


def test_the_break_glass_page_shows_only_the_la_child_id(client, personas, restricted):
    response = open_as(client, personas["social_worker"], f"/children/{restricted.pk}/break-glass/")
    page = response.content.decode()
    assert response.status_code == 200
    assert f"LA child ID {restricted.la_child_id}" in page
    assert "Zebedee" not in page
    assert "Quartermaine" not in page
    assert restricted.nhs_number not in page


def test_it_refuses_a_reason_of_fewer_than_ten_characters(client, personas, restricted):
    sign_in_as(client, personas["social_worker"])
    response = client.post(f"/children/{restricted.pk}/break-glass/", {"reason": "urgent!!!"})
    assert response.status_code == 200
    assert "Enter a fuller reason (at least 10 characters)" in response.content.decode()
    assert not BreakGlass.objects.exists()
    assert "Quartermaine" not in response.content.decode()


def test_breaking_the_glass_with_a_reason_opens_the_record_and_logs_the_reason(
    client, personas, restricted
):
    worker = personas["social_worker"]
    sign_in_as(client, worker)
    response = client.post(f"/children/{restricted.pk}/break-glass/", {"reason": REASON})
    assert response.status_code == 302
    assert response["Location"] == f"/children/{restricted.pk}/"
    glass = BreakGlass.objects.get()
    assert (glass.user, glass.child, glass.reason) == (worker, restricted, REASON)
    event = AccessEvent.objects.get(kind=AccessKind.BREAK_GLASS)
    assert (event.user, event.child_id, event.outcome, event.detail) == (
        worker,
        restricted.pk,
        Outcome.ALLOWED,
        REASON,
    )
    response = client.get(f"/children/{restricted.pk}/")
    assert response.status_code == 200
    assert "Zebedee Quartermaine" in response.content.decode()


def test_breaking_the_glass_opens_it_for_that_user_only(client, personas, restricted):
    BreakGlass.objects.create(user=personas["social_worker"], child=restricted, reason=REASON)
    response = open_as(client, personas["mash_worker"], f"/children/{restricted.pk}/")
    assert response.status_code == 302
    assert response["Location"] == f"/children/{restricted.pk}/break-glass/"


def test_a_user_granted_access_opens_a_restricted_record_without_breaking_the_glass(
    client, personas, restricted
):
    worker = personas["social_worker"]
    AccessGrant.objects.create(child=restricted, user=worker, granted_by=personas["team_manager"])
    response = open_as(client, worker, f"/children/{restricted.pk}/")
    assert response.status_code == 200
    assert "Zebedee Quartermaine" in response.content.decode()
    assert not BreakGlass.objects.exists()


def test_the_dpo_sees_who_viewed_a_record_and_why_the_glass_was_broken(
    client, personas, restricted
):
    granted, breaker = personas["mash_worker"], personas["social_worker"]
    AccessGrant.objects.create(child=restricted, user=granted, granted_by=personas["team_manager"])
    open_as(client, granted, f"/children/{restricted.pk}/")
    sign_in_as(client, breaker)
    client.post(f"/children/{restricted.pk}/break-glass/", {"reason": REASON})
    client.get(f"/children/{restricted.pk}/")

    response = open_as(
        client, personas["data_protection_officer"], f"/children/{restricted.pk}/who-viewed/"
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert escape(f"“{REASON}”") in page
    assert "Broke the glass" in page
    assert escape(f"{breaker.full_name} <{breaker.email}>") in page
    assert escape(f"{granted.full_name} <{granted.email}>") in page


def test_the_who_viewed_page_still_lists_the_only_earlier_view(client, personas, child):
    viewer = personas["conference_chair"]
    open_as(client, viewer, f"/children/{child.pk}/")
    response = open_as(
        client, personas["data_protection_officer"], f"/children/{child.pk}/who-viewed/"
    )
    page = response.content.decode()
    assert escape(f"{viewer.full_name} <{viewer.email}>") in page
    assert "Viewed a record" in page


def test_nobody_else_may_see_who_viewed_a_record(client, personas, child):
    response = open_as(client, personas["team_manager"], f"/children/{child.pk}/who-viewed/")
    assert response.status_code == 403


def test_a_merged_records_address_leads_to_the_record_kept(client, personas, child):
    kept = ChildFactory(first_name="Zeb", last_name="Quartermaine")
    child.merged_into = kept
    child.nhs_number = ""
    child.save()
    response = open_as(client, personas["mash_worker"], f"/children/{child.pk}/")
    assert response.status_code == 302
    assert response["Location"] == f"/children/{kept.pk}/"

"""Children in a serious incident or an audit sample: named only to people who may open their
records, each showing logged; everyone else reads "a child (record restricted to authorised
staff)". Linking a record goes through the same checks as opening it."""

from datetime import date

import pytest
from factories import ChildFactory, UserFactory, sign_in_as
from reviews_records import business_manager, notified

from safeguard.access.models import AccessEvent, AccessKind, Outcome, RestrictedRecord
from safeguard.frontdoor.models import Referral
from safeguard.reviews import services_audits, services_incidents
from safeguard.reviews.access import RESTRICTED_LABEL
from safeguard.reviews.models import AuditTool, IncidentChild

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager():
    return business_manager()


@pytest.fixture
def worker():
    return UserFactory(role="social_worker")


@pytest.fixture
def linked(manager, worker):
    """Child Q's incident with Ruby linked, and Sam, whose record is restricted."""
    found = notified(manager, date(2024, 3, 18), date(2024, 3, 20))
    ruby = ChildFactory(first_name="Ruby", last_name="Ashdown")
    sam = ChildFactory(first_name="Sam", last_name="Ashdown")
    for child in (ruby, sam):
        services_incidents.link_child(found, child, by=worker)
    RestrictedRecord.objects.create(
        child=sam, reason="A staff member's child", restricted_by=worker
    )
    return found, ruby, sam


def test_a_social_worker_sees_the_names_they_may_open_and_it_is_logged(client, worker, linked):
    found, ruby, _ = linked
    sign_in_as(client, worker)
    page = client.get(f"/case-reviews/incidents/{found.pk}/").content.decode()
    assert "Ruby Ashdown" in page and "Sam Ashdown" not in page
    assert RESTRICTED_LABEL.capitalize() in page
    logged = AccessEvent.objects.filter(user=worker, kind=AccessKind.SEARCH)
    assert list(logged.values_list("child_id", flat=True)) == [ruby.pk]


def test_the_business_manager_sees_no_names_and_nothing_is_logged(client, manager, linked):
    found, _, _ = linked
    sign_in_as(client, manager)
    page = client.get(f"/case-reviews/incidents/{found.pk}/").content.decode()
    assert "Ashdown" not in page
    assert page.count(RESTRICTED_LABEL.capitalize()) == 2
    assert not AccessEvent.objects.filter(user=manager).exists()


def test_a_social_worker_links_a_record_by_its_la_child_id(client, worker, manager):
    found = notified(manager, date(2024, 3, 18), date(2024, 3, 20))
    leo = ChildFactory(first_name="Leo")
    sign_in_as(client, worker)
    response = client.post(
        f"/case-reviews/incidents/{found.pk}/children/new/", {"la_child_id": leo.la_child_id}
    )
    assert response.status_code == 302
    assert IncidentChild.objects.get(incident=found).child == leo
    event = AccessEvent.objects.get(user=worker, child=leo)
    assert (event.kind, event.outcome) == (AccessKind.UPDATE, Outcome.ALLOWED)


def test_a_restricted_or_unknown_record_cannot_be_linked(client, worker, linked):
    found, _, _ = linked
    hidden = ChildFactory()
    RestrictedRecord.objects.create(child=hidden, reason="High profile", restricted_by=worker)
    sign_in_as(client, worker)
    for typed in (hidden.la_child_id, "C9999999"):
        response = client.post(
            f"/case-reviews/incidents/{found.pk}/children/new/", {"la_child_id": typed}
        )
        assert "Enter the LA child ID of a record you can open" in response.content.decode()
    assert not IncidentChild.objects.filter(child=hidden).exists()
    denied = AccessEvent.objects.get(child=hidden)
    assert denied.outcome == Outcome.DENIED


def test_the_business_manager_cannot_link_records(client, manager, linked):
    found, _, _ = linked
    sign_in_as(client, manager)
    response = client.get(f"/case-reviews/incidents/{found.pk}/children/new/")
    assert response.status_code == 403


def test_a_record_linked_twice_is_refused(client, worker, linked):
    found, ruby, _ = linked
    sign_in_as(client, worker)
    response = client.post(
        f"/case-reviews/incidents/{found.pk}/children/new/", {"la_child_id": ruby.la_child_id}
    )
    assert "already linked" in response.content.decode()


def test_an_audit_sample_is_named_only_to_authorised_staff(client, manager, worker):
    children = [ChildFactory(last_name="Fairfield") for _ in range(3)]
    for child in children:
        Referral.objects.create(
            child=child, referral_date=date(2025, 1, 6), source="6", primary_need="N1"
        )
    audit = services_audits.start_audit(
        title="Neglect audit",
        tool=services_audits.create_tool(name="Neglect", description="", questions=["Seen?"]),
        agencies=[manager.agency],
        known_from=date(2025, 1, 1),
        known_to=date(2025, 1, 31),
        sample_size=3,
        by=manager,
    )
    sign_in_as(client, manager)
    assert "Fairfield" not in client.get(f"/case-reviews/audits/{audit.pk}/").content.decode()
    sign_in_as(client, worker)
    assert client.get(f"/case-reviews/audits/{audit.pk}/").content.decode().count("Fairfield") == 3
    assert AccessEvent.objects.filter(user=worker, kind=AccessKind.SEARCH).count() == 3
    assert AuditTool.objects.count() == 1

"""The demo partnership: built by the same rules as real records, and usable at once."""

import json

import pytest
from django.core.management import call_command
from django.utils import timezone

from safeguard.access.models import RestrictedRecord, User
from safeguard.access.roles import STANDARD_ROLES
from safeguard.core.identifiers import is_valid_nhs_number, is_valid_upn
from safeguard.frontdoor.codes import Outcome
from safeguard.frontdoor.models import Contact, ContactStatus, ThresholdDecision, ThresholdDocument
from safeguard.people.models import Child


@pytest.fixture
def seeded(db, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    call_command("demo", "seed", "--households", "60", "--contacts-per-year", "300")
    return tmp_path


def test_every_persona_gets_a_login_that_signs_in(seeded, client):
    logins = json.loads((seeded / "demo_logins.json").read_text())
    roles = {User.objects.get(email=login["email"]).role.key for login in logins}
    assert roles == set(STANDARD_ROLES)
    first = logins[0]
    response = client.post("/sign-in/", {"email": first["email"], "password": first["password"]})
    assert response.status_code == 302


def test_identifiers_are_valid_and_unique(seeded):
    children = list(Child.objects.all())
    assert len(children) >= 60
    nhs = [c.nhs_number for c in children if c.nhs_number]
    upns = [c.upn for c in children if c.upn]
    assert all(is_valid_nhs_number(n) for n in nhs)
    assert all(is_valid_upn(u) for u in upns)
    assert len(set(nhs)) == len(nhs) and len(set(upns)) == len(upns)


def test_some_records_are_restricted(seeded):
    assert RestrictedRecord.objects.count() == 3


def test_front_door_activity_follows_the_rules(seeded):
    contacts = Contact.objects.all()
    assert contacts.count() > 300  # two years at 300 a year, less weekends
    assert all(c.reference.startswith("FD") for c in contacts)
    for decision in ThresholdDecision.objects.select_related("contact", "level__document"):
        decided_on = timezone.localtime(decision.decided_at).date()
        assert decision.level.document == ThresholdDocument.in_force_on(decided_on)
        has_referral = hasattr(decision.contact, "referral")
        assert has_referral == (decision.outcome in Outcome.to_social_care())
    assert contacts.filter(status=ContactStatus.OPEN).exists()


def test_seeding_twice_with_if_empty_changes_nothing(seeded):
    before = (Child.objects.count(), Contact.objects.count())
    call_command("demo", "seed", "--if-empty")
    assert (Child.objects.count(), Contact.objects.count()) == before

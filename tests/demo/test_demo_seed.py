"""The demo partnership: built by the same rules as real records, usable at once, and with a
history that is the calibrated generator's dataset brought in by the journey loader."""

import json
from datetime import timedelta
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from safeguard.access.models import RestrictedRecord, User
from safeguard.access.roles import STANDARD_ROLES
from safeguard.core.identifiers import is_valid_nhs_number, is_valid_upn
from safeguard.demo.history import FIRST_YEAR, LAST_YEAR, LOADED_BY, history
from safeguard.frontdoor.codes import Outcome
from safeguard.frontdoor.models import Contact, ContactStatus, ThresholdDecision, ThresholdDocument
from safeguard.journey.dataset import Dataset
from safeguard.journey.extract import extract
from safeguard.journey.models import PopulationEstimate
from safeguard.people.models import Child

HISTORY_CHILDREN = 2_000  # a small council's history keeps the test quick; the demo's is 36,050


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker, tmp_path_factory):
    """One demo for the module, in a transaction rolled back at its end (each test's own
    transaction nests inside it), so the tests after these find the database as it was."""
    var_dir = settings.VAR_DIR
    settings.VAR_DIR = tmp_path_factory.mktemp("var")
    out = StringIO()
    # The tests' fast hasher and cache in memory, as the autouse fixtures set them for each test
    # (not yet at this scope).
    fast = override_settings(
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}},
    )
    with django_db_blocker.unblock(), transaction.atomic(), fast:
        call_command(
            "demo",
            "seed",
            "--households",
            "60",
            "--contacts-per-year",
            "300",
            "--children",
            str(HISTORY_CHILDREN),
            stdout=out,
        )
        yield settings.VAR_DIR, out.getvalue()
        transaction.set_rollback(True)
    settings.VAR_DIR = var_dir


@pytest.mark.django_db
def test_every_persona_gets_a_login_that_signs_in(seeded, client):
    logins = json.loads((seeded[0] / "demo_logins.json").read_text())
    roles = {User.objects.get(email=login["email"]).role.key for login in logins}
    assert roles == set(STANDARD_ROLES)
    assert LOADED_BY not in {login["email"] for login in logins}
    first = logins[0]
    response = client.post("/sign-in/", {"email": first["email"], "password": first["password"]})
    assert response.status_code == 302


@pytest.mark.django_db
def test_identifiers_are_valid_and_unique(seeded):
    children = list(Child.objects.all())
    assert len(children) >= 60
    nhs = [c.nhs_number for c in children if c.nhs_number]
    upns = [c.upn for c in children if c.upn]
    assert all(is_valid_nhs_number(n) for n in nhs)
    assert all(is_valid_upn(u) for u in upns)
    assert len(set(nhs)) == len(nhs) and len(set(upns)) == len(upns)


@pytest.mark.django_db
def test_some_records_are_restricted(seeded):
    assert RestrictedRecord.objects.count() == 3


@pytest.mark.django_db
def test_front_door_activity_follows_the_rules(seeded):
    contacts = Contact.objects.all()
    today = timezone.localdate()
    recent = contacts.filter(received_at__date__gte=today - timedelta(days=730))
    assert recent.count() > 300  # two years at 300 a year, less weekends
    # Contacts made here are numbered FDyy-nnnnnn; the history's keep their dataset ids.
    assert all(c.reference.startswith("FD") for c in recent)
    assert contacts.filter(received_at__year=2016).exclude(reference__startswith="FD").exists()
    for decision in ThresholdDecision.objects.select_related("contact", "level__document"):
        decided_on = timezone.localtime(decision.decided_at).date()
        assert decision.level.document == ThresholdDocument.in_force_on(decided_on)
        has_referral = hasattr(decision.contact, "referral")
        assert has_referral == (decision.outcome in Outcome.to_social_care())
    assert contacts.filter(status=ContactStatus.OPEN).exists()


@pytest.mark.django_db
def test_the_history_is_the_generators_five_years_as_loaded(seeded):
    generated = history(HISTORY_CHILDREN, seed=2017)
    loaded = set(generated["children"].column("child_id").to_pylist())
    extracted = extract()
    tables = {
        name: table.filter([child in loaded for child in table.column("child_id").to_pylist()])
        if "child_id" in table.column_names
        else table
        for name, table in extracted.tables.items()
    }
    assert Dataset.build(tables).same_facts_as(generated)
    # The history's contacts were all decided: today's MASH queue holds only today's.
    assert not Contact.objects.filter(
        status=ContactStatus.OPEN, received_at__year__lt=2018
    ).exists()
    # 2011-12 is the look-back year of 2012-13; each year has the council's population.
    years = [f"{y}-{(y + 1) % 100:02d}" for y in range(FIRST_YEAR - 1, LAST_YEAR + 1)]
    assert list(PopulationEstimate.objects.values_list("year", "children")) == [
        (year, HISTORY_CHILDREN) for year in years
    ]
    assert "children: " in seeded[1] and "created, 0 matched" in seeded[1]


@pytest.mark.django_db
def test_history_children_have_names_and_the_load_says_who_brought_them(seeded):
    loaded = Child.objects.filter(la_child_id__startswith=f"C{settings.LA_CODE}")
    assert loaded.exists()
    assert not loaded.filter(first_name="Not recorded").exists()
    contact = Contact.objects.exclude(reference__startswith="FD").first()
    assert contact.recorded_by.email == LOADED_BY


@pytest.mark.django_db
def test_seeding_twice_with_if_empty_changes_nothing(seeded):
    before = (Child.objects.count(), Contact.objects.count())
    call_command("demo", "seed", "--if-empty", stdout=StringIO())
    assert (Child.objects.count(), Contact.objects.count()) == before

"""The demo's year of training, licence checks and workforce returns: built by the services'
rules, with applicants in every compliance state and nobody emailed."""

from dataclasses import dataclass
from io import StringIO

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from safeguard.training.codes import BookingStatus
from safeguard.training.compliance import check_licence
from safeguard.training.models import (
    Booking,
    CaseloadSnapshot,
    Certificate,
    LicenceCheck,
    QuarterlyReturn,
    TrainingSession,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker, tmp_path_factory):
    """`safeguard demo seed` runs seed_training after the pathway: its summary line, and the
    emails sent while seeding. One demo for the module, in a transaction rolled back at its end
    (each test's own transaction nests inside it)."""
    var_dir = settings.VAR_DIR
    settings.VAR_DIR = tmp_path_factory.mktemp("var")
    out = StringIO()
    # The tests' fast hasher and cache in memory, as the autouse fixtures set them for each test.
    quick = override_settings(
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}},
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
    )
    with django_db_blocker.unblock(), transaction.atomic(), quick:
        mail.outbox = []
        call_command(
            "demo",
            "seed",
            "--households",
            "60",
            "--contacts-per-year",
            "300",
            "--children",
            "1000",
            stdout=out,
        )
        yield Seeded(out.getvalue(), list(mail.outbox))
        transaction.set_rollback(True)
    settings.VAR_DIR = var_dir


@dataclass(frozen=True)
class Seeded:
    summary: str
    emails: list


def test_a_year_of_sessions_and_workforce_returns_with_nobody_emailed(seeded):
    today = timezone.localdate()
    held = TrainingSession.objects.filter(on__lt=today, on__gte=today.replace(year=today.year - 1))
    assert held.count() >= 70
    assert Booking.objects.filter(status=BookingStatus.ATTENDED, session__in=held).count() >= 300
    assert Certificate.objects.count() == Booking.objects.filter(status="attended").count()
    assert Booking.objects.filter(status=BookingStatus.WAITING, session__on__gte=today).exists()
    assert TrainingSession.objects.filter(on__gte=today).count() >= 8
    assert f"{TrainingSession.objects.count()} training sessions" in seeded.summary
    # Six ended quarters for each of the five social work teams.
    assert QuarterlyReturn.objects.count() == 5 * 6
    assert CaseloadSnapshot.objects.exists()
    assert seeded.emails == []


def test_applicants_are_in_every_compliance_state(seeded):
    reasons = list(LicenceCheck.objects.values_list("compliant", "application_kind", "reason"))
    found = {
        "compliant at first grant": any(
            ok and kind == "first_grant" and "was completed on" in r for ok, kind, r in reasons
        ),
        "compliant at renewal": any(
            ok and kind == "renewal" and "was completed on" in r for ok, kind, r in reasons
        ),
        "renewal needing no training": any(
            "does not require training at renewal" in r for *_, r in reasons
        ),
        "operator": any("private hire operator licence" in r for *_, r in reasons),
        "certificate too old": any(not ok and "more than 12 months" in r for ok, _, r in reasons),
        "no certificate": any(
            not ok and r.startswith("No Child exploitation") for ok, _, r in reasons
        ),
    }
    assert found == dict.fromkeys(found, True)


def test_every_logged_check_agrees_with_the_rules(seeded):
    for check in LicenceCheck.objects.all():
        answer = check_licence(
            check.reference, check.licence_type, check.application_kind, check.application_date
        )
        assert (answer.compliant, answer.reason) == (check.compliant, check.reason)

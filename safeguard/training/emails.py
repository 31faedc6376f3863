"""Emails to people who book: confirmation, waiting list, a place coming up, reminders,
cancellation and certificates. Sent through Django's email backend once the change is saved.

Links in emails need the site's address, which a management command has no request to learn
from: it is the SAFEGUARD_BASE_URL setting.
"""

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse

from safeguard.training.models import Booking

logger = logging.getLogger(__name__)

DEFAULT_BASE_URL = "http://127.0.0.1:8000"

_held_back: ContextVar[bool] = ContextVar("training_emails_held_back", default=False)


@contextmanager
def held_back() -> Iterator[None]:
    """No booking email leaves while this is active: for loading records in bulk (the demo),
    where nobody is waiting to hear."""
    token = _held_back.set(True)
    try:
        yield
    finally:
        _held_back.reset(token)


def site_url(path: str) -> str:
    base = getattr(settings, "SAFEGUARD_BASE_URL", DEFAULT_BASE_URL).rstrip("/")
    return f"{base}{path}"


def booking_link(booking: Booking) -> str:
    return site_url(reverse("training:booking", kwargs={"token": booking.token}))


def send_now(booking: Booking, kind: str, subject: str) -> bool:
    """Send one email about a booking; a mail server that fails is logged, never shown."""
    if _held_back.get():
        return False
    context = {
        "booking": booking,
        "session": booking.session,
        "course": booking.session.course,
        "link": booking_link(booking),
        "verify_link": site_url(reverse("training:verify")),
        "partnership": getattr(settings, "PARTNERSHIP_NAME", ""),
    }
    if hasattr(booking, "certificate"):
        context["certificate"] = booking.certificate
    body = render_to_string(f"training/email/{kind}.txt", context)
    try:
        send_mail(subject, body, None, [booking.email])
    except Exception:
        logger.exception("Could not send the %s email for booking %s", kind, booking.pk)
        return False
    return True


def send_after_commit(booking: Booking, kind: str, subject: str) -> None:
    if not _held_back.get():
        transaction.on_commit(lambda: send_now(booking, kind, subject))

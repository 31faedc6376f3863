"""Booking a place, the waiting list, cancelling, and reminders.

A session row is locked (select_for_update) while its places are counted and a booking is made or
cancelled, so two people booking the last place at once cannot both get it: the second waits for
the first to finish, then finds the session full and joins the waiting list.
"""

from datetime import date, timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from safeguard.access.models import User
from safeguard.training.codes import BookingStatus
from safeguard.training.emails import send_after_commit, send_now
from safeguard.training.models import Booking, TrainingSession
from safeguard.training.references import normalise_reference


class BookingRefused(Exception):
    """A booking or cancellation the rules do not allow, in words the person can act on."""


def _locked_session(session_id: int) -> TrainingSession:
    return TrainingSession.objects.select_for_update().select_related("course").get(pk=session_id)


def _book(
    session_id: int, today: date | None, *, public: bool, same_person: Q, **fields: object
) -> Booking:
    today = today or timezone.localdate()
    with transaction.atomic():
        session = _locked_session(session_id)
        if not session.is_open_for_booking(today):
            raise BookingRefused("This session has already taken place. Choose another date.")
        if public and not session.course.open_to_public:
            raise BookingRefused("This course is for partner agency staff only.")
        if session.bookings.filter(same_person, status__in=BookingStatus.active()).exists():
            raise BookingRefused(
                "There is already a booking for this session under this "
                + ("reference." if public else "account.")
            )
        full = session.places_taken() >= session.capacity
        booking = Booking.objects.create(
            session=session,
            status=BookingStatus.WAITING if full else BookingStatus.BOOKED,
            **fields,
        )
        if full:
            send_after_commit(booking, "waiting", f"Waiting list: {session.course.title}")
        else:
            send_after_commit(booking, "booked", f"Your place on {session.course.title}")
    return booking


def book_for_staff(session: TrainingSession, user: User, *, today: date | None = None) -> Booking:
    return _book(
        session.pk,
        today,
        public=False,
        same_person=Q(user=user),
        user=user,
        agency=user.agency,
        full_name=user.full_name,
        email=user.email,
    )


def book_for_applicant(
    session: TrainingSession,
    *,
    reference: str,
    full_name: str,
    date_of_birth: date,
    email: str,
    today: date | None = None,
) -> Booking:
    reference = normalise_reference(reference)
    return _book(
        session.pk,
        today,
        public=True,
        same_person=Q(licence_reference=reference),
        licence_reference=reference,
        full_name=full_name,
        date_of_birth=date_of_birth,
        email=email,
    )


def cancel(booking: Booking, *, today: date | None = None) -> list[Booking]:
    """Cancel a place or leave the waiting list; return whoever was given a place because of it."""
    today = today or timezone.localdate()
    with transaction.atomic():
        session = _locked_session(booking.session_id)
        booking = Booking.objects.select_related("session__course").get(pk=booking.pk)
        if booking.status not in (BookingStatus.BOOKED, BookingStatus.WAITING):
            raise BookingRefused(
                f"This booking cannot be cancelled: it is {booking.get_status_display().lower()}."
            )
        if session.on < today:
            raise BookingRefused("This session has already taken place.")
        booking.status = BookingStatus.CANCELLED
        booking.cancelled_at = timezone.now()
        booking.save(update_fields=["status", "cancelled_at"])
        send_after_commit(booking, "cancelled", f"Cancelled: {session.course.title}")
        return fill_places(session)


def fill_places(session: TrainingSession) -> list[Booking]:
    """Give free places to the waiting list, first come first served (the session is locked)."""
    free = session.capacity - session.places_taken()
    waiting = list(session.bookings.filter(status=BookingStatus.WAITING)[: max(free, 0)])
    for booking in waiting:
        booking.status = BookingStatus.BOOKED
        booking.save(update_fields=["status"])
        send_after_commit(booking, "promoted", f"A place for you: {session.course.title}")
    return waiting


def send_reminders(days: int, *, today: date | None = None) -> int:
    """Remind everyone with a place on a session `days` days from today; once each."""
    on = (today or timezone.localdate()) + timedelta(days=days)
    due = Booking.objects.filter(
        session__on=on, status=BookingStatus.BOOKED, reminder_sent_at__isnull=True
    ).select_related("session__course")
    sent = 0
    for booking in due:
        if not send_now(booking, "reminder", f"Reminder: {booking.session.course.title}"):
            continue  # logged; the next run tries again
        booking.reminder_sent_at = timezone.now()
        booking.save(update_fields=["reminder_sent_at"])
        sent += 1
    return sent

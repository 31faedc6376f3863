"""Attendance marked by the trainer, the certificates it issues, and attendees' evaluations."""

from datetime import date

from django.db import transaction
from django.utils import timezone

from safeguard.training.bookings import BookingRefused
from safeguard.training.codes import BookingStatus
from safeguard.training.emails import send_after_commit
from safeguard.training.models import Booking, Certificate, Evaluation, TrainingSession


def mark_attendance(
    session: TrainingSession, attended: set[int], *, today: date | None = None
) -> list[Certificate]:
    """Everyone holding a place is marked attended (their id is in `attended`) or not.

    Attending issues a certificate; marking someone absent after all withdraws it, so a mistake
    can be put right. Returns the certificates issued now.
    """
    today = today or timezone.localdate()
    issued = []
    with transaction.atomic():
        session = (
            TrainingSession.objects.select_for_update().select_related("course").get(pk=session.pk)
        )
        if session.on > today:
            raise BookingRefused(
                f"You can mark attendance from the day of the session, {session.on:%-d %B %Y}."
            )
        places = session.bookings.filter(status__in=BookingStatus.holding_a_place())
        for booking in places.select_related("certificate"):
            if booking.pk in attended:
                certificate = _attended(booking, session)
                if certificate is not None:
                    issued.append(certificate)
            else:
                _absent(booking)
    return issued


def _attended(booking: Booking, session: TrainingSession) -> Certificate | None:
    booking.status = BookingStatus.ATTENDED
    booking.save(update_fields=["status"])
    certificate = getattr(booking, "certificate", None)
    if certificate is not None:
        if certificate.withdrawn_at is not None:
            certificate.withdrawn_at = None
            certificate.save(update_fields=["withdrawn_at"])
        return None
    certificate = Certificate.objects.create(
        booking=booking,
        course=session.course,
        holder_name=booking.full_name,
        user=booking.user,
        licence_reference=booking.licence_reference,
        completed_on=session.on,
        valid_until=session.course.valid_until(session.on),
    )
    send_after_commit(booking, "certificate", f"Your certificate: {session.course.title}")
    return certificate


def _absent(booking: Booking) -> None:
    booking.status = BookingStatus.DID_NOT_ATTEND
    booking.save(update_fields=["status"])
    certificate = getattr(booking, "certificate", None)
    if certificate is not None and certificate.withdrawn_at is None:
        certificate.withdrawn_at = timezone.now()
        certificate.save(update_fields=["withdrawn_at"])


def evaluate(booking: Booking, *, usefulness: int, outcomes_met: str, comments: str) -> Evaluation:
    if booking.status != BookingStatus.ATTENDED:
        raise BookingRefused("Only people who attended the session can evaluate it.")
    if Evaluation.objects.filter(booking=booking).exists():
        raise BookingRefused("You have already evaluated this session. Thank you.")
    return Evaluation.objects.create(
        booking=booking, usefulness=usefulness, outcomes_met=outcomes_met, comments=comments
    )

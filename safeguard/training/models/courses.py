"""Courses, their sessions, bookings (staff and public), certificates and evaluations."""

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from safeguard.core.calendar import add_months
from safeguard.training.codes import (
    BookingStatus,
    Delivery,
    Level,
    OutcomesMet,
    Usefulness,
)
from safeguard.training.references import format_code, new_booking_token, new_verification_code

USER = settings.AUTH_USER_MODEL


class Course(models.Model):
    title = models.CharField(max_length=200, unique=True)
    audience = models.CharField("Who it is for", max_length=300)
    level = models.CharField(max_length=1, choices=Level.choices)
    learning_outcomes = models.TextField()
    certificate_valid_months = models.PositiveSmallIntegerField(
        "How long the certificate stays valid, in months", null=True, blank=True
    )
    open_to_public = models.BooleanField(
        "Members of the public may book",
        default=False,
        help_text="For example, taxi and private hire licence applicants",
    )

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def valid_until(self, completed_on: date) -> date | None:
        if self.certificate_valid_months is None:
            return None
        return add_months(completed_on, self.certificate_valid_months)


class TrainingSession(models.Model):
    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="sessions")
    on = models.DateField("Date", db_index=True)
    starts_at = models.TimeField("Start time")
    ends_at = models.TimeField("End time")
    delivery = models.CharField(max_length=10, choices=Delivery.choices)
    venue = models.CharField(max_length=300, blank=True)
    trainer = models.CharField(max_length=200)
    capacity = models.PositiveSmallIntegerField()
    created_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", null=True)

    class Meta:
        ordering = ["on", "starts_at"]
        constraints = [
            models.CheckConstraint(condition=Q(capacity__gte=1), name="session_has_a_place"),
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="session_ends_after_it_starts"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.course.title}, {self.on:%-d %B %Y}"

    @property
    def where(self) -> str:
        if self.delivery == Delivery.ONLINE:
            return self.venue or "Online"
        return self.venue

    def places_taken(self) -> int:
        return self.bookings.filter(status__in=BookingStatus.holding_a_place()).count()

    def is_open_for_booking(self, today: date) -> bool:
        return self.on >= today


class Booking(models.Model):
    """A place, or a place on the waiting list, for a member of staff or of the public.

    Staff are their user account. A member of the public (a taxi or private hire licence applicant)
    gives only their licence application reference, name, date of birth and email address.
    """

    session = models.ForeignKey(TrainingSession, on_delete=models.PROTECT, related_name="bookings")
    status = models.CharField(max_length=20, choices=BookingStatus.choices, db_index=True)
    user = models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name="training_bookings"
    )
    # The agency the member of staff worked for when they booked, for the annual figures.
    agency = models.ForeignKey(
        "access.Agency", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    full_name = models.CharField(max_length=200)
    email = models.EmailField()
    licence_reference = models.CharField(max_length=20, blank=True, db_index=True)
    date_of_birth = models.DateField(null=True, blank=True)
    token = models.CharField(max_length=64, unique=True, default=new_booking_token)
    booked_at = models.DateTimeField(default=timezone.now)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["booked_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user"],
                condition=Q(user__isnull=False) & ~Q(status=BookingStatus.CANCELLED),
                name="one_live_booking_per_user_and_session",
            ),
            models.UniqueConstraint(
                fields=["session", "licence_reference"],
                condition=~Q(licence_reference="") & ~Q(status=BookingStatus.CANCELLED),
                name="one_live_booking_per_reference_and_session",
            ),
            models.CheckConstraint(
                condition=Q(user__isnull=False)
                | (~Q(licence_reference="") & Q(date_of_birth__isnull=False)),
                name="public_booking_has_reference_and_birth_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.full_name} on {self.session}"

    @property
    def is_public(self) -> bool:
        return self.user_id is None

    def waiting_position(self) -> int | None:
        if self.status != BookingStatus.WAITING:
            return None
        ahead = self.session.bookings.filter(status=BookingStatus.WAITING).filter(
            Q(booked_at__lt=self.booked_at) | Q(booked_at=self.booked_at, id__lt=self.id)
        )
        return ahead.count() + 1


class Certificate(models.Model):
    """Issued when the trainer marks someone as attended. It stands on its own as a document: the
    course, name and dates are copied from the booking so that later edits cannot change it."""

    booking = models.OneToOneField(Booking, on_delete=models.PROTECT, related_name="certificate")
    code = models.CharField(max_length=16, unique=True, default=new_verification_code)
    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="certificates")
    holder_name = models.CharField(max_length=200)
    user = models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name="certificates"
    )
    licence_reference = models.CharField(max_length=20, blank=True, db_index=True)
    completed_on = models.DateField()
    valid_until = models.DateField(null=True, blank=True)
    issued_at = models.DateTimeField(default=timezone.now)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-completed_on", "-id"]

    def __str__(self) -> str:
        return f"{self.course.title} certificate {self.display_code}"

    @property
    def display_code(self) -> str:
        return format_code(self.code)

    def is_valid_on(self, day: date) -> bool:
        if self.withdrawn_at is not None or self.completed_on > day:
            return False
        return self.valid_until is None or self.valid_until >= day


class Evaluation(models.Model):
    booking = models.OneToOneField(Booking, on_delete=models.CASCADE, related_name="evaluation")
    usefulness = models.PositiveSmallIntegerField(choices=Usefulness.choices)
    outcomes_met = models.CharField(max_length=10, choices=OutcomesMet.choices)
    comments = models.TextField(blank=True)
    given_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-given_at"]

    def __str__(self) -> str:
        return f"Evaluation of {self.booking}"

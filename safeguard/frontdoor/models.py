from datetime import date, datetime, time

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from safeguard.core.calendar import OfficeHours, add_working_days, add_working_hours
from safeguard.frontdoor.codes import (
    Channel,
    Concern,
    EarlyHelpOffered,
    LawfulBasis,
    Outcome,
    PrimaryNeed,
    Rag,
    ReferralSource,
)


class FrontDoorSettings(models.Model):
    """The partnership's front-door settings: one row, defaults from RULES.md."""

    red_hours = models.PositiveSmallIntegerField(default=4)
    amber_hours = models.PositiveSmallIntegerField(default=24)
    green_hours = models.PositiveSmallIntegerField(default=72)
    red_around_the_clock = models.BooleanField(
        default=False, help_text="A red contact's clock runs 24 hours a day, 7 days a week"
    )
    office_opens = models.TimeField(default=time(9))
    office_closes = models.TimeField(default=time(17))
    decision_working_days = models.PositiveSmallIntegerField(default=1)
    information_request_share = models.PositiveSmallIntegerField(
        default=50, help_text="Per cent of the RAG time a partner agency has to answer"
    )

    class Meta:
        verbose_name_plural = "front door settings"

    @classmethod
    def current(cls) -> "FrontDoorSettings":
        return cls.objects.get_or_create(pk=1)[0]

    @property
    def office_hours(self) -> OfficeHours:
        return OfficeHours(self.office_opens, self.office_closes)

    def rag_hours(self, rag: str) -> int:
        return {Rag.RED: self.red_hours, Rag.AMBER: self.amber_hours, Rag.GREEN: self.green_hours}[
            rag
        ]

    def clock_deadline(self, start: datetime, rag: str, share: int = 100) -> datetime:
        """When a clock started at `start` runs out, counting working hours (red may run 24/7)."""
        hours = self.rag_hours(rag) * share / 100
        around_the_clock = rag == Rag.RED and self.red_around_the_clock
        return add_working_hours(start, hours, self.office_hours, around_the_clock=around_the_clock)

    def __str__(self) -> str:
        return "Front door settings"


class ThresholdDocument(models.Model):
    """A version of the partnership's threshold document: its levels of need and descriptors."""

    version = models.PositiveIntegerField(unique=True)
    title = models.CharField(max_length=200)
    in_force_from = models.DateField()
    summary = models.TextField(blank=True)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True)
    published_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-version"]

    def __str__(self) -> str:
        return (
            f"{self.title} (version {self.version}, in force from {self.in_force_from:%-d %B %Y})"
        )

    @classmethod
    def in_force_on(cls, day: date) -> "ThresholdDocument | None":
        return (
            cls.objects.filter(in_force_from__lte=day)
            .order_by("-in_force_from", "-version")
            .first()
        )


class ThresholdLevel(models.Model):
    document = models.ForeignKey(ThresholdDocument, on_delete=models.CASCADE, related_name="levels")
    number = models.PositiveSmallIntegerField()
    name = models.CharField(max_length=100)
    descriptors = models.TextField()

    class Meta:
        ordering = ["document", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "number"], name="one_level_number_per_document"
            )
        ]

    def __str__(self) -> str:
        return f"Level {self.number}: {self.name}"


class ContactStatus(models.TextChoices):
    OPEN = "open", "Open in the MASH"
    DECIDED = "decided", "Decided"


class Contact(models.Model):
    """A concern about a child reaching the front door, by the online form, phone or email."""

    # FDyy-nnnnnn for contacts made here; longer ids for contacts brought in from a dataset.
    reference = models.CharField(max_length=40, unique=True, blank=True)
    idempotency_key = models.UUIDField(unique=True, null=True, blank=True)
    received_at = models.DateTimeField(default=timezone.now, db_index=True)
    channel = models.CharField(max_length=10, choices=Channel.choices, default=Channel.ONLINE)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="contacts_recorded"
    )
    # The referrer: a user of the service, or someone who phoned or emailed.
    referrer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="referrals_made",
    )
    referrer_name = models.CharField(max_length=200)
    referrer_role = models.CharField(max_length=200, blank=True)
    referrer_agency = models.ForeignKey(
        "access.Agency", on_delete=models.PROTECT, null=True, blank=True, related_name="contacts"
    )
    referrer_phone = models.CharField(max_length=40, blank=True)
    referrer_email = models.EmailField(blank=True)
    source = models.CharField(max_length=2, choices=ReferralSource.choices)
    # The child as the referrer described them; the MASH links the record.
    child = models.ForeignKey(
        "people.Child", on_delete=models.PROTECT, null=True, blank=True, related_name="contacts"
    )
    child_first_name = models.CharField(max_length=100)
    child_last_name = models.CharField(max_length=100)
    child_date_of_birth = models.DateField(null=True, blank=True)
    child_nhs_number = models.CharField(max_length=10, blank=True)
    child_address = models.CharField(max_length=300, blank=True)
    child_postcode = models.CharField(max_length=8, blank=True)
    lives_with = models.TextField(blank=True)
    concerns = models.JSONField(default=list)
    what_happened = models.TextField()
    when_happened = models.DateField(null=True, blank=True)
    immediate_danger = models.BooleanField(default=False)
    early_help_offered = models.CharField(max_length=20, choices=EarlyHelpOffered.choices)
    early_help_details = models.TextField(blank=True)
    family_aware = models.BooleanField(default=False)
    lawful_basis = models.CharField(max_length=20, choices=LawfulBasis.choices)
    lawful_basis_details = models.TextField(blank=True)
    status = models.CharField(
        max_length=10, choices=ContactStatus.choices, default=ContactStatus.OPEN, db_index=True
    )
    rag = models.CharField(max_length=5, choices=Rag.choices)
    rag_deadline = models.DateTimeField()
    decision_due = models.DateField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["-received_at"]
        indexes = [models.Index(fields=["status", "rag_deadline"])]

    def __str__(self) -> str:
        return self.reference

    @property
    def child_name(self) -> str:
        return f"{self.child_first_name} {self.child_last_name}"

    def concern_labels(self) -> list[str]:
        return [Concern(c).label for c in self.concerns if c in Concern.values]

    def set_clocks(self, front_door: FrontDoorSettings) -> None:
        """Deadlines follow from receipt and the RAG rating (both recomputed on a change)."""
        self.rag_deadline = front_door.clock_deadline(self.received_at, self.rag)
        received_on = timezone.localtime(self.received_at).date()
        self.decision_due = add_working_days(received_on, front_door.decision_working_days)

    def save(self, *args: object, **kwargs: object) -> None:
        super().save(*args, **kwargs)
        if not self.reference:
            # A reference the referrer can quote on the phone: year and a running number.
            self.reference = f"FD{timezone.localtime(self.received_at):%y}-{self.pk:06d}"
            type(self).objects.filter(pk=self.pk).update(reference=self.reference)


class RagChange(models.Model):
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="rag_changes")
    rag = models.CharField(max_length=5, choices=Rag.choices)
    reason = models.TextField()
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["changed_at", "id"]

    def __str__(self) -> str:
        return f"{self.contact} rated {self.rag} at {self.changed_at:%Y-%m-%d %H:%M}"


class SharingDecision(models.TextChoices):
    SHARED = "shared", "Information shared"
    NOTHING_KNOWN = "nothing_known", "Nothing known to this agency"
    NOT_SHARED = "not_shared", "Decided not to share"


class InformationRequest(models.Model):
    contact = models.ForeignKey(
        Contact, on_delete=models.CASCADE, related_name="information_requests"
    )
    agency = models.ForeignKey(
        "access.Agency", on_delete=models.PROTECT, related_name="information_requests"
    )
    question = models.TextField()
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(default=timezone.now)
    due_at = models.DateTimeField()
    decision = models.CharField(max_length=20, choices=SharingDecision.choices, blank=True)
    answer = models.TextField(blank=True)
    reason = models.TextField(
        blank=True, help_text="Why the information was shared, or why it was not"
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["due_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(answered_at__isnull=True) | ~Q(decision=""),
                name="an_answer_records_the_sharing_decision",
            )
        ]

    @property
    def is_answered(self) -> bool:
        return self.answered_at is not None

    def is_overdue(self, now: datetime | None = None) -> bool:
        return not self.is_answered and (now or timezone.now()) > self.due_at

    @property
    def answered_on_time(self) -> bool | None:
        return None if self.answered_at is None else self.answered_at <= self.due_at

    def __str__(self) -> str:
        return f"Information request to {self.agency} about {self.contact}"


class ThresholdDecision(models.Model):
    contact = models.OneToOneField(Contact, on_delete=models.PROTECT, related_name="decision")
    level = models.ForeignKey(ThresholdLevel, on_delete=models.PROTECT, related_name="decisions")
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    reasoning = models.TextField()
    feedback_for_referrer = models.TextField(
        help_text="A short reason the referrer sees with the outcome"
    )
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    decided_at = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()

    @property
    def within_rag_deadline(self) -> bool:
        return self.decided_at <= self.contact.rag_deadline

    def __str__(self) -> str:
        return f"Decision on {self.contact}: {self.get_outcome_display()}"


class ReasonForClosure(models.TextChoices):
    ADOPTED = "RC1", "Adopted"
    DIED = "RC2", "Died"
    CHILD_ARRANGEMENTS = "RC3", "Child arrangements order"
    SPECIAL_GUARDIANSHIP = "RC4", "Special guardianship order"
    TRANSFERRED_LA = "RC5", "Transferred to services of another local authority"
    TRANSFERRED_ADULTS = "RC6", "Transferred to adult social care services"
    CEASED = "RC7", "Services ceased for any other reason, including child no longer in need"
    NFA_AFTER_ASSESSMENT = "RC8", "Case closed after assessment, no further action"
    EARLY_HELP_AFTER_ASSESSMENT = "RC9", "Case closed after assessment, referred to early help"


class Referral(models.Model):
    """A referral to children's social care: a children-in-need episode in the CIN census."""

    child = models.ForeignKey("people.Child", on_delete=models.PROTECT, related_name="referrals")
    contact = models.OneToOneField(
        Contact, on_delete=models.PROTECT, null=True, blank=True, related_name="referral"
    )
    referral_date = models.DateField(db_index=True)
    source = models.CharField(max_length=2, choices=ReferralSource.choices)
    primary_need = models.CharField(max_length=2, choices=PrimaryNeed.choices)
    no_further_action = models.BooleanField(
        default=False, help_text="ReferralNFA: the referral led to no further action"
    )
    closed_on = models.DateField(null=True, blank=True)
    reason_for_closure = models.CharField(
        max_length=3, choices=ReasonForClosure.choices, blank=True
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-referral_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True) | Q(closed_on__gte=models.F("referral_date")),
                name="referral_closes_on_or_after_it_starts",
            ),
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True) | ~Q(reason_for_closure=""),
                name="closed_referral_has_a_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"Referral of {self.referral_date:%-d %b %Y}"


class AgencyAdvice(models.Model):
    """The business manager's feedback to a referring agency about one of its contacts."""

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="advice")
    not_meeting_threshold = models.BooleanField(default=True)
    advice = models.TextField()
    given_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    given_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-given_at"]

    def __str__(self) -> str:
        return f"Advice on {self.contact}"

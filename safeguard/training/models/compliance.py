"""Compliance rules (versioned per audience), licensing systems' keys, the licence check log."""

import hashlib
from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from safeguard.training.codes import ApplicationKind, Audience, CheckChannel, LicenceType

USER = settings.AUTH_USER_MODEL


class ComplianceRule(models.Model):
    """One version of the training an audience must hold.

    For taxi and private hire applicants the version also carries the partnership's settings:
    which licences need the course, whether renewals need it, and how many months before the
    application it may have been completed. A check uses the version in force on the application
    date, so publishing a new version never changes the answer for an earlier application.
    """

    audience = models.CharField(max_length=30, choices=Audience.choices)
    version = models.PositiveIntegerField()
    in_force_from = models.DateField()
    course = models.ForeignKey("training.Course", on_delete=models.PROTECT, related_name="rules")
    licence_types = models.JSONField(default=list, blank=True)
    required_at_first_grant = models.BooleanField(default=True)
    # RULES.md: the partnership in the seed document wants the training at every renewal.
    required_at_renewal = models.BooleanField(default=True)
    # Twelve months: a driver licence runs three years (Statutory Taxi and PHV Standards), so a
    # window shorter than that means a renewal needs fresh training, not the certificate from the
    # last application, and a year gives an applicant time to book before applying.
    max_age_months = models.PositiveSmallIntegerField(default=12, null=True, blank=True)
    summary = models.TextField(blank=True)
    published_by = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, related_name="+")
    published_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["audience", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["audience", "version"], name="one_rule_version_number")
        ]

    def __str__(self) -> str:
        return f"{self.get_audience_display()}: version {self.version}"

    @classmethod
    def in_force_on(cls, audience: str, day: date) -> "ComplianceRule | None":
        return (
            cls.objects.filter(audience=audience, in_force_from__lte=day)
            .select_related("course")
            .order_by("-in_force_from", "-version")
            .first()
        )

    def licence_type_labels(self) -> list[str]:
        return [LicenceType(t).label for t in self.licence_types if t in LicenceType.values]


def hash_key(key: str) -> str:
    # The keys are long and random, so a plain SHA-256 is enough to make a stolen table useless.
    return hashlib.sha256(key.encode()).hexdigest()


class LicensingApiKey(models.Model):
    """A licensing authority's key to the JSON licence check. Only its hash is kept."""

    agency = models.ForeignKey("access.Agency", on_delete=models.PROTECT, related_name="+")
    name = models.CharField(max_length=200)
    prefix = models.CharField(max_length=12)
    key_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.agency}, {self.prefix}…)"


class LicenceCheck(models.Model):
    """Every licence check, from the page or a licensing system: who asked, what, the answer."""

    checked_at = models.DateTimeField(default=timezone.now, db_index=True)
    channel = models.CharField(max_length=10, choices=CheckChannel.choices)
    checked_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    api_key = models.ForeignKey(
        LicensingApiKey, on_delete=models.PROTECT, null=True, blank=True, related_name="checks"
    )
    agency = models.ForeignKey(
        "access.Agency", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reference = models.CharField(max_length=20)
    licence_type = models.CharField(max_length=30, choices=LicenceType.choices)
    application_kind = models.CharField(max_length=20, choices=ApplicationKind.choices)
    application_date = models.DateField()
    compliant = models.BooleanField()
    reason = models.TextField()
    certificate = models.ForeignKey(
        "training.Certificate", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    rule = models.ForeignKey(
        ComplianceRule, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-checked_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(checked_by__isnull=False) | Q(api_key__isnull=False),
                name="licence_check_names_who_asked",
            )
        ]

    def __str__(self) -> str:
        return f"Licence check {self.pk}: {self.reference}"

    @property
    def asked_by(self) -> str:
        if self.api_key_id:
            return f"{self.api_key.name} (key {self.api_key.prefix}…)"
        return self.checked_by.full_name if self.checked_by else ""

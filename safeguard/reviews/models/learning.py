"""What reviews and audits found, what the partnership recommended, and the actions that follow.

A finding belongs to a case review or to a multi-agency audit, so actions from either are tracked,
rolled up and signed off the same way.
"""

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from safeguard.core.models import Versioned
from safeguard.reviews.codes import ActionStatus

USER = settings.AUTH_USER_MODEL


class Theme(models.Model):
    """A theme learning is tagged with (information sharing, cultural context, neglect…)."""

    name = models.CharField(max_length=100, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Finding(models.Model):
    review = models.ForeignKey(
        "reviews.CaseReview",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="findings",
    )
    audit = models.ForeignKey(
        "reviews.CaseFileAudit",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="findings",
    )
    number = models.PositiveSmallIntegerField()
    text = models.TextField("What was found")
    recommendation = models.TextField()
    themes = models.ManyToManyField(Theme, related_name="findings")
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.CheckConstraint(
                condition=Q(review__isnull=False, audit__isnull=True)
                | Q(review__isnull=True, audit__isnull=False),
                name="finding_from_a_review_or_an_audit",
            ),
            models.UniqueConstraint(
                fields=["review", "number"],
                condition=Q(review__isnull=False),
                name="finding_number_unique_in_review",
            ),
            models.UniqueConstraint(
                fields=["audit", "number"],
                condition=Q(audit__isnull=False),
                name="finding_number_unique_in_audit",
            ),
        ]

    def __str__(self) -> str:
        return f"Finding {self.number} of {self.source}"

    @property
    def source(self) -> object:
        return self.review or self.audit


class ActionQuerySet(models.QuerySet["Action"]):
    def complete(self) -> "ActionQuerySet":
        return self.filter(status=ActionStatus.COMPLETE)

    def open(self) -> "ActionQuerySet":
        return self.exclude(status=ActionStatus.COMPLETE)

    def overdue(self, today: date) -> "ActionQuerySet":
        return self.open().filter(due_on__lt=today)


class Action(Versioned):
    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="actions")
    description = models.TextField("What will be done")
    agency = models.ForeignKey("access.Agency", on_delete=models.PROTECT, related_name="+")
    owner_name = models.CharField("Named person responsible", max_length=200)
    due_on = models.DateField()
    status = models.CharField(
        max_length=10, choices=ActionStatus.choices, default=ActionStatus.GREEN
    )
    progress = models.TextField("Latest progress", blank=True)
    evidence = models.TextField("Evidence of completion", blank=True)
    completed_on = models.DateField(null=True, blank=True)
    late_reason = models.TextField(blank=True)
    signed_off_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    signed_off_on = models.DateField(null=True, blank=True)
    added_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    added_on = models.DateField(default=timezone.localdate)

    history = HistoricalRecords()
    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status=ActionStatus.COMPLETE, completed_on__isnull=False)
                | (~Q(status=ActionStatus.COMPLETE) & Q(completed_on__isnull=True)),
                name="action_completed_on_when_complete",
            ),
            models.CheckConstraint(
                condition=Q(signed_off_on__isnull=True) | Q(status=ActionStatus.COMPLETE),
                name="action_signed_off_only_when_complete",
            ),
        ]

    def __str__(self) -> str:
        return f"Action {self.pk} for {self.agency}"

    @property
    def is_complete(self) -> bool:
        return self.status == ActionStatus.COMPLETE

    @property
    def is_signed_off(self) -> bool:
        return self.signed_off_on is not None

    def is_overdue(self, today: date) -> bool:
        return not self.is_complete and self.due_on < today

"""Serious incidents, the children involved, and the rapid review that follows a notification."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from safeguard.core.models import Versioned
from safeguard.reviews import timescales
from safeguard.reviews.codes import RapidReviewDecision

USER = settings.AUTH_USER_MODEL


class SeriousIncident(Versioned):
    """A serious incident the council became aware of, as notified to the national Panel.

    Its name is how the partnership refers to it ("Child Q", "Family K"), never a child's name:
    the children are linked to their records, and only people who may open those see who they are.
    """

    name = models.CharField(max_length=100, unique=True)
    aware_on = models.DateField("Date the council became aware")
    what_happened = models.TextField()
    agencies = models.ManyToManyField("access.Agency", related_name="+", blank=True)
    notification_due_on = models.DateField()
    notified_on = models.DateField(null=True, blank=True)
    notification_late_reason = models.TextField(blank=True)
    rapid_review_due_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-aware_on", "-id"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("reviews:incident", kwargs={"incident_id": self.pk})

    @property
    def under_old_rules(self) -> bool:
        """Known before the national Panel began: a serious case review, no rapid review."""
        return timescales.under_old_rules(self.aware_on)


class IncidentChild(models.Model):
    """A child involved in an incident, linked to their record by someone who may open it."""

    incident = models.ForeignKey(
        SeriousIncident, on_delete=models.CASCADE, related_name="child_links"
    )
    child = models.ForeignKey(
        "people.Child", on_delete=models.PROTECT, related_name="serious_incident_links"
    )
    linked_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    linked_at = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["incident", "child"], name="child_linked_once")
        ]

    def __str__(self) -> str:
        return f"Child {self.child_id} in {self.incident}"


class RapidReview(models.Model):
    incident = models.OneToOneField(
        SeriousIncident, on_delete=models.CASCADE, related_name="rapid_review"
    )
    held_on = models.DateField()
    late_reason = models.TextField(blank=True)
    agencies = models.ManyToManyField("access.Agency", related_name="+")
    decision = models.CharField(max_length=10, choices=RapidReviewDecision.choices)
    rationale = models.TextField()
    sent_to_panel_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")

    def __str__(self) -> str:
        return f"Rapid review of {self.incident} on {self.held_on}"

"""Local child safeguarding practice reviews and serious case reviews: their milestones, panel
meetings, and the entries other agencies add to a review's chronology."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from safeguard.core.models import Versioned
from safeguard.reviews.codes import ReviewKind
from safeguard.reviews.models.incidents import SeriousIncident

USER = settings.AUTH_USER_MODEL


class CaseReview(Versioned):
    incident = models.OneToOneField(
        SeriousIncident, on_delete=models.PROTECT, related_name="case_review"
    )
    kind = models.CharField(max_length=5, choices=ReviewKind.choices)
    decided_on = models.DateField("Date of the decision to hold the review")
    report_due_on = models.DateField()
    terms_of_reference = models.TextField(blank=True)
    reviewers = models.TextField("Reviewer or reviewers", blank=True)
    report_completed_on = models.DateField(null=True, blank=True)
    report_late_reason = models.TextField(blank=True)
    publication_planned_on = models.DateField(null=True, blank=True)
    send_by = models.DateField(null=True, blank=True)
    sent_on = models.DateField("Date sent to the national Panel and the DfE", null=True, blank=True)
    sent_late_reason = models.TextField(blank=True)
    published_on = models.DateField(null=True, blank=True)
    publication_url = models.URLField("Link to the published report", blank=True)
    not_published_reason = models.TextField(blank=True)
    commissioned_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    commissioned_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-decided_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(published_on__isnull=True) | Q(not_published_reason=""),
                name="review_published_or_reason_not",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.incident.name}"

    def get_absolute_url(self) -> str:
        return reverse("reviews:review", kwargs={"review_id": self.pk})

    @property
    def name(self) -> str:
        return self.incident.name


class PanelMeeting(models.Model):
    review = models.ForeignKey(CaseReview, on_delete=models.CASCADE, related_name="panel_meetings")
    held_on = models.DateField()
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["held_on", "id"]

    def __str__(self) -> str:
        return f"Panel meeting of {self.review} on {self.held_on}"


class AgencyChronologyEntry(models.Model):
    """What another agency knew or did, typed into the review's chronology from its return."""

    review = models.ForeignKey(CaseReview, on_delete=models.CASCADE, related_name="agency_entries")
    agency = models.ForeignKey("access.Agency", on_delete=models.PROTECT, related_name="+")
    child = models.ForeignKey(
        "people.Child",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="review_chronology_entries",
    )
    occurred_on = models.DateField()
    what_happened = models.CharField(max_length=300)
    detail = models.TextField(blank=True)
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        ordering = ["occurred_on", "id"]
        verbose_name_plural = "agency chronology entries"

    def __str__(self) -> str:
        return f"{self.agency} on {self.occurred_on}: {self.what_happened}"

"""The council's agenda item that receives the annual report: what cabinet was asked to do, the
questions members raised and the answers they heard, and what cabinet resolved."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from safeguard.core.models import Versioned

USER = settings.AUTH_USER_MODEL


class CabinetItem(Versioned):
    report = models.OneToOneField(
        "reports.AnnualReport", on_delete=models.CASCADE, related_name="cabinet_item"
    )
    meeting = models.CharField("Meeting", max_length=200, default="Cabinet")
    meeting_on = models.DateField("Date of the meeting")
    title = models.CharField(max_length=300)
    purpose = models.TextField()
    presented_by = models.CharField("Presented by", max_length=200)
    resolution = models.TextField(blank=True)
    # The report attached as a supporting document: the build cabinet received.
    supporting_build = models.ForeignKey(
        "reports.ReportBuild",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("reports:cabinet-item", kwargs={"report_year": self.report.year})


class CabinetQuestion(Versioned):
    """One question raised in the discussion and the response given, in the order they came."""

    item = models.ForeignKey(CabinetItem, on_delete=models.CASCADE, related_name="questions")
    number = models.PositiveSmallIntegerField()
    asked_by = models.CharField("Asked by", max_length=200)
    question = models.TextField()
    answered_by = models.CharField("Answered by", max_length=200)
    response = models.TextField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["item", "number"]
        constraints = [
            models.UniqueConstraint(fields=["item", "number"], name="cabinet_question_number")
        ]

    def __str__(self) -> str:
        return f"Question {self.number}"

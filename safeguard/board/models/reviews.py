"""The annual review of each member: their attendance and actions over the year (computed from
the records, not typed) and a record of the conversation."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from safeguard.core.models import Versioned

USER = settings.AUTH_USER_MODEL


class MemberReview(Versioned):
    member = models.ForeignKey("board.Member", on_delete=models.CASCADE, related_name="reviews")
    year = models.CharField("Reporting year", max_length=7)
    held_on = models.DateField("Date of the review")
    reviewer = models.CharField("Reviewed by", max_length=200)
    conversation = models.TextField("What was discussed")
    agency_feedback = models.TextField("How they fed the board's work back into their agency")
    agreed = models.TextField("What was agreed for the year ahead", blank=True)
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "member__name"]
        constraints = [models.UniqueConstraint(fields=["member", "year"], name="one_review_a_year")]

    def __str__(self) -> str:
        return f"Review of {self.member}, {self.year}"

    def get_absolute_url(self) -> str:
        return reverse("board:review", kwargs={"member_review_id": self.pk})

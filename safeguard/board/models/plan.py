"""The business plan: the year's priorities, each with its objectives, the measures that show
progress, the actions that deliver it, and a RAG rating with a short narrative each quarter.

Measures are named by their id in the measure registry (safeguard.measures.registry) and kept as
text, so a plan outlives a measure being renamed or retired; the page shows the title when the
registry knows the id.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from safeguard.board.codes import QUARTERS, ActionStatus, Rag
from safeguard.core.models import Versioned

USER = settings.AUTH_USER_MODEL


class BusinessPlan(models.Model):
    year = models.CharField("Reporting year", max_length=7, unique=True)
    introduction = models.TextField(blank=True)

    class Meta:
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"Business plan {self.year}"

    def get_absolute_url(self) -> str:
        return f"{reverse('board:plan')}?year={self.year}"


class Priority(Versioned):
    plan = models.ForeignKey(BusinessPlan, on_delete=models.CASCADE, related_name="priorities")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)
    lead_group = models.ForeignKey(
        "board.BoardGroup",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="priorities",
        verbose_name="Group that leads it",
    )
    measure_ids = models.JSONField("Measures", default=list, blank=True)

    class Meta:
        ordering = ["plan", "number"]
        verbose_name_plural = "priorities"
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="priority_number_unique")
        ]

    def __str__(self) -> str:
        return f"Priority {self.number}: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("board:priority", kwargs={"priority_id": self.pk})


class Objective(models.Model):
    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="objectives")
    number = models.PositiveSmallIntegerField()
    text = models.TextField("Objective")

    class Meta:
        ordering = ["priority", "number"]
        constraints = [
            models.UniqueConstraint(fields=["priority", "number"], name="objective_number_unique")
        ]

    def __str__(self) -> str:
        return f"Objective {self.number} of {self.priority}"


class PlanAction(Versioned):
    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="actions")
    description = models.TextField("What will be done")
    lead = models.CharField("Who leads it", max_length=200)
    due_on = models.DateField("Due date")
    status = models.CharField(
        max_length=10, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )

    class Meta:
        ordering = ["priority", "due_on", "id"]

    def __str__(self) -> str:
        return f"Plan action {self.pk} of {self.priority}"


class QuarterRating(Versioned):
    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="ratings")
    quarter = models.PositiveSmallIntegerField(choices=list(QUARTERS.items()))
    rag = models.CharField("RAG rating", max_length=5, choices=Rag.choices)
    narrative = models.TextField()
    rated_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    rated_at = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        ordering = ["priority", "quarter"]
        constraints = [
            models.UniqueConstraint(fields=["priority", "quarter"], name="one_rating_a_quarter"),
            models.CheckConstraint(
                condition=models.Q(quarter__gte=1, quarter__lte=4), name="quarter_1_to_4"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.priority}, quarter {self.quarter}: {self.get_rag_display()}"

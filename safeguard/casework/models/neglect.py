"""Neglect assessments in the style of the Graded Care Profile 2, and the reasoning that ties a
protection plan's neglect category to what was assessed.

Only the scores are stored (the tool's text is licensed): four areas graded 1 (best) to 5
(worst), for one carer and one child, with the date, the assessor and their comments.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from safeguard.casework.codes_around import NeglectGrade

USER = settings.AUTH_USER_MODEL

AREAS = {
    "physical_care": "Physical care",
    "safety": "Safety",
    "love": "Love and emotional care",
    "esteem": "Esteem and developmental care",
}


def _grade(label: str) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(label, choices=NeglectGrade.choices)


class NeglectAssessment(models.Model):
    child = models.ForeignKey(
        "people.Child", on_delete=models.PROTECT, related_name="neglect_assessments"
    )
    carer_name = models.CharField("Carer", max_length=200)
    assessed_on = models.DateField()
    assessor = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    physical_care = _grade(AREAS["physical_care"])
    safety = _grade(AREAS["safety"])
    love = _grade(AREAS["love"])
    esteem = _grade(AREAS["esteem"])
    comments = models.TextField(blank=True)
    recorded_at = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-assessed_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(physical_care__range=(1, 5))
                & models.Q(safety__range=(1, 5))
                & models.Q(love__range=(1, 5))
                & models.Q(esteem__range=(1, 5)),
                name="neglect_grades_are_1_to_5",
            )
        ]

    def __str__(self) -> str:
        return f"Neglect assessment of {self.carer_name}'s care, {self.assessed_on}"

    @property
    def grades(self) -> list[tuple[str, int]]:
        return [(label, getattr(self, field)) for field, label in AREAS.items()]

    @property
    def worst(self) -> int:
        return max(grade for _, grade in self.grades)


class NeglectReasoningManager(models.Manager["NeglectReasoning"]):
    def prompts(self) -> list:
        """Through a plan (`plan.neglect_reasonings.prompts`), the consistency prompts its page
        shows: the plan's template reaches them this way, as the pathway's views know nothing of
        the records around the pathway."""
        from safeguard.casework.models.pathway import ProtectionPlan
        from safeguard.casework.services_neglect import neglect_prompts

        plan = getattr(self, "instance", None)
        return neglect_prompts(plan) if isinstance(plan, ProtectionPlan) else []


class NeglectReasoning(models.Model):
    """Why the plan is under neglect, drawn from a neglect assessment: the latest one counts."""

    plan = models.ForeignKey(
        "casework.ProtectionPlan", on_delete=models.PROTECT, related_name="neglect_reasonings"
    )
    assessment = models.ForeignKey(
        NeglectAssessment, on_delete=models.PROTECT, related_name="reasonings"
    )
    reasoning = models.TextField()
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    recorded_on = models.DateField(default=timezone.localdate)

    history = HistoricalRecords()
    objects = NeglectReasoningManager()

    class Meta:
        ordering = ["-recorded_on", "-id"]

    def __str__(self) -> str:
        return f"Neglect reasoning for plan {self.plan_id}, {self.recorded_on}"

"""Multi-agency case file audits: a tool of graded questions, a sample of children the system
draws, and each agency's answers on each child's case."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from safeguard.reviews.codes import AuditGrade

USER = settings.AUTH_USER_MODEL


class AuditTool(models.Model):
    name = models.CharField(max_length=200, unique=True)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class AuditQuestion(models.Model):
    tool = models.ForeignKey(AuditTool, on_delete=models.CASCADE, related_name="questions")
    number = models.PositiveSmallIntegerField()
    text = models.TextField()

    class Meta:
        ordering = ["tool", "number"]
        constraints = [
            models.UniqueConstraint(fields=["tool", "number"], name="question_number_unique")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.text}"


class CaseFileAudit(models.Model):
    title = models.CharField(max_length=200)
    tool = models.ForeignKey(AuditTool, on_delete=models.PROTECT, related_name="audits")
    agencies = models.ManyToManyField("access.Agency", related_name="+")
    known_from = models.DateField("Referred to social care from")
    known_to = models.DateField("Referred to social care up to")
    sample_size = models.PositiveSmallIntegerField()
    drawn_on = models.DateField()
    created_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-drawn_on", "-id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("reviews:audit", kwargs={"audit_id": self.pk})


class AuditCase(models.Model):
    """One child in the sample, known to auditors without names as "Case 1", "Case 2"…"""

    audit = models.ForeignKey(CaseFileAudit, on_delete=models.CASCADE, related_name="cases")
    number = models.PositiveSmallIntegerField()
    child = models.ForeignKey("people.Child", on_delete=models.PROTECT, related_name="audit_cases")

    history = HistoricalRecords()

    class Meta:
        ordering = ["audit", "number"]
        constraints = [
            models.UniqueConstraint(fields=["audit", "number"], name="audit_case_number_unique"),
            models.UniqueConstraint(fields=["audit", "child"], name="audit_child_once"),
        ]

    def __str__(self) -> str:
        return f"Case {self.number} of {self.audit}"


class AuditAnswer(models.Model):
    case = models.ForeignKey(AuditCase, on_delete=models.CASCADE, related_name="answers")
    agency = models.ForeignKey("access.Agency", on_delete=models.PROTECT, related_name="+")
    question = models.ForeignKey(AuditQuestion, on_delete=models.PROTECT, related_name="answers")
    grade = models.CharField(max_length=1, choices=AuditGrade.choices)
    comment = models.TextField(blank=True)
    answered_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    answered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["case", "agency__name", "question__number"]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "agency", "question"], name="one_answer_per_agency_and_question"
            )
        ]

    def __str__(self) -> str:
        return f"{self.agency} on {self.case}, question {self.question.number}"

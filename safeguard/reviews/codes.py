"""The choices a case review, an action and an audit record. None is a statutory return code."""

from django.db import models


class RapidReviewDecision(models.TextChoices):
    PRACTICE_REVIEW = "lcspr", "Local child safeguarding practice review"
    NO_FURTHER_REVIEW = "none", "No further review"
    OTHER_LEARNING = "other", "Other learning process"


class ReviewKind(models.TextChoices):
    PRACTICE_REVIEW = "lcspr", "Local child safeguarding practice review"
    SERIOUS_CASE_REVIEW = "scr", "Serious case review"


class ActionStatus(models.TextChoices):
    """RAG, as boards rate their action plans, plus done."""

    RED = "red", "Red: not on track"
    AMBER = "amber", "Amber: at risk of slipping"
    GREEN = "green", "Green: on track"
    COMPLETE = "complete", "Complete"


class AuditGrade(models.TextChoices):
    """The four grades multi-agency audits borrow from Ofsted's judgements."""

    OUTSTANDING = "1", "Outstanding"
    GOOD = "2", "Good"
    REQUIRES_IMPROVEMENT = "3", "Requires improvement"
    INADEQUATE = "4", "Inadequate"

"""How learning reaches practitioners: briefings, events and the training courses that carry it.

Courses belong to the training app, which sits above this one; a link here is the course's title
and address, so this app never imports training.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

USER = settings.AUTH_USER_MODEL


class Briefing(models.Model):
    """A short briefing (often a "7-minute briefing") that practitioners read in a team meeting."""

    title = models.CharField(max_length=200)
    text = models.TextField()
    published_on = models.DateField()
    review = models.ForeignKey(
        "reviews.CaseReview",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="briefings",
    )
    themes = models.ManyToManyField("reviews.Theme", related_name="briefings", blank=True)
    written_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    written_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-published_on", "-id"]

    def __str__(self) -> str:
        return self.title


class LearningEvent(models.Model):
    title = models.CharField(max_length=200)
    held_on = models.DateField()
    venue = models.CharField(max_length=200, blank=True)
    description = models.TextField(blank=True)
    attended = models.PositiveIntegerField(null=True, blank=True)
    review = models.ForeignKey(
        "reviews.CaseReview",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
    )
    added_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return self.title


class CourseLink(models.Model):
    course_title = models.CharField(max_length=200)
    url = models.URLField("Link to the course", blank=True)
    review = models.ForeignKey(
        "reviews.CaseReview",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="courses",
    )
    added_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["course_title", "id"]

    def __str__(self) -> str:
        return self.course_title

"""The register of children educated at home (children not in school): when and why, the
education lead who holds the entry, and the authority's contacts and visits with any concerns.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from safeguard.casework.codes_around import ContactKind, HomeEducationEnd, HomeEducationReason
from safeguard.core.models import Versioned

USER = settings.AUTH_USER_MODEL


class HomeEducationEntry(Versioned):
    child = models.ForeignKey(
        "people.Child", on_delete=models.PROTECT, related_name="home_education"
    )
    started_on = models.DateField("Date home education began")
    reason = models.CharField(max_length=20, choices=HomeEducationReason.choices)
    reason_details = models.TextField(blank=True)
    previous_school = models.CharField(max_length=200, blank=True)
    education_lead = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    ended_on = models.DateField(null=True, blank=True)
    end_reason = models.CharField(max_length=20, choices=HomeEducationEnd.choices, blank=True)
    added_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")

    history = HistoricalRecords()

    class Meta:
        ordering = ["-started_on", "-id"]
        verbose_name_plural = "home education entries"
        constraints = [
            models.UniqueConstraint(
                fields=["child"],
                condition=Q(ended_on__isnull=True),
                name="one_open_home_education_entry_per_child",
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("started_on")),
                name="home_education_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | ~Q(end_reason=""),
                name="ended_home_education_has_a_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"Educated at home from {self.started_on}"

    @property
    def is_open(self) -> bool:
        return self.ended_on is None


class HomeEducationContact(models.Model):
    entry = models.ForeignKey(HomeEducationEntry, on_delete=models.CASCADE, related_name="contacts")
    contacted_on = models.DateField()
    kind = models.CharField(max_length=20, choices=ContactKind.choices)
    child_seen = models.BooleanField(default=False)
    notes = models.TextField(blank=True)
    concerns = models.TextField(blank=True, help_text="Any concern about the child's education")
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")

    history = HistoricalRecords()

    class Meta:
        ordering = ["-contacted_on", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.contacted_on}"

"""Missing episodes, for any child, and the return home interview that follows each one.

Times are kept (not only dates) because the interview is due 72 hours after the child returns;
the SSDA903 Missing table takes the dates of the start and the end.
"""

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from safeguard.casework.codes_903 import MissingKind
from safeguard.casework.codes_around import InterviewOutcome
from safeguard.core.models import Versioned

USER = settings.AUTH_USER_MODEL


class MissingEpisode(Versioned):
    child = models.ForeignKey(
        "people.Child", on_delete=models.PROTECT, related_name="missing_episodes"
    )
    kind = models.CharField(max_length=1, choices=MissingKind.choices)  # MISSING
    started_at = models.DateTimeField("When the child went missing")
    reported_by = models.CharField(
        "Who reported it", max_length=200, help_text="For example, the foster carer or a parent"
    )
    police_reference = models.CharField(max_length=50, blank=True)
    circumstances = models.TextField(blank=True)
    returned_at = models.DateTimeField("When the child came back", null=True, blank=True)
    where_found = models.TextField(blank=True)
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-started_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["child"],
                condition=Q(returned_at__isnull=True),
                name="one_open_missing_episode_per_child",
            ),
            models.CheckConstraint(
                condition=Q(returned_at__isnull=True) | Q(returned_at__gte=models.F("started_at")),
                name="missing_child_returns_after_going_missing",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} from {self.started_on}"

    @property
    def started_on(self) -> date:  # MIS_START
        return timezone.localtime(self.started_at).date()

    @property
    def returned_on(self) -> date | None:  # MIS_END
        return timezone.localtime(self.returned_at).date() if self.returned_at else None

    @property
    def is_open(self) -> bool:
        return self.returned_at is None


class ReturnHomeInterview(models.Model):
    """What happened about the interview: held (by someone independent), declined or not held."""

    episode = models.OneToOneField(
        MissingEpisode, on_delete=models.PROTECT, related_name="return_interview"
    )
    outcome = models.CharField(max_length=10, choices=InterviewOutcome.choices)
    offered_on = models.DateField("Date the interview was offered", null=True, blank=True)
    held_at = models.DateTimeField("When the interview was held", null=True, blank=True)
    interviewer = models.CharField(max_length=200, blank=True)
    interviewer_agency = models.CharField(max_length=200, blank=True)
    reason = models.TextField(blank=True, help_text="Why it was declined or not held")
    late_reason = models.TextField(blank=True)
    what_was_learned = models.TextField(blank=True)
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=~Q(outcome=InterviewOutcome.HELD)
                | (Q(held_at__isnull=False) & ~Q(interviewer="")),
                name="a_held_interview_says_when_and_by_whom",
            ),
            models.CheckConstraint(
                condition=Q(outcome=InterviewOutcome.HELD) | ~Q(reason=""),
                name="an_interview_not_held_says_why",
            ),
        ]

    def __str__(self) -> str:
        return f"Return home interview: {self.get_outcome_display()}"

"""Early help episodes: led by a practitioner of any agency, with the assessment (Annex A list 2:
start, completion and the organisation completing it), the plan, reviews, the end and outcome, and
any step up to children's social care (a contact at the front door) or step down from it.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from safeguard.casework.codes_around import EarlyHelpOutcome, EarlyHelpRoute
from safeguard.core.models import Versioned

USER = settings.AUTH_USER_MODEL


class EarlyHelpEpisode(Versioned):
    child = models.ForeignKey(
        "people.Child", on_delete=models.PROTECT, related_name="early_help_episodes"
    )
    started_on = models.DateField()
    route = models.CharField(max_length=10, choices=EarlyHelpRoute.choices)
    stepped_down_from = models.ForeignKey(
        "frontdoor.Referral",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="steps_down",
    )
    lead_practitioner = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    lead_agency = models.ForeignKey("access.Agency", on_delete=models.PROTECT, related_name="+")
    needs = models.TextField("What the family needs help with")
    assessment_started_on = models.DateField(null=True, blank=True)
    assessment_completed_on = models.DateField(null=True, blank=True)
    assessment_agency = models.ForeignKey(
        "access.Agency", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    plan_agreed_on = models.DateField(null=True, blank=True)
    plan = models.TextField(blank=True)
    ended_on = models.DateField(null=True, blank=True)
    outcome = models.CharField(max_length=20, choices=EarlyHelpOutcome.choices, blank=True)
    outcome_notes = models.TextField(blank=True)
    started_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")

    history = HistoricalRecords()

    class Meta:
        ordering = ["-started_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["child"],
                condition=Q(ended_on__isnull=True),
                name="one_open_early_help_episode_per_child",
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("started_on")),
                name="early_help_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | ~Q(outcome=""),
                name="ended_early_help_has_an_outcome",
            ),
            models.CheckConstraint(
                condition=~Q(route=EarlyHelpRoute.STEP_DOWN) | Q(stepped_down_from__isnull=False),
                name="step_down_names_the_referral",
            ),
        ]

    def __str__(self) -> str:
        return f"Early help from {self.started_on}"

    @property
    def is_open(self) -> bool:
        return self.ended_on is None


class EarlyHelpReview(models.Model):
    episode = models.ForeignKey(EarlyHelpEpisode, on_delete=models.CASCADE, related_name="reviews")
    held_on = models.DateField()
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["held_on", "id"]

    def __str__(self) -> str:
        return f"Early help review {self.held_on}"


class StepUp(models.Model):
    """Early help asked children's social care to act: the contact it made at the front door."""

    episode = models.ForeignKey(EarlyHelpEpisode, on_delete=models.PROTECT, related_name="steps_up")
    contact = models.OneToOneField(
        "frontdoor.Contact", on_delete=models.PROTECT, related_name="step_up"
    )
    stepped_up_on = models.DateField()
    reason = models.TextField()
    stepped_up_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-stepped_up_on", "-id"]

    def __str__(self) -> str:
        return f"Step up on {self.stepped_up_on}"

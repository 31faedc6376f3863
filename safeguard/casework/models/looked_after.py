"""Children looked after, as the SSDA903 return sees them: episodes of care and reviews.

An episode is a stretch with one legal status and one placement. A change of either ends the
episode (reason X1) and starts the next the same day, so the episodes of one period of care run
end to end from the episode that "started to be looked after" (reason S). Visits are the pathway's
own `Visit` records: a visit is a visit, whatever plan or status the child has.
"""

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from safeguard.casework.codes_903 import (
    CategoryOfNeed,
    LegalStatus,
    PlacementProvider,
    PlacementType,
    ReasonEpisodeCeased,
    ReasonNewEpisode,
    ReasonPlaceChange,
    ReviewParticipation,
)
from safeguard.core.identifiers import validate_postcode
from safeguard.core.models import Versioned

USER = settings.AUTH_USER_MODEL


class CareEpisodeQuerySet(models.QuerySet["CareEpisode"]):
    def open_on(self, day: date) -> "CareEpisodeQuerySet":
        return self.filter(started_on__lte=day).filter(
            Q(ended_on__isnull=True) | Q(ended_on__gt=day)
        )


class CareEpisode(Versioned):
    child = models.ForeignKey(
        "people.Child", on_delete=models.PROTECT, related_name="care_episodes"
    )
    started_on = models.DateField("Start date")  # DECOM
    reason_new = models.CharField(max_length=1, choices=ReasonNewEpisode.choices)  # RNE
    legal_status = models.CharField(max_length=2, choices=LegalStatus.choices)  # LS
    category_of_need = models.CharField(max_length=2, choices=CategoryOfNeed.choices)  # CIN
    placement_type = models.CharField(max_length=2, choices=PlacementType.choices)  # PLACE
    placement_provider = models.CharField(  # PLACE_PROVIDER
        max_length=3, choices=PlacementProvider.choices, blank=True
    )
    provider_name = models.CharField(
        max_length=200, blank=True, help_text="The carer, home or agency, for the worker's use"
    )
    placement_postcode = models.CharField(  # PL_POST
        max_length=8, blank=True, validators=[validate_postcode]
    )
    home_postcode = models.CharField(  # HOME_POST
        max_length=8, blank=True, validators=[validate_postcode]
    )
    urn = models.CharField("Ofsted URN of the provider", max_length=8, blank=True)  # URN
    ended_on = models.DateField(null=True, blank=True)  # DEC
    reason_ceased = models.CharField(  # REC
        max_length=3, choices=ReasonEpisodeCeased.choices, blank=True
    )
    reason_place_change = models.CharField(  # REASON_PLACE_CHANGE
        max_length=6, choices=ReasonPlaceChange.choices, blank=True
    )
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()
    objects = CareEpisodeQuerySet.as_manager()

    class Meta:
        ordering = ["-started_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["child"],
                condition=Q(ended_on__isnull=True),
                name="one_open_care_episode_per_child",
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("started_on")),
                name="care_episode_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | ~Q(reason_ceased=""),
                name="ended_care_episode_has_a_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"Episode of care from {self.started_on} ({self.legal_status} {self.placement_type})"

    @property
    def is_open(self) -> bool:
        return self.ended_on is None

    @property
    def long_term(self) -> bool:
        return self.placement_type in PlacementType.long_term()


class CareReview(models.Model):
    """A looked-after review (the SSDA903 Reviews table: the date and how the child took part)."""

    child = models.ForeignKey("people.Child", on_delete=models.PROTECT, related_name="care_reviews")
    episode = models.ForeignKey(CareEpisode, on_delete=models.PROTECT, related_name="reviews")
    held_on = models.DateField()  # REVIEW
    participation = models.CharField(  # REVIEW_CODE
        max_length=3, choices=ReviewParticipation.choices
    )
    chair = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    notes = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"Looked-after review {self.held_on}"

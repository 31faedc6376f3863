"""The child summary's CIN and CP badges, and those of the records around the pathway."""

from django.utils import timezone

from safeguard.casework.codes_around import Band
from safeguard.casework.models import (
    CareEpisode,
    EarlyHelpEpisode,
    ExploitationScreening,
    HomeEducationEntry,
    MissingEpisode,
    ProtectionPlan,
)
from safeguard.casework.services_missing import repeat_missing_since
from safeguard.frontdoor.models import Referral
from safeguard.people.badges import Badge, register_badges
from safeguard.people.models import Child


def _pathway_badges(child: Child) -> list[Badge]:
    badges = []
    plan = ProtectionPlan.objects.filter(child=child, ended_on__isnull=True).first()
    if plan is not None:
        badges.append(
            Badge(
                f"CP: {plan.get_latest_category_display().lower()}",
                "red",
                f"On a child protection plan since {plan.started_on:%-d %B %Y}",
            )
        )
    elif Referral.objects.filter(
        child=child, closed_on__isnull=True, no_further_action=False
    ).exists():
        badges.append(Badge("CIN", "blue", "An open children in need episode"))
    return badges


def _around_badges(child: Child) -> list[Badge]:
    """Looked after, missing, exploitation risk, early help and home education."""
    badges = []
    episode = CareEpisode.objects.filter(child=child, ended_on__isnull=True).first()
    if episode is not None:
        badges.append(Badge("CLA", "purple", f"Looked after: {episode.get_legal_status_display()}"))
    if MissingEpisode.objects.filter(child=child, returned_at__isnull=True).exists():
        badges.append(Badge("Missing now", "red", "Missing, and not yet back"))
    if repeat_missing_since(child, timezone.localdate()):
        badges.append(Badge("Missing repeatedly", "orange", "Missing again and again lately"))
    screening = ExploitationScreening.objects.filter(child=child).first()
    if screening is not None and screening.practitioner_band in (Band.MEDIUM, Band.HIGH):
        colour = "red" if screening.practitioner_band == Band.HIGH else "orange"
        badges.append(
            Badge(
                f"Exploitation risk: {screening.get_practitioner_band_display().lower()}",
                colour,
                f"Screened {screening.screened_on:%-d %B %Y}",
            )
        )
    if EarlyHelpEpisode.objects.filter(child=child, ended_on__isnull=True).exists():
        badges.append(Badge("Early help", "green", "An open early help episode"))
    if HomeEducationEntry.objects.filter(child=child, ended_on__isnull=True).exists():
        badges.append(Badge("Educated at home", "turquoise", "On the home education register"))
    return badges


def register() -> None:
    register_badges(_pathway_badges)
    register_badges(_around_badges)

"""Children looked after: starting a period of care, changes of legal status or placement, the end
of care, and reviews. Forms, the demo and any import go through these, so every episode chain is
one the SSDA903 return accepts: episodes end to end, each change a new episode the same day.
"""

from dataclasses import asdict, dataclass
from datetime import date

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from safeguard.access.models import User
from safeguard.casework import timescales_around
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
from safeguard.casework.models import CareEpisode, CareReview, Visit
from safeguard.casework.rules import Problem, not_before, not_in_future, refuse_if
from safeguard.people.models import Child

TEMPORARY_PLACEMENTS = {"T0", "T1", "T2", "T3", "T4"}


@dataclass(frozen=True)
class Placement:
    placement_type: str
    placement_provider: str = ""
    provider_name: str = ""
    placement_postcode: str = ""
    home_postcode: str = ""
    urn: str = ""

    @classmethod
    def of(cls, episode: CareEpisode) -> "Placement":
        return cls(
            episode.placement_type,
            episode.placement_provider,
            episode.provider_name,
            episode.placement_postcode,
            episode.home_postcode,
            episode.urn,
        )

    def problems(self) -> list[Problem]:
        problems = []
        if self.placement_type not in PlacementType.values:
            problems.append(Problem("placement_type", "Select the type of placement"))
        if self.placement_provider and self.placement_provider not in PlacementProvider.values:
            problems.append(Problem("placement_provider", "Select who provides the placement"))
        if not self.placement_provider and self.placement_type not in TEMPORARY_PLACEMENTS:
            problems.append(Problem("placement_provider", "Select who provides the placement"))
        return problems


def _today() -> date:
    return timezone.localdate()


def open_episode(child: Child) -> CareEpisode | None:
    return CareEpisode.objects.filter(child=child, ended_on__isnull=True).first()


def _chain(child: Child) -> list[CareEpisode]:
    return list(CareEpisode.objects.filter(child=child).order_by("started_on", "id"))


def looked_after_since(episode: CareEpisode) -> date:
    """The day the child started to be looked after, for the period of care holding `episode`."""
    chain = _chain(episode.child)
    index = next(i for i, e in enumerate(chain) if e.pk == episode.pk)
    while index > 0 and chain[index].reason_new != ReasonNewEpisode.STARTED:
        index -= 1
    return chain[index].started_on


def placed_on(episode: CareEpisode) -> date:
    """The day the child's current placement began: a change of legal status only keeps it."""
    chain = _chain(episode.child)
    index = next(i for i, e in enumerate(chain) if e.pk == episode.pk)
    while index > 0 and chain[index].reason_new == ReasonNewEpisode.LEGAL_STATUS:
        index -= 1
    return chain[index].started_on


def looked_after_on(child: Child, day: date) -> CareEpisode | None:
    """The episode the child was in on `day` (the day an episode ends still belongs to it)."""
    return (
        CareEpisode.objects.filter(child=child, started_on__lte=day)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=day))
        .order_by("-started_on", "-id")
        .first()
    )


@dataclass(frozen=True)
class CareTimescales:
    episode: CareEpisode
    looked_after_since: date
    placed_on: date
    review_due: date
    visit_due: date


def timescales_for(episode: CareEpisode) -> CareTimescales:
    """When the open episode's child is next due a review and a visit."""
    since = looked_after_since(episode)
    placed = placed_on(episode)
    reviews = list(
        CareReview.objects.filter(child_id=episode.child_id).values_list("held_on", flat=True)
    )
    visits = list(
        Visit.objects.filter(child_id=episode.child_id, seen=True).values_list(
            "visited_on", flat=True
        )
    )
    return CareTimescales(
        episode,
        since,
        placed,
        timescales_around.care_review_due(since, reviews),
        timescales_around.care_visit_due(placed, visits, long_term=episode.long_term),
    )


def _lock(episode: CareEpisode, version: int) -> tuple[Child, CareEpisode]:
    """The child, locked, and their open episode: the one the person saw, still as they saw it
    (an episode a change has ended has moved on a version, so their copy is stale)."""
    child = Child.objects.select_for_update().get(pk=episode.child_id)
    current = CareEpisode.objects.get(pk=episode.pk)
    current.ensure_version(version)
    if not current.is_open:
        refuse_if([Problem(None, f"{child.full_name} is not looked after")])
    return child, current


def _codes(legal_status: str, category_of_need: str) -> list[Problem]:
    problems = []
    if legal_status not in LegalStatus.values:
        problems.append(Problem("legal_status", "Select the legal status"))
    if category_of_need not in CategoryOfNeed.values:
        problems.append(Problem("category_of_need", "Select the category of need"))
    return problems


@transaction.atomic
def start_care(
    child: Child,
    *,
    started_on: date,
    legal_status: str,
    category_of_need: str,
    placement: Placement,
    by: User,
) -> CareEpisode:
    """The child starts to be looked after: the first episode of a period of care."""
    child = Child.objects.select_for_update().get(pk=child.pk)
    problems = not_in_future(started_on, _today(), "started_on", "start date")
    problems += _codes(legal_status, category_of_need) + placement.problems()
    if child.date_of_birth and started_on < child.date_of_birth:
        problems.append(Problem("started_on", "The start date cannot be before the child's birth"))
    if open_episode(child) is not None:
        problems.append(
            Problem(None, f"{child.full_name} is already looked after: record a change instead")
        )
    last_end = max(
        CareEpisode.objects.filter(child=child, ended_on__isnull=False).values_list(
            "ended_on", flat=True
        ),
        default=None,
    )
    if last_end:
        problems += not_before(started_on, last_end, "started_on", "start", "last period's end")
    refuse_if(problems)
    return CareEpisode.objects.create(
        child=child,
        started_on=started_on,
        reason_new=ReasonNewEpisode.STARTED,
        legal_status=legal_status,
        category_of_need=category_of_need,
        recorded_by=by,
        **asdict(placement),
    )


@transaction.atomic
def change_care(
    episode: CareEpisode,
    *,
    version: int,
    on: date,
    reason_new: str,
    legal_status: str,
    category_of_need: str,
    placement: Placement | None,
    reason_place_change: str = "",
    by: User,
) -> CareEpisode:
    """A change of legal status, placement or both: the open episode (the one the person saw, at
    the version they saw) ends with X1 and a new one begins the same day; the reason for a change
    of placement goes on the episode that ends."""
    child, current = _lock(episode, version)
    problems = not_in_future(on, _today(), "on", "date of the change")
    problems += not_before(on, current.started_on, "on", "change", "current episode's start")
    if current.reviews.filter(held_on__gt=on).exists():
        problems.append(Problem("on", "A review has been recorded after this date"))
    if reason_new not in dict(ReasonNewEpisode.changes()):
        problems.append(Problem("reason_new", "Select what changed"))
    refuse_if(problems)
    if reason_new not in ReasonNewEpisode.new_legal_status():
        legal_status = current.legal_status
    elif legal_status == current.legal_status:
        problems.append(
            Problem("legal_status", "Select the new legal status, or say only the placement moved")
        )
    if reason_new in ReasonNewEpisode.new_placement():
        if placement is None:
            problems.append(Problem("placement_type", "Select the type of placement"))
        else:
            problems += placement.problems()
        if reason_place_change not in ReasonPlaceChange.values:
            problems.append(
                Problem("reason_place_change", "Select the reason the placement changed")
            )
    else:
        placement, reason_place_change = Placement.of(current), ""
    problems += _codes(legal_status, category_of_need)
    refuse_if(problems)
    current.ended_on, current.reason_ceased = on, ReasonEpisodeCeased.NEW_EPISODE
    current.reason_place_change = reason_place_change
    current.save_from(version)
    return CareEpisode.objects.create(
        child=child,
        started_on=on,
        reason_new=reason_new,
        legal_status=legal_status,
        category_of_need=category_of_need,
        recorded_by=by,
        **asdict(placement),
    )


@transaction.atomic
def cease_care(episode: CareEpisode, *, version: int, on: date, reason: str) -> CareEpisode:
    """The child stops being looked after: the open episode ends with the reason."""
    _, current = _lock(episode, version)
    problems = not_in_future(on, _today(), "on", "date care ended")
    problems += not_before(on, current.started_on, "on", "end", "current episode's start")
    if current.reviews.filter(held_on__gt=on).exists():
        problems.append(Problem("on", "A review has been recorded after this date"))
    if reason not in dict(ReasonEpisodeCeased.leaving_care()):
        problems.append(Problem("reason", "Select why the child stopped being looked after"))
    refuse_if(problems)
    current.ended_on, current.reason_ceased = on, reason
    current.save_from(version)
    return current


def record_care_review(
    child: Child,
    *,
    held_on: date,
    participation: str,
    chair: User,
    notes: str = "",
) -> CareReview:
    problems = not_in_future(held_on, _today(), "held_on", "review")
    episode = looked_after_on(child, held_on)
    if episode is None:
        problems.append(Problem("held_on", f"{child.full_name} was not looked after on that date"))
    age = child.age_on(held_on)
    if participation not in ReviewParticipation.values:
        problems.append(Problem("participation", "Select how the child took part"))
    elif age is not None and (participation == ReviewParticipation.UNDER_4) != (age < 4):
        problems.append(
            Problem(
                "participation",
                "‘Under 4’ is for a child aged under 4 at the review"
                if age >= 4
                else f"{child.first_name} was under 4 at the review: select ‘under 4’",
            )
        )
    refuse_if(problems)
    return CareReview.objects.create(
        child=child,
        episode=episode,
        held_on=held_on,
        participation=participation,
        chair=chair,
        notes=notes,
    )

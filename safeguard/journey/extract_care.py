"""Extracting children looked after: episodes of care, looked-after reviews, missing episodes with
their return home interviews (as the loader writes them: load_care)."""

from zoneinfo import ZoneInfo

from django.utils import timezone

from safeguard.casework.codes_around import InterviewOutcome
from safeguard.casework.models import CareEpisode, CareReview, MissingEpisode

LONDON = ZoneInfo("Europe/London")


def live_ids(child_ids: dict[int, str]) -> dict:
    """(child id, date) -> primary key, for each table."""
    return {
        "cla_episodes": {
            (child_ids[child], day): pk
            for child, day, pk in CareEpisode.objects.filter(child_id__in=child_ids).values_list(
                "child_id", "started_on", "pk"
            )
        },
        "cla_reviews": {
            (child_ids[child], day): pk
            for child, day, pk in CareReview.objects.filter(child_id__in=child_ids).values_list(
                "child_id", "held_on", "pk"
            )
        },
        "missing_episodes": {
            (child_ids[child], timezone.localdate(went, LONDON)): pk
            for child, went, pk in MissingEpisode.objects.filter(
                child_id__in=child_ids
            ).values_list("child_id", "started_at", "pk")
        },
    }


def _text(value: str) -> str | None:
    return value or None


def tables(la: str, child_ids: dict[int, str]) -> dict[str, list[dict]]:
    episodes = CareEpisode.objects.filter(child_id__in=child_ids).order_by("pk").values()
    reviews = CareReview.objects.filter(child_id__in=child_ids).order_by("pk").values()
    missing = (
        MissingEpisode.objects.filter(child_id__in=child_ids)
        .order_by("pk")
        .values(
            "child_id",
            "kind",
            "started_at",
            "returned_at",
            "return_interview__outcome",
            "return_interview__held_at",
        )
    )
    return {
        "cla_episodes": [
            {
                "la": la,
                "child_id": child_ids[e["child_id"]],
                "start_date": e["started_on"],
                "reason_new_episode": e["reason_new"],
                "legal_status": e["legal_status"],
                "category_of_need": e["category_of_need"],
                "placement": e["placement_type"],
                "placement_provider": _text(e["placement_provider"]),
                "end_date": e["ended_on"],
                "reason_ceased": _text(e["reason_ceased"]),
                "reason_place_change": _text(e["reason_place_change"]),
                "home_postcode": _text(e["home_postcode"]),
                "placement_postcode": _text(e["placement_postcode"]),
                "urn": _text(e["urn"]),
            }
            for e in episodes
        ],
        "cla_reviews": [
            {
                "la": la,
                "child_id": child_ids[r["child_id"]],
                "review_date": r["held_on"],
                "participation": _text(r["participation"]),
            }
            for r in reviews
        ],
        "missing_episodes": [_missing(la, child_ids, m) for m in missing],
    }


def _missing(la: str, child_ids: dict[int, str], episode: dict) -> dict:
    outcome, held = episode["return_interview__outcome"], episode["return_interview__held_at"]
    returned = episode["returned_at"]
    return {
        "la": la,
        "child_id": child_ids[episode["child_id"]],
        "kind": episode["kind"],
        "start_date": timezone.localdate(episode["started_at"], LONDON),
        "end_date": timezone.localdate(returned, LONDON) if returned else None,
        # Offered unless recorded as not held; no interview recorded yet: not known.
        "interview_offered": None if outcome is None else outcome != InterviewOutcome.NOT_HELD,
        "interview_date": timezone.localdate(held, LONDON)
        if outcome == InterviewOutcome.HELD and held
        else None,
    }

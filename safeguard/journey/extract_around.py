"""Extracting the local tables around the pathway: early help, exploitation screenings, children
educated at home, and the council's population (as the loader writes them: load_around)."""

from safeguard.casework.models import EarlyHelpEpisode, ExploitationScreening, HomeEducationEntry
from safeguard.journey import ids
from safeguard.journey.models import PopulationEstimate

# The agency an early help episode is led by when the dataset did not say which.
UNKNOWN_AGENCY = "Agency not recorded (brought in from the journey dataset)"


def _early_help_ids(rows: list[dict], child_ids: dict[int, str]) -> dict[int, str]:
    """Episode pk -> id, numbering repeats (two starts on a day) in the order they were made."""
    rows = sorted(rows, key=lambda r: r["id"])
    made = ids.numbered(
        [ids.early_help_id(child_ids[r["child_id"]], r["started_on"]) for r in rows]
    )
    return {r["id"]: natural for r, natural in zip(rows, made, strict=True)}


def _early_help(child_ids: dict[int, str]) -> list[dict]:
    fields = ("id", "child_id", "started_on", "ended_on", "outcome")
    agency = ("lead_agency__kind", "lead_agency__name")
    return list(EarlyHelpEpisode.objects.filter(child_id__in=child_ids).values(*fields, *agency))


def live_ids(child_ids: dict[int, str]) -> dict:
    return {
        "early_help": {
            natural: pk
            for pk, natural in _early_help_ids(_early_help(child_ids), child_ids).items()
        },
        "exploitation_screenings": {
            (child_ids[child], day)
            for child, day in ExploitationScreening.objects.filter(
                child_id__in=child_ids
            ).values_list("child_id", "screened_on")
        },
        "home_education": {
            (child_ids[child], day): pk
            for child, day, pk in HomeEducationEntry.objects.filter(
                child_id__in=child_ids
            ).values_list("child_id", "started_on", "pk")
        },
    }


def population_ids(la: str) -> dict[str, int]:
    return dict(PopulationEstimate.objects.filter(la=la).values_list("year", "pk"))


def tables(la: str, child_ids: dict[int, str]) -> dict[str, list[dict]]:
    episodes = _early_help(child_ids)
    episode_ids = _early_help_ids(episodes, child_ids)
    screenings = ExploitationScreening.objects.filter(child_id__in=child_ids).values(
        "child_id", "screened_on", "practitioner_band", "referred_to_panel"
    )
    entries = HomeEducationEntry.objects.filter(child_id__in=child_ids).values(
        "child_id", "started_on", "reason", "ended_on", "end_reason"
    )
    return {
        "early_help": [
            {
                "la": la,
                "child_id": child_ids[e["child_id"]],
                "episode_id": episode_ids[e["id"]],
                "start_date": e["started_on"],
                "end_date": e["ended_on"],
                "lead_agency_kind": None
                if e["lead_agency__name"] == UNKNOWN_AGENCY
                else e["lead_agency__kind"],
                "outcome": e["outcome"] or None,
            }
            for e in episodes
        ],
        "exploitation_screenings": [
            {
                "la": la,
                "child_id": child_ids[s["child_id"]],
                "screened_on": s["screened_on"],
                "band": s["practitioner_band"],
                "referred_to_panel": s["referred_to_panel"],
            }
            for s in screenings
        ],
        "home_education": [
            {
                "la": la,
                "child_id": child_ids[h["child_id"]],
                "start_date": h["started_on"],
                "reason": h["reason"] or None,
                "end_date": h["ended_on"],
                "end_reason": h["end_reason"] or None,
            }
            for h in entries
        ],
        "population": list(
            PopulationEstimate.objects.filter(la=la).values("la", "year", "children")
        ),
    }

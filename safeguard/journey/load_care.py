"""Loading children looked after: episodes of care, looked-after reviews, missing episodes and the
return home interviews after them.

A record is its child and its date (the SSDA903's own keys). The live records hold times where the
dataset holds dates: a child went missing at midday on the day recorded, came back at midday on the
day recorded, and an interview was held as many whole days after the return as the dates say, so
"within 72 hours" means within three days, as it would be read from the dataset.
"""

from collections import defaultdict
from datetime import timedelta

from safeguard.casework.codes_around import InterviewOutcome
from safeguard.casework.models import CareEpisode, CareReview, MissingEpisode, ReturnHomeInterview
from safeguard.journey import codes
from safeguard.journey.load_context import NOT_RECORDED, LoadError, Loading, day_text, midday


def _key(date_column: str):
    return lambda row: (row["child_id"], row[date_column])


def check_codes(table: str, rows: list[dict]) -> None:
    found = codes.unknown(table, rows)
    if found is not None:
        row, column, year = found
        raise LoadError(
            f"The table {table} gives child {row['child_id']} the {column.replace('_', ' ')} "
            f"{row[column]!r}, which is not a code for {year}"
        )


def check_dates(table: str, rows: list[dict], what: str) -> None:
    for row in rows:
        if row["end_date"] is not None and row["end_date"] < row["start_date"]:
            raise LoadError(
                f"The table {table} has a {what} of child {row['child_id']} ending on "
                f"{day_text(row['end_date'])}, before it starts"
            )


def check_one_open(table: str, rows: list[dict], open_live: set[int], loading: Loading) -> None:
    """The live records allow one open record of this kind per child."""
    seen = set(open_live)
    for row in rows:
        if row["end_date"] is None:
            child = loading.child(row)
            if child in seen:
                raise LoadError(
                    f"The table {table} would give child {row['child_id']} two open records"
                )
            seen.add(child)


def episodes(loading: Loading) -> None:
    rows = loading.new("cla_episodes", _key("start_date"))
    check_codes("cla_episodes", rows)
    check_dates("cla_episodes", rows, "episode of care")
    for row in rows:
        if row["end_date"] is not None and not row["reason_ceased"]:
            raise LoadError(
                f"Child {row['child_id']}'s episode of care from {day_text(row['start_date'])} "
                "ends without a reason"
            )
    open_live = set(
        CareEpisode.objects.filter(ended_on__isnull=True).values_list("child_id", flat=True)
    )
    check_one_open("cla_episodes", rows, open_live, loading)
    made = [
        {
            "child_id": loading.child(row),
            "started_on": row["start_date"],
            "reason_new": row["reason_new_episode"],
            "legal_status": row["legal_status"],
            "category_of_need": row["category_of_need"],
            "placement_type": row["placement"],
            "placement_provider": row["placement_provider"] or "",
            "placement_postcode": row["placement_postcode"] or "",
            "home_postcode": row["home_postcode"] or "",
            "urn": row["urn"] or "",
            "ended_on": row["end_date"],
            "reason_ceased": row["reason_ceased"] or "",
            "reason_place_change": row["reason_place_change"] or "",
            "recorded_by_id": loading.by.pk,
        }
        for row in rows
    ]
    loading.create("cla_episodes", CareEpisode, rows, made, _key("start_date"))


def reviews(loading: Loading) -> None:
    rows = loading.new("cla_reviews", _key("review_date"))
    check_codes("cla_reviews", rows)
    # Each review belongs to the episode of care the child was in that day (the later one on the
    # day one episode ends and the next begins).
    periods: dict[int, list[tuple]] = defaultdict(list)
    for child, start, pk in (
        CareEpisode.objects.filter(child_id__in={loading.child(r) for r in rows})
        .order_by("started_on", "pk")
        .values_list("child_id", "started_on", "pk")
    ):
        periods[child].append((start, pk))
    made = []
    for row in rows:
        before = [pk for start, pk in periods[loading.child(row)] if start <= row["review_date"]]
        if not before:
            raise LoadError(
                f"Child {row['child_id']} has a looked-after review on "
                f"{day_text(row['review_date'])}, before any episode of care"
            )
        made.append(
            {
                "child_id": loading.child(row),
                "episode_id": before[-1],
                "held_on": row["review_date"],
                "participation": row["participation"] or "",
                "chair_id": loading.by.pk,
                "notes": NOT_RECORDED,
            }
        )
    loading.create("cla_reviews", CareReview, rows, made, _key("review_date"))


def missing(loading: Loading) -> None:
    rows = loading.new("missing_episodes", _key("start_date"))
    check_codes("missing_episodes", rows)
    check_dates("missing_episodes", rows, "missing episode")
    for row in rows:
        _check_interview(row)
    open_live = set(
        MissingEpisode.objects.filter(returned_at__isnull=True).values_list("child_id", flat=True)
    )
    check_one_open("missing_episodes", rows, open_live, loading)
    made = []
    for row in rows:
        went = midday(row["start_date"])
        back = row["end_date"]
        made.append(
            {
                "child_id": loading.child(row),
                "kind": row["kind"],
                "started_at": went,
                "reported_by": "Not recorded",
                "returned_at": went + timedelta(days=(back - row["start_date"]).days)
                if back
                else None,
                "recorded_by_id": loading.by.pk,
            }
        )
    loading.create("missing_episodes", MissingEpisode, rows, made, _key("start_date"))
    interviews = [
        _interview(row, episode, loading)
        for row, episode in zip(rows, made, strict=True)
        if row["interview_offered"] is not None
    ]
    loading.create("return_interviews", ReturnHomeInterview, [], interviews)


def _check_interview(row: dict) -> None:
    offered, held = row["interview_offered"], row["interview_date"]
    problem = None
    if offered is not None and row["end_date"] is None:
        problem = "an interview, but the child has not come back"
    elif held is not None and not offered:
        problem = "an interview held but not offered"
    elif held is not None and held < row["end_date"]:
        problem = "an interview before the child came back"
    if problem:
        raise LoadError(
            f"Child {row['child_id']}'s missing episode from {day_text(row['start_date'])} has "
            f"{problem}"
        )


def _interview(row: dict, episode: dict, loading: Loading) -> dict:
    """Held when it has a date; offered without one, the child declined; else not held."""
    held = row["interview_date"]
    outcome = (
        InterviewOutcome.HELD
        if held
        else InterviewOutcome.DECLINED
        if row["interview_offered"]
        else InterviewOutcome.NOT_HELD
    )
    return {
        "episode_id": loading.live["missing_episodes"][(row["child_id"], row["start_date"])],
        "outcome": outcome,
        "held_at": episode["returned_at"] + timedelta(days=(held - row["end_date"]).days)
        if held
        else None,
        "interviewer": "Not recorded" if held else "",
        "reason": "" if held else NOT_RECORDED,
        "recorded_by_id": loading.by.pk,
    }

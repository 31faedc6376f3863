"""Missing episodes and return home interviews: recording a child missing, their return, and what
happened about the interview (held within 72 hours by someone independent, declined, or not held,
with the reason). Children who go missing again and again are flagged.
"""

from datetime import date, datetime, timedelta

from django.db import transaction
from django.utils import timezone

from safeguard.access.models import User
from safeguard.casework import timescales_around
from safeguard.casework.codes_903 import MissingKind
from safeguard.casework.codes_around import InterviewOutcome
from safeguard.casework.models import AroundSettings, MissingEpisode, ReturnHomeInterview
from safeguard.casework.rules import Problem, not_before, not_in_future, refuse_if
from safeguard.casework.services_looked_after import looked_after_on
from safeguard.people.models import Child


def _when(moment: datetime) -> str:
    return f"{timezone.localtime(moment):%-d %B %Y at %H:%M}"


def _not_future(moment: datetime, field: str, what: str) -> list[Problem]:
    if moment > timezone.now():
        return [Problem(field, f"The {what} cannot be in the future")]
    return []


@transaction.atomic
def record_missing(
    child: Child,
    *,
    kind: str,
    started_at: datetime,
    reported_by: str,
    police_reference: str = "",
    circumstances: str = "",
    by: User,
) -> MissingEpisode:
    child = Child.objects.select_for_update().get(pk=child.pk)
    problems = _not_future(started_at, "started_at", "time the child went missing")
    if kind not in MissingKind.values:
        problems.append(Problem("kind", "Select whether the child was missing or away"))
    elif kind == MissingKind.AWAY and not looked_after_on(child, timezone.localdate(started_at)):
        problems.append(
            Problem("kind", "Only a child looked after can be away from placement: select missing")
        )
    if not reported_by.strip():
        problems.append(Problem("reported_by", "Enter who reported the child missing"))
    if MissingEpisode.objects.filter(child=child, returned_at__isnull=True).exists():
        problems.append(
            Problem(None, f"{child.full_name} is already missing: record their return first")
        )
    last_return = (
        MissingEpisode.objects.filter(child=child, returned_at__isnull=False)
        .order_by("-returned_at")
        .values_list("returned_at", flat=True)
        .first()
    )
    if last_return and started_at < last_return:
        problems.append(
            Problem("started_at", f"The child came back from the last episode {_when(last_return)}")
        )
    refuse_if(problems)
    return MissingEpisode.objects.create(
        child=child,
        kind=kind,
        started_at=started_at,
        reported_by=reported_by,
        police_reference=police_reference,
        circumstances=circumstances,
        recorded_by=by,
    )


@transaction.atomic
def record_return(
    episode: MissingEpisode, *, version: int, returned_at: datetime, where_found: str
) -> MissingEpisode:
    episode.ensure_version(version)
    problems = [] if episode.is_open else [Problem(None, "The child's return is already recorded")]
    problems += _not_future(returned_at, "returned_at", "time the child came back")
    if returned_at < episode.started_at:
        problems.append(
            Problem("returned_at", f"The child went missing {_when(episode.started_at)}")
        )
    if not where_found.strip():
        problems.append(Problem("where_found", "Enter where the child was found or came back to"))
    refuse_if(problems)
    episode.returned_at, episode.where_found = returned_at, where_found
    episode.save_from(version)
    return episode


def interview_due(episode: MissingEpisode) -> datetime | None:
    if episode.returned_at is None:
        return None
    return timescales_around.return_interview_due(episode.returned_at)


def held_on_time(interview: ReturnHomeInterview) -> bool:
    due = interview_due(interview.episode)
    return bool(interview.outcome == InterviewOutcome.HELD and due and interview.held_at <= due)


@transaction.atomic
def record_return_interview(
    episode: MissingEpisode,
    *,
    outcome: str,
    offered_on: date | None,
    held_at: datetime | None = None,
    interviewer: str = "",
    interviewer_agency: str = "",
    independent: bool = False,
    reason: str = "",
    late_reason: str = "",
    what_was_learned: str = "",
    by: User,
) -> ReturnHomeInterview:
    episode = MissingEpisode.objects.select_for_update().get(pk=episode.pk)
    if episode.returned_at is None:
        refuse_if([Problem(None, "Record the child's return before the interview")])
    problems = []
    if ReturnHomeInterview.objects.filter(episode=episode).exists():
        problems.append(Problem(None, "What happened about the interview is already recorded"))
    if outcome not in InterviewOutcome.values:
        problems.append(Problem("outcome", "Select whether the interview was held"))
    returned_on = episode.returned_on
    if offered_on is not None:
        problems += not_before(offered_on, returned_on, "offered_on", "offer", "child's return")
        problems += not_in_future(offered_on, timezone.localdate(), "offered_on", "offer")
    if outcome == InterviewOutcome.HELD:
        problems += _held(episode, offered_on, held_at, interviewer, independent, late_reason)
    elif outcome:
        if outcome == InterviewOutcome.DECLINED and offered_on is None:
            problems.append(Problem("offered_on", "Enter the date the interview was offered"))
        if not reason.strip():
            problems.append(Problem("reason", "Enter why the interview was not held"))
    refuse_if(problems)
    held = outcome == InterviewOutcome.HELD
    return ReturnHomeInterview.objects.create(
        episode=episode,
        outcome=outcome,
        offered_on=offered_on or (timezone.localdate(held_at) if held else None),
        held_at=held_at if held else None,
        interviewer=interviewer if held else "",
        interviewer_agency=interviewer_agency if held else "",
        reason="" if held else reason,
        late_reason=late_reason if held else "",
        what_was_learned=what_was_learned,
        recorded_by=by,
    )


def _held(
    episode: MissingEpisode,
    offered_on: date | None,
    held_at: datetime | None,
    interviewer: str,
    independent: bool,
    late_reason: str,
) -> list[Problem]:
    problems = []
    if not interviewer.strip():
        problems.append(Problem("interviewer", "Enter who held the interview"))
    if not independent:
        # The guidance asks for someone the child can talk to freely, outside their home or care.
        problems.append(
            Problem(
                "independent",
                "A return home interview is held by someone independent of the child's home or "
                "placement: if it was not, record that the interview was not held, and why",
            )
        )
    if held_at is None:
        problems.append(Problem("held_at", "Enter when the interview was held"))
        return problems
    problems += _not_future(held_at, "held_at", "interview")
    if held_at < episode.returned_at:
        problems.append(Problem("held_at", "The interview cannot be before the child came back"))
    if offered_on and offered_on > timezone.localdate(held_at):
        problems.append(Problem("offered_on", "The interview was offered after it was held"))
    due = timescales_around.return_interview_due(episode.returned_at)
    if held_at > due and not late_reason.strip():
        problems.append(
            Problem(
                "late_reason",
                f"The interview was more than 72 hours after the child came back (due by "
                f"{_when(due)}): enter why it was late",
            )
        )
    return problems


def repeat_missing_since(child: Child, on: date, settings: AroundSettings | None = None) -> bool:
    """Missing repeatedly: the setting's number of episodes started in the days up to `on`."""
    settings = settings or AroundSettings.current()
    window_start = on - timedelta(days=settings.repeat_missing_days - 1)
    started = [
        timezone.localdate(moment)
        for moment in MissingEpisode.objects.filter(child=child).values_list(
            "started_at", flat=True
        )
    ]
    recent = [day for day in started if window_start <= day <= on]
    return len(recent) >= settings.repeat_missing_episodes

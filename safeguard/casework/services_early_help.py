"""Early help: an episode led by a practitioner of any agency, its assessment and plan, reviews and
end; a step up to children's social care (a contact at the front door, into the MASH queue) and a
step down from it (an episode that names the referral it follows).
"""

import uuid
from datetime import date, datetime

from django.db import transaction
from django.utils import timezone

from safeguard.access.models import Agency, User
from safeguard.casework import capabilities as cap
from safeguard.casework.codes_around import EarlyHelpOutcome, EarlyHelpRoute
from safeguard.casework.models import EarlyHelpEpisode, EarlyHelpReview, StepUp
from safeguard.casework.rules import Problem, not_before, not_in_future, refuse_if
from safeguard.frontdoor.codes import Channel, Concern, EarlyHelpOffered, LawfulBasis
from safeguard.frontdoor.models import Contact, Referral
from safeguard.frontdoor.services import open_contact
from safeguard.people.models import Child


def _today() -> date:
    return timezone.localdate()


def can_lead(user: User) -> bool:
    return user.is_active and user.agency_id is not None and user.can(cap.EARLY_HELP)


def possible_leads() -> list[User]:
    """Everyone who may lead an episode: whoever records early help, in any agency."""
    users = User.objects.filter(is_active=True, agency__isnull=False).select_related(
        "role", "agency"
    )
    return [user for user in users if can_lead(user)]


def _lead_problems(lead: User) -> list[Problem]:
    if can_lead(lead):
        return []
    return [Problem("lead_practitioner", f"{lead} cannot lead early help: choose someone who can")]


@transaction.atomic
def start_early_help(
    child: Child,
    *,
    started_on: date,
    lead: User,
    needs: str,
    route: str,
    stepped_down_from: Referral | None = None,
    by: User,
) -> EarlyHelpEpisode:
    child = Child.objects.select_for_update().get(pk=child.pk)
    problems = not_in_future(started_on, _today(), "started_on", "start date")
    problems += _lead_problems(lead)
    if not needs.strip():
        problems.append(Problem("needs", "Enter what the family needs help with"))
    if route not in EarlyHelpRoute.values:
        problems.append(Problem("route", "Select how early help began"))
    if route == EarlyHelpRoute.STEP_DOWN:
        if stepped_down_from is None or stepped_down_from.child_id != child.pk:
            problems.append(
                Problem("stepped_down_from", "Select the referral this steps down from")
            )
        else:
            problems += not_before(
                started_on,
                stepped_down_from.referral_date,
                "started_on",
                "start date",
                "referral it steps down from",
            )
    else:
        stepped_down_from = None
    if EarlyHelpEpisode.objects.filter(child=child, ended_on__isnull=True).exists():
        problems.append(Problem(None, f"{child.full_name} already has an open early help episode"))
    refuse_if(problems)
    return EarlyHelpEpisode.objects.create(
        child=child,
        started_on=started_on,
        route=route,
        stepped_down_from=stepped_down_from,
        lead_practitioner=lead,
        lead_agency=lead.agency,
        needs=needs,
        started_by=by,
    )


def _refuse_if_ended(episode: EarlyHelpEpisode) -> None:
    if not episode.is_open:
        refuse_if([Problem(None, "This early help episode has ended")])


@transaction.atomic
def record_assessment_and_plan(
    episode: EarlyHelpEpisode,
    *,
    version: int,
    assessment_started_on: date | None,
    assessment_completed_on: date | None,
    assessment_agency: Agency | None,
    plan_agreed_on: date | None,
    plan: str,
) -> EarlyHelpEpisode:
    """The early help assessment (Annex A list 2) and the plan that follows it."""
    episode.ensure_version(version)
    _refuse_if_ended(episode)
    today = _today()
    problems = []
    steps = [
        ("assessment_started_on", assessment_started_on, "assessment's start"),
        ("assessment_completed_on", assessment_completed_on, "assessment's completion"),
        ("plan_agreed_on", plan_agreed_on, "plan's agreement"),
    ]
    earlier, earlier_what = episode.started_on, "episode's start"
    for field, day, what in steps:
        if day is None:
            continue
        problems += not_in_future(day, today, field, what)
        problems += not_before(day, earlier, field, what, earlier_what)
        earlier, earlier_what = day, what
    if assessment_completed_on and not assessment_started_on:
        problems.append(Problem("assessment_started_on", "Enter when the assessment started"))
    if plan_agreed_on and not assessment_completed_on:
        problems.append(
            Problem("assessment_completed_on", "Enter when the assessment was completed")
        )
    if plan_agreed_on and not plan.strip():
        problems.append(Problem("plan", "Enter what the plan is to achieve"))
    if assessment_started_on and assessment_agency is None:
        problems.append(
            Problem("assessment_agency", "Select the organisation completing the assessment")
        )
    last_review = max(episode.reviews.values_list("held_on", flat=True), default=None)
    if last_review and (plan_agreed_on is None or plan_agreed_on > last_review):
        problems.append(Problem("plan_agreed_on", "The plan has been reviewed since that date"))
    refuse_if(problems)
    episode.assessment_started_on = assessment_started_on
    episode.assessment_completed_on = assessment_completed_on
    episode.assessment_agency = assessment_agency if assessment_started_on else None
    episode.plan_agreed_on, episode.plan = plan_agreed_on, plan
    episode.save_from(version)
    return episode


@transaction.atomic
def change_lead(episode: EarlyHelpEpisode, *, version: int, lead: User) -> EarlyHelpEpisode:
    episode.ensure_version(version)
    _refuse_if_ended(episode)
    problems = _lead_problems(lead)
    if lead.pk == episode.lead_practitioner_id:
        problems.append(Problem("lead_practitioner", f"{lead} already leads this episode"))
    refuse_if(problems)
    episode.lead_practitioner, episode.lead_agency = lead, lead.agency
    episode.save_from(version)
    return episode


def review(episode: EarlyHelpEpisode, *, held_on: date, notes: str, by: User) -> EarlyHelpReview:
    _refuse_if_ended(episode)
    if episode.plan_agreed_on is None:
        refuse_if([Problem(None, "Record the plan before reviewing it")])
    problems = not_in_future(held_on, _today(), "held_on", "review")
    problems += not_before(held_on, episode.plan_agreed_on, "held_on", "review", "plan's agreement")
    refuse_if(problems)
    return EarlyHelpReview.objects.create(
        episode=episode, held_on=held_on, notes=notes, recorded_by=by
    )


@transaction.atomic
def end_early_help(
    episode: EarlyHelpEpisode, *, version: int, ended_on: date, outcome: str, notes: str = ""
) -> EarlyHelpEpisode:
    episode.ensure_version(version)
    _refuse_if_ended(episode)
    dates = [episode.started_on, *episode.reviews.values_list("held_on", flat=True)]
    dates += [d for d in (episode.assessment_completed_on, episode.plan_agreed_on) if d]
    dates += episode.steps_up.values_list("stepped_up_on", flat=True)
    problems = not_in_future(ended_on, _today(), "ended_on", "end date")
    problems += not_before(ended_on, max(dates), "ended_on", "end", "last thing recorded")
    if outcome not in EarlyHelpOutcome.values:
        problems.append(Problem("outcome", "Select the outcome of early help"))
    if outcome == EarlyHelpOutcome.STEPPED_UP and not episode.steps_up.exists():
        problems.append(
            Problem("outcome", "Step up to children's social care first, from the episode's page")
        )
    refuse_if(problems)
    episode.ended_on, episode.outcome, episode.outcome_notes = ended_on, outcome, notes
    episode.save_from(version)
    return episode


def _lives_with(child: Child) -> str:
    household = [r for r in child.relationships.select_related("person") if r.lives_with_child]
    return "; ".join(f"{r.name} ({r.get_kind_display().lower()})" for r in household) or (
        "Not recorded on the child's record"
    )


@transaction.atomic
def step_up(
    episode: EarlyHelpEpisode,
    *,
    reason: str,
    concerns: list[str],
    immediate_danger: bool,
    family_aware: bool,
    lawful_basis: str,
    lawful_basis_details: str = "",
    idempotency_key: uuid.UUID | None = None,
    by: User,
    at: datetime | None = None,
) -> StepUp:
    """Ask children's social care to act: a contact at the front door, straight into the MASH
    queue, with the early help so far as its history. A repeated submit finds the first."""
    if idempotency_key:
        done = StepUp.objects.filter(contact__idempotency_key=idempotency_key).first()
        if done is not None:
            return done
    _refuse_if_ended(episode)
    problems = []
    if not reason.strip():
        problems.append(Problem("reason", "Enter what has changed and why you are stepping up"))
    if not concerns or set(concerns) - set(Concern.values):
        problems.append(Problem("concerns", "Select what you are worried about"))
    if lawful_basis not in LawfulBasis.values:
        problems.append(Problem("lawful_basis", "Select the basis for sharing this information"))
    elif lawful_basis == LawfulBasis.OTHER and not lawful_basis_details.strip():
        problems.append(
            Problem("lawful_basis_details", "Enter the basis for sharing this information")
        )
    refuse_if(problems)
    child = episode.child
    address = child.current_address
    history = (
        f"Early help since {episode.started_on:%-d %B %Y}, led by {episode.lead_practitioner} "
        f"({episode.lead_agency})."
    )
    if episode.plan_agreed_on:
        history += f" Plan agreed {episode.plan_agreed_on:%-d %B %Y}: {episode.plan}"
    contact = open_contact(
        Contact(
            received_at=at,
            idempotency_key=idempotency_key,
            channel=Channel.STEP_UP,
            referrer=by,
            referrer_name=by.full_name,
            referrer_role=by.job_title,
            referrer_agency=by.agency,
            referrer_email=by.email,
            child=child,
            child_first_name=child.first_name,
            child_last_name=child.last_name,
            child_date_of_birth=child.date_of_birth,
            child_nhs_number=child.nhs_number,
            child_address=f"{address.line_1}, {address.town}" if address else "",
            child_postcode=address.postcode if address else "",
            lives_with=_lives_with(child),
            concerns=concerns,
            what_happened=reason,
            immediate_danger=immediate_danger,
            early_help_offered=EarlyHelpOffered.YES,
            early_help_details=history,
            family_aware=family_aware,
            lawful_basis=lawful_basis,
            lawful_basis_details=lawful_basis_details,
        ),
        recorded_by=by,
    )
    return StepUp.objects.create(
        episode=episode,
        contact=contact,
        stepped_up_on=timezone.localdate(contact.received_at),
        reason=reason,
        stepped_up_by=by,
    )

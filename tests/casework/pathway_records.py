"""A child's child protection pathway made the way the service makes it: through the services, with
every date passed in.

- `make_staff()`: a social worker and a team manager in one team, a conference chair and a MASH
  manager, all in one council.
- `refer(child, on=..., by=...)`: a contact received at 10:00 on that day and the MASH manager's
  decision of "strategy discussion" an hour later, which makes the referral (dated `on`).
- `discuss(referral, on=..., by=...)`: a quorate strategy discussion deciding a joint s47 enquiry.
- `begin_enquiry`, `conclude_enquiry`, `hold_conference`: the next steps, one service call each.
- `child_on_plan(child, staff, ...)`: all of the above, to a plan starting on the conference date;
  returns a `Pathway` holding each record.
- `database_state()`: every row of the pathway's tables (with their history) and the referrals, to
  show that a refused action changed nothing.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.apps import apps
from factories import AgencyFactory, TeamFactory, UserFactory
from factories_frontdoor import make_contact, make_threshold_document

from safeguard.access.models import Team, User
from safeguard.casework import services
from safeguard.casework.codes import (
    Attendee,
    CategoryOfAbuse,
    ConferenceOutcome,
    EnquiryOutcome,
    StrategyDecision,
)
from safeguard.casework.models import (
    InitialConference,
    ProtectionPlan,
    Section47Enquiry,
    StrategyDiscussion,
)
from safeguard.frontdoor import services as frontdoor
from safeguard.frontdoor.codes import Outcome, PrimaryNeed
from safeguard.frontdoor.models import Referral, ThresholdDocument
from safeguard.people.models import Child

LONDON = ZoneInfo("Europe/London")
STATUTORY = [Attendee.LOCAL_AUTHORITY, Attendee.POLICE, Attendee.HEALTH]


@dataclass(frozen=True)
class Staff:
    worker: User
    manager: User
    chair: User
    mash_manager: User
    team: Team


def make_staff(team_name: str = "Hereford North") -> Staff:
    council = AgencyFactory(name="Westshire Council Children's Services")
    team = TeamFactory(agency=council, name=team_name)
    worker = UserFactory(role="social_worker", agency=council)
    manager = UserFactory(role="team_manager", agency=council)
    worker.teams.add(team)
    manager.teams.add(team)
    return Staff(
        worker=worker,
        manager=manager,
        chair=UserFactory(role="conference_chair", agency=council),
        mash_manager=UserFactory(role="mash_manager", agency=council),
        team=team,
    )


def refer(child: Child, *, on: date, by: User) -> Referral:
    """The MASH refers the child to social care for a strategy discussion; the referral is `on`."""
    received_at = datetime.combine(on, time(10), tzinfo=LONDON)
    document = ThresholdDocument.in_force_on(on) or make_threshold_document()
    contact = make_contact(recorded_by=by, received_at=received_at, child=child)
    frontdoor.decide(
        contact,
        level=document.levels.get(number=4),
        outcome=Outcome.STRATEGY_DISCUSSION,
        reasoning="Bruising seen by the school nurse; the child says her stepfather hit her.",
        feedback="Thank you: this has gone to a strategy discussion.",
        by=by,
        primary_need=PrimaryNeed.ABUSE_OR_NEGLECT,
        at=received_at + timedelta(hours=1),
    )
    return Referral.objects.get(contact=contact)


def discuss(
    referral: Referral,
    *,
    on: date,
    by: User,
    decision: str = StrategyDecision.JOINT_S47,
    attendees: list[str] | None = None,
) -> StrategyDiscussion:
    return services.record_strategy_discussion(
        referral,
        held_on=on,
        attendees=STATUTORY if attendees is None else attendees,
        what_was_known="Bruising to the upper arm; a previous referral in 2022.",
        decision=decision,
        rationale="Reasonable cause to suspect significant harm.",
        by=by,
    )


def begin_enquiry(discussion: StrategyDiscussion, *, on: date) -> Section47Enquiry:
    return services.start_enquiry(discussion, started_on=on)


def conclude_enquiry(
    enquiry: Section47Enquiry, *, on: date, outcome: str = EnquiryOutcome.CONFERENCE
) -> Section47Enquiry:
    return services.record_enquiry_outcome(
        enquiry, version=enquiry.version, outcome=outcome, completed_on=on
    )


def hold_conference(
    enquiry: Section47Enquiry,
    *,
    on: date,
    chair: User,
    category: str = CategoryOfAbuse.NEGLECT,
    late_reason: str = "",
) -> InitialConference:
    """A quorate initial conference that puts the child on a plan under `category`."""
    return services.hold_initial_conference(
        enquiry,
        held_on=on,
        chair=chair,
        attendees=STATUTORY,
        outcome=ConferenceOutcome.PLAN,
        category=category,
        late_reason=late_reason,
        objectives="Regular meals, clean clothes, school every day.",
    )


@dataclass(frozen=True)
class Pathway:
    referral: Referral
    discussion: StrategyDiscussion
    enquiry: Section47Enquiry
    conference: InitialConference
    plan: ProtectionPlan


def child_on_plan(
    child: Child,
    staff: Staff,
    *,
    referred_on: date,
    discussed_on: date,
    concluded_on: date,
    conference_on: date,
    category: str = CategoryOfAbuse.NEGLECT,
) -> Pathway:
    """Referral, strategy discussion (the enquiry starts that day), outcome, conference, plan."""
    referral = refer(child, on=referred_on, by=staff.mash_manager)
    discussion = discuss(referral, on=discussed_on, by=staff.worker)
    enquiry = conclude_enquiry(begin_enquiry(discussion, on=discussed_on), on=concluded_on)
    conference = hold_conference(enquiry, on=conference_on, chair=staff.chair, category=category)
    return Pathway(referral, discussion, enquiry, conference, conference.plan)


def database_state() -> dict[str, list[dict[str, object]]]:
    """Every row of the casework tables, their history tables and the referrals'.

    The settings row is left out: reading the settings makes it on first use.
    """
    models = [
        model
        for model in apps.get_app_config("casework").get_models()
        if model._meta.model_name != "caseworksettings"
    ]
    models += [
        apps.get_model("frontdoor", "Referral"),
        apps.get_model("frontdoor", "HistoricalReferral"),
    ]
    return {model._meta.label: list(model.objects.order_by("pk").values()) for model in models}

"""The demo children's journeys through the pathway, made through the pathway's own services.

Each referral from the demo front door is allocated, assessed and, where the concerns call for it,
taken through a strategy discussion, a section 47 enquiry, an initial conference and a plan with
its core groups, visits and reviews, at rates and timeliness close to England's (MEASURES.md): most
assessments inside 45 working days, about three in four conferences inside 15. Steps that would
fall after today are left undone, so the work trays show what is due.
"""

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone
from faker import Faker

from safeguard.access.models import Agency, AgencyKind, Role, Team, User
from safeguard.casework import services
from safeguard.casework.codes import (
    AssessmentFactor,
    AssessmentOutcome,
    Attendee,
    CategoryOfAbuse,
    ConferenceOutcome,
    EnquiryOutcome,
    PlanEndReason,
    ReviewDecision,
    StrategyDecision,
)
from safeguard.casework.models import ProtectionPlan
from safeguard.casework.rules import PathwayError
from safeguard.core.calendar import add_months, add_working_days
from safeguard.frontdoor.codes import Outcome
from safeguard.frontdoor.models import ReasonForClosure, Referral

CATEGORIES = [
    (CategoryOfAbuse.NEGLECT, 48),
    (CategoryOfAbuse.EMOTIONAL, 34),
    (CategoryOfAbuse.PHYSICAL, 8),
    (CategoryOfAbuse.SEXUAL, 4),
    (CategoryOfAbuse.MULTIPLE, 6),
]
ASSESSMENT_OUTCOMES = [
    (AssessmentOutcome.NO_FURTHER_ACTION, 30),
    (AssessmentOutcome.EARLY_HELP, 15),
    (AssessmentOutcome.CHILD_IN_NEED_PLAN, 40),
    (AssessmentOutcome.STRATEGY_DISCUSSION, 15),
]
FACTORS = [f for f in AssessmentFactor if f != AssessmentFactor.NO_FACTORS]
EVERYONE = [Attendee.LOCAL_AUTHORITY, Attendee.POLICE, Attendee.HEALTH, Attendee.EDUCATION]
# Enough social workers for caseloads of twenty to forty, across two teams.
WORKERS_BY_TEAM = {"Assessment team": 14, "Child protection team": 20}


def _pick(rng: random.Random, weighted: list[tuple[str, int]]) -> str:
    return rng.choices([w[0] for w in weighted], weights=[w[1] for w in weighted])[0]


def _workers() -> tuple[list[User], User, User]:
    council = Agency.objects.get(kind=AgencyKind.CHILDRENS_SERVICES)
    role = Role.objects.get(key="social_worker")
    fake = Faker("en_GB")
    fake.seed_instance(17)
    for team_name, size in WORKERS_BY_TEAM.items():
        team = Team.objects.get(agency=council, name=team_name)
        for number in range(size):
            name = fake.name()
            email = f"worker{len(team_name)}-{number}@council.example.org"
            user, made = User.objects.get_or_create(
                email=email,
                defaults={
                    "full_name": name,
                    "agency": council,
                    "role": role,
                    "job_title": "Social worker",
                },
            )
            if made:
                user.set_unusable_password()
                user.save()
                user.teams.set([team])
    # The demo social worker gets a realistic caseload of his own (see _journey).
    workers = list(
        User.objects.filter(role=role, teams__isnull=False)
        .exclude(email="tom.griffiths@council.example.org")
        .distinct()
    )
    manager = User.objects.get(email="rachel.evans@council.example.org")
    chair = User.objects.get(email="gareth.lloyd@council.example.org")
    return workers, manager, chair


@dataclass
class Cast:
    rng: random.Random
    today: date
    workers: list[User]
    tom: User
    manager: User
    chair: User
    counts: dict[str, int] = field(
        default_factory=lambda: dict.fromkeys(("assessments", "plans", "refused"), 0)
    )

    def done_by_today(self, day: date) -> bool:
        return day <= self.today


@transaction.atomic
def seed_pathway(*, seed: int = 2017, today: date | None = None) -> dict[str, int]:
    workers, manager, chair = _workers()
    cast = Cast(
        rng=random.Random(seed),
        today=today or timezone.localdate(),
        workers=workers,
        tom=User.objects.get(email="tom.griffiths@council.example.org"),
        manager=manager,
        chair=chair,
    )
    referrals = Referral.objects.select_related("child", "contact__decision").order_by(
        "referral_date"
    )
    for referral in referrals:
        try:
            _journey(cast, referral)
        except PathwayError:
            # A child already on a plan from an earlier referral, say: the rules say no, as
            # they would to a worker. The demo moves on.
            cast.counts["refused"] += 1
    return cast.counts


def _journey(cast: Cast, referral: Referral) -> None:
    rng, today = cast.rng, cast.today
    child = referral.child
    start = referral.referral_date
    # Recent cases go to the demo social worker so his work tray has something to show.
    worker = (
        cast.tom if (today - start).days < 120 and rng.random() < 0.05 else rng.choice(cast.workers)
    )
    current = child.allocations.filter(ended_on__isnull=True).first()
    if current is None or current.started_on <= start:
        services.allocate(child, worker, worker.teams.first(), on=start, by=cast.manager)
    decided = referral.contact.decision.outcome if referral.contact_id else Outcome.ASSESSMENT
    straight_to_strategy = decided == Outcome.STRATEGY_DISCUSSION
    outcome = (
        AssessmentOutcome.STRATEGY_DISCUSSION
        if straight_to_strategy
        else _pick(rng, ASSESSMENT_OUTCOMES)
    )

    assessment_start = add_working_days(start, rng.randint(0, 3))
    if not cast.done_by_today(assessment_start):
        return
    assessment = services.start_assessment(referral, started_on=assessment_start, worker=worker)
    cast.counts["assessments"] += 1
    # About 83% inside 45 working days (England 2016-17: 82.9%, median 29).
    length = rng.randint(12, 44) if rng.random() < 0.83 else rng.randint(46, 70)
    completed = add_working_days(start, length)
    if not cast.done_by_today(completed):
        return
    factors = rng.sample(FACTORS, rng.randint(1, 3))
    late = "Waiting for a health report" if completed > assessment.due_on else ""
    services.complete_assessment(
        assessment,
        version=assessment.version,
        factors=factors,
        outcome=outcome,
        completed_on=completed,
        late_reason=late,
    )
    authorised = add_working_days(completed, rng.randint(0, 2))
    if not cast.done_by_today(authorised):
        return
    services.authorise_assessment(
        assessment, version=assessment.version, by=cast.manager, on=authorised
    )

    if outcome == AssessmentOutcome.STRATEGY_DISCUSSION:
        _protection(cast, referral, assessment_start, worker)
    elif outcome == AssessmentOutcome.CHILD_IN_NEED_PLAN:
        _child_in_need(cast, referral, authorised, worker)
    else:
        services.close_referral(
            referral,
            closed_on=authorised,
            reason=ReasonForClosure.NFA_AFTER_ASSESSMENT
            if outcome == AssessmentOutcome.NO_FURTHER_ACTION
            else ReasonForClosure.EARLY_HELP_AFTER_ASSESSMENT,
        )


def _protection(cast: Cast, referral: Referral, from_day: date, worker: User) -> None:
    rng, chair = cast.rng, cast.chair
    held = add_working_days(from_day, rng.randint(0, 2))
    if not cast.done_by_today(held):
        return
    joint = rng.random() < 0.6
    decision = (
        StrategyDecision.NO_S47
        if rng.random() < 0.15
        else (StrategyDecision.JOINT_S47 if joint else StrategyDecision.SINGLE_AGENCY_S47)
    )
    discussion = services.record_strategy_discussion(
        referral,
        held_on=held,
        attendees=EVERYONE,
        what_was_known="Previous contacts and partner information.",
        decision=decision,
        rationale="Reasonable cause to suspect significant harm.",
        by=worker,
    )
    if decision == StrategyDecision.NO_S47:
        _close_after(cast, referral, held, ReasonForClosure.CEASED)
        return
    enquiry = services.start_enquiry(discussion, started_on=held)
    ended = add_working_days(held, rng.randint(5, 9))
    if not cast.done_by_today(ended):
        return
    result = _pick(
        rng,
        [
            (EnquiryOutcome.CONFERENCE, 45),
            (EnquiryOutcome.NO_CONFERENCE, 25),
            (EnquiryOutcome.NOT_SUBSTANTIATED, 30),
        ],
    )
    services.record_enquiry_outcome(
        enquiry, version=enquiry.version, outcome=result, completed_on=ended
    )
    if result == EnquiryOutcome.NO_CONFERENCE:
        _child_in_need(cast, referral, ended, worker)
    if result != EnquiryOutcome.CONFERENCE:
        if result == EnquiryOutcome.NOT_SUBSTANTIATED:
            _close_after(cast, referral, ended, ReasonForClosure.CEASED)
        return
    # About 77% of initial conferences inside 15 working days.
    conference_day = add_working_days(
        held, rng.randint(10, 15) if rng.random() < 0.77 else rng.randint(16, 22)
    )
    if not cast.done_by_today(conference_day):
        return
    on_plan = rng.random() < 0.86
    conference = services.hold_initial_conference(
        enquiry,
        held_on=conference_day,
        chair=chair,
        attendees=EVERYONE if rng.random() < 0.9 else EVERYONE[:2],
        outcome=ConferenceOutcome.PLAN if on_plan else ConferenceOutcome.NO_PLAN,
        category=_pick(rng, CATEGORIES) if on_plan else "",
        late_reason="Police could not attend sooner"
        if conference_day > enquiry.conference_due_on
        else "",
        objectives="Keep the children safe from harm at home; regular school attendance.",
    )
    if on_plan:
        cast.counts["plans"] += 1
        _plan_life(cast, conference.plan, worker)
    else:
        _child_in_need(cast, referral, conference_day, worker)


def _plan_life(cast: Cast, plan: ProtectionPlan, worker: User) -> None:
    rng, today, chair = cast.rng, cast.today, cast.chair
    core = add_working_days(plan.started_on, rng.randint(5, 10))
    if cast.done_by_today(core):
        services.record_core_group(
            plan, held_on=core, attendees=EVERYONE, notes="Plan agreed", by=worker
        )
    lasts = rng.choice([90, 150, 200, 270, 365, 450, 800])  # days; a few run past two years
    review = add_months(plan.started_on, 3) - timedelta(days=rng.randint(0, 10))
    visit = add_working_days(plan.started_on, rng.randint(3, 10))
    ends_on = plan.started_on + timedelta(days=lasts)
    while visit <= min(today, ends_on):
        services.record_visit(
            plan.child,
            visited_on=visit,
            seen=rng.random() < 0.95,
            seen_alone=rng.random() < 0.6,
            notes="",
            by=worker,
        )
        visit = add_working_days(visit, rng.randint(7, 12))
    while cast.done_by_today(review):
        ending = review >= ends_on
        plan.refresh_from_db()
        new_category = plan.latest_category if rng.random() < 0.9 else _pick(rng, CATEGORIES)
        services.hold_review(
            plan,
            version=plan.version,
            held_on=review,
            chair=chair,
            decision=ReviewDecision.END if ending else ReviewDecision.CONTINUE,
            category=new_category,
            category_reason="The assessment now shows emotional harm as the main concern"
            if new_category != plan.latest_category
            else "",
            end_reason=PlanEndReason.NO_LONGER_AT_RISK if ending else "",
        )
        if ending:
            services.close_referral(plan.referral, closed_on=review, reason=ReasonForClosure.CEASED)
            return
        review = add_months(review, 6)


def _close_after(cast: Cast, referral: Referral, day: date, reason: str) -> None:
    closed = add_working_days(day, cast.rng.randint(1, 10))
    if cast.done_by_today(closed):
        services.close_referral(referral, closed_on=closed, reason=reason)


def _child_in_need(cast: Cast, referral: Referral, start: date, worker: User) -> None:
    rng = cast.rng
    plan = services.start_cin_plan(referral, started_on=start, objectives="Support for the family.")
    review = add_months(start, 3)
    ends = start + timedelta(days=rng.choice([120, 200, 300, 500]))
    while cast.done_by_today(review) and review < ends:
        services.review_cin_plan(plan, held_on=review, notes="Progress made", by=worker)
        review = add_months(review, 3)
    if cast.done_by_today(ends):
        plan.refresh_from_db()
        services.end_cin_plan(plan, version=plan.version, ended_on=ends)
        services.close_referral(referral, closed_on=ends, reason=ReasonForClosure.CEASED)

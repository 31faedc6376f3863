"""The pathway's actions. Forms, the demo and the journey loader all go through these, so every
record obeys the same rules (rules.py) and timescales (timescales.py)."""

from datetime import date

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from safeguard.access.models import Team, User
from safeguard.casework import timescales
from safeguard.casework.codes import (
    AssessmentFactor,
    AssessmentOutcome,
    CategoryOfAbuse,
    ConferenceOutcome,
    EnquiryOutcome,
    PlanEndReason,
    ReviewDecision,
)
from safeguard.casework.models import (
    Allocation,
    Assessment,
    CategoryChange,
    ChildInNeedPlan,
    ChildInNeedReview,
    CoreGroupMeeting,
    InitialConference,
    ProtectionPlan,
    ReviewConference,
    Section47Enquiry,
    StrategyDiscussion,
    Visit,
)
from safeguard.casework.rules import (
    Problem,
    not_before,
    not_in_future,
    on_open_referral,
    reason_when_late,
    refuse_if,
)
from safeguard.frontdoor.models import ReasonForClosure, Referral
from safeguard.people.models import Child


def _today() -> date:
    return timezone.localdate()


@transaction.atomic
def allocate(child: Child, worker: User, team: Team, *, on: date, by: User) -> Allocation:
    """Allocate the child; the current allocation ends that day, so the history is kept."""
    current = (
        Allocation.objects.select_for_update().filter(child=child, ended_on__isnull=True).first()
    )
    problems = not_in_future(on, _today(), "started_on", "allocation date")
    if current is not None:
        problems += not_before(
            on, current.started_on, "started_on", "allocation", "current allocation"
        )
    if not worker.teams.filter(pk=team.pk).exists():
        problems.append(Problem("worker", f"{worker} is not a member of {team.name}"))
    refuse_if(problems)
    if current is not None:
        current.ended_on = on
        current.save(update_fields=["ended_on"])
    return Allocation.objects.create(
        child=child, worker=worker, team=team, started_on=on, allocated_by=by
    )


def start_assessment(referral: Referral, *, started_on: date, worker: User | None) -> Assessment:
    problems = on_open_referral(referral, started_on, "started_on", "assessment start")
    problems += not_in_future(started_on, _today(), "started_on", "assessment start")
    if referral.assessments.filter(authorised_on__isnull=True).exists():
        problems.append(Problem(None, "This referral already has an assessment in progress"))
    refuse_if(problems)
    return Assessment.objects.create(
        referral=referral,
        worker=worker,
        started_on=started_on,
        due_on=timescales.assessment_due(referral.referral_date),
    )


@transaction.atomic
def complete_assessment(
    assessment: Assessment,
    *,
    version: int,
    factors: list[str],
    outcome: str,
    completed_on: date,
    late_reason: str = "",
) -> Assessment:
    assessment.ensure_version(version)
    problems = not_before(
        completed_on, assessment.started_on, "completed_on", "completion date", "start"
    )
    problems += not_in_future(completed_on, _today(), "completed_on", "completion date")
    problems += on_open_referral(
        assessment.referral, completed_on, "completed_on", "completion date"
    )
    problems += reason_when_late(
        completed_on, assessment.due_on, late_reason, "late_reason", "assessment"
    )
    if "21" in factors and len(factors) > 1:
        problems.append(
            Problem("factors", "Select ‘No factors identified’ on its own, or the factors found")
        )
    if not factors:
        problems.append(
            Problem("factors", "Select the factors identified, or ‘No factors identified’")
        )
    if set(factors) - set(AssessmentFactor.values):
        problems.append(Problem("factors", "Select factors from the CIN census list"))
    if outcome not in AssessmentOutcome.values:
        problems.append(Problem("outcome", "Select the outcome of the assessment"))
    if not assessment.is_open:
        problems.append(
            Problem(None, "The assessment has been authorised and can no longer change")
        )
    refuse_if(problems)
    assessment.factors, assessment.outcome = factors, outcome
    assessment.completed_on, assessment.late_reason = completed_on, late_reason
    assessment.save_from(version)
    return assessment


@transaction.atomic
def authorise_assessment(assessment: Assessment, *, version: int, by: User, on: date) -> Assessment:
    """A manager signs off a completed assessment (AssessmentAuthorisationDate)."""
    assessment.ensure_version(version)
    problems = []
    if assessment.completed_on is None:
        problems.append(Problem(None, "The assessment must be completed before it is authorised"))
    else:
        problems += not_before(
            on, assessment.completed_on, "authorised_on", "authorisation", "completion"
        )
    problems += not_in_future(on, _today(), "authorised_on", "authorisation date")
    if by == assessment.worker:
        problems.append(
            Problem(None, "A manager other than the assessing worker must authorise it")
        )
    if not assessment.is_open:
        problems.append(Problem(None, "The assessment has already been authorised"))
    refuse_if(problems)
    assessment.authorised_on, assessment.authorised_by = on, by
    # An assessment that ends in no further action closes the case with RC8; ReferralNFA is
    # something else (no action on the referral at all, CIN rule 8831), so it stays as it is.
    assessment.save_from(version)
    return assessment


@transaction.atomic
def record_strategy_discussion(
    referral: Referral,
    *,
    held_on: date,
    attendees: list[str],
    what_was_known: str,
    decision: str,
    rationale: str,
    by: User,
) -> StrategyDiscussion:
    from safeguard.casework.codes import Attendee

    problems = on_open_referral(referral, held_on, "held_on", "strategy discussion")
    problems += not_in_future(held_on, _today(), "held_on", "strategy discussion")
    missing = Attendee.statutory() - set(attendees)
    if missing:
        names = ", ".join(sorted(Attendee(m).label.lower() for m in missing))
        problems.append(
            Problem(
                "attendees",
                f"A strategy discussion needs the local authority, police and health: add {names}",
            )
        )
    refuse_if(problems)
    discussion = StrategyDiscussion.objects.create(
        referral=referral,
        held_on=held_on,
        attendees=attendees,
        what_was_known=what_was_known,
        decision=decision,
        rationale=rationale,
        recorded_by=by,
    )
    for enquiry in referral.enquiries.filter(
        conference__isnull=True, outcome__in=["", EnquiryOutcome.CONFERENCE]
    ):
        timescales.refresh_conference_due(enquiry)
        enquiry.save(update_fields=["conference_due_on"])
    return discussion


def start_enquiry(discussion: StrategyDiscussion, *, started_on: date) -> Section47Enquiry:
    referral = discussion.referral
    problems = []
    if not discussion.starts_enquiry:
        problems.append(
            Problem(None, "This strategy discussion decided there would be no section 47 enquiry")
        )
    if discussion.enquiries.exists():
        problems.append(
            Problem(None, "An enquiry has already started from this strategy discussion")
        )
    problems += not_before(
        started_on, discussion.held_on, "started_on", "enquiry start", "strategy discussion"
    )
    problems += on_open_referral(referral, started_on, "started_on", "enquiry start")
    problems += not_in_future(started_on, _today(), "started_on", "enquiry start")
    refuse_if(problems)
    return Section47Enquiry.objects.create(
        referral=referral,
        strategy_discussion=discussion,
        started_on=started_on,
        conference_due_on=timescales.conference_due(discussion),
    )


@transaction.atomic
def record_enquiry_outcome(
    enquiry: Section47Enquiry, *, version: int, outcome: str, completed_on: date
) -> Section47Enquiry:
    enquiry.ensure_version(version)
    problems = not_before(
        completed_on, enquiry.started_on, "completed_on", "enquiry's end", "enquiry's start"
    )
    problems += not_in_future(completed_on, _today(), "completed_on", "enquiry's end")
    problems += on_open_referral(enquiry.referral, completed_on, "completed_on", "enquiry's end")
    if InitialConference.objects.filter(enquiry=enquiry).exists():
        problems.append(
            Problem(None, "The initial conference has been held: the outcome can no longer change")
        )
    refuse_if(problems)
    enquiry.outcome, enquiry.completed_on = outcome, completed_on
    enquiry.save_from(version)
    return enquiry


@transaction.atomic
def hold_initial_conference(
    enquiry: Section47Enquiry,
    *,
    held_on: date,
    chair: User,
    attendees: list[str],
    outcome: str,
    category: str = "",
    dissent: str = "",
    late_reason: str = "",
    objectives: str = "",
) -> InitialConference:
    """Record the initial conference; a plan starts on the conference date."""
    referral = enquiry.referral
    # Lock the child: two conferences saved at once must not both start a plan.
    child = Child.objects.select_for_update().get(pk=referral.child_id)
    problems = []
    if InitialConference.objects.filter(enquiry=enquiry).exists():
        problems.append(
            Problem(None, "The initial conference for this enquiry has already been recorded")
        )
    if enquiry.outcome != EnquiryOutcome.CONFERENCE:
        problems.append(Problem(None, "Record the enquiry's outcome as needing a conference first"))
    problems += not_before(
        held_on, enquiry.started_on, "held_on", "conference", "section 47 enquiry"
    )
    problems += on_open_referral(referral, held_on, "held_on", "conference")
    problems += not_in_future(held_on, _today(), "held_on", "conference")
    problems += reason_when_late(
        held_on, enquiry.conference_due_on, late_reason, "late_reason", "conference"
    )
    if outcome == ConferenceOutcome.PLAN:
        if not category:
            problems.append(Problem("category", "Select the category of abuse for the plan"))
        if ProtectionPlan.objects.filter(child=child, ended_on__isnull=True).exists():
            problems.append(Problem(None, "The child is already on a protection plan"))
    elif category:
        problems.append(
            Problem("category", "A category is only recorded when the child goes on a plan")
        )
    refuse_if(problems)
    conference = InitialConference.objects.create(
        enquiry=enquiry,
        held_on=held_on,
        chair=chair,
        attendees=attendees,
        outcome=outcome,
        category=category,
        dissent=dissent,
        late_reason=late_reason,
    )
    if outcome == ConferenceOutcome.PLAN:
        ProtectionPlan.objects.create(
            child=child,
            referral=referral,
            conference=conference,
            started_on=held_on,
            initial_category=category,
            latest_category=category,
            objectives=objectives,
            previous_plans=ProtectionPlan.objects.filter(child=child).count(),
        )
    return conference


@transaction.atomic
def change_category(
    plan: ProtectionPlan, *, version: int, to: str, reason: str, on: date, by: User
) -> ProtectionPlan:
    plan.ensure_version(version)
    problems = []
    if not plan.is_open:
        problems.append(Problem(None, "The plan has ended"))
    if to not in CategoryOfAbuse.values:
        problems.append(Problem("category", "Select a category of abuse"))
    if to == plan.latest_category:
        problems.append(Problem("category", "Select a different category from the current one"))
    if not reason.strip():
        problems.append(Problem("reason", "Enter the reason for changing the category"))
    problems += not_before(on, plan.started_on, "changed_on", "change", "plan's start")
    problems += not_in_future(on, _today(), "changed_on", "change")
    last = _last_category_decision(plan)
    if last:
        problems += not_before(on, last, "changed_on", "change", "last category decision")
    refuse_if(problems)
    CategoryChange.objects.create(
        plan=plan,
        changed_on=on,
        from_category=plan.latest_category,
        to_category=to,
        reason=reason,
        changed_by=by,
    )
    plan.latest_category = to
    plan.save_from(version)
    return plan


def _last_category_decision(plan: ProtectionPlan) -> date | None:
    """When the category was last decided: a change or a review, whichever came later."""
    dates = list(plan.category_changes.values_list("changed_on", flat=True))
    dates += list(plan.reviews.values_list("held_on", flat=True))
    return max(dates, default=None)


def _last_recorded_on_plan(plan: ProtectionPlan) -> date:
    dates = [plan.started_on, *plan.reviews.values_list("held_on", flat=True)]
    dates += plan.core_groups.values_list("held_on", flat=True)
    dates += plan.visits.values_list("visited_on", flat=True)
    dates += plan.category_changes.values_list("changed_on", flat=True)
    return max(dates)


def _during_plan(plan: ProtectionPlan, day: date, field: str, what: str) -> list[Problem]:
    problems = not_before(day, plan.started_on, field, what, "plan's start")
    problems += not_in_future(day, _today(), field, what)
    if plan.ended_on is not None and day > plan.ended_on:
        problems.append(Problem(field, f"The {what} cannot be after the plan ended"))
    return problems


def record_core_group(
    plan: ProtectionPlan, *, held_on: date, attendees: list[str], notes: str, by: User
) -> CoreGroupMeeting:
    refuse_if(_during_plan(plan, held_on, "held_on", "core group meeting"))
    return CoreGroupMeeting.objects.create(
        plan=plan, held_on=held_on, attendees=attendees, notes=notes, recorded_by=by
    )


def record_visit(
    child: Child, *, visited_on: date, seen: bool, seen_alone: bool, notes: str, by: User
) -> Visit:
    # A visit on the day a plan ends still belongs to it.
    plan = (
        ProtectionPlan.objects.filter(child=child, started_on__lte=visited_on)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=visited_on))
        .first()
    )
    problems = not_in_future(visited_on, _today(), "visited_on", "visit")
    if seen_alone and not seen:
        problems.append(Problem("seen_alone", "A child not seen cannot have been seen alone"))
    refuse_if(problems)
    return Visit.objects.create(
        child=child,
        plan=plan,
        visited_on=visited_on,
        seen=seen,
        seen_alone=seen_alone,
        notes=notes,
        visited_by=by,
    )


@transaction.atomic
def hold_review(
    plan: ProtectionPlan,
    *,
    version: int,
    held_on: date,
    chair: User,
    decision: str,
    category: str,
    category_reason: str = "",
    end_reason: str = "",
    notes: str = "",
) -> ReviewConference:
    """A review conference decides whether the plan continues and reviews its category."""
    plan.ensure_version(version)
    problems = [] if plan.is_open else [Problem(None, "The plan has ended")]
    problems += _during_plan(plan, held_on, "held_on", "review")
    last = plan.reviews.order_by("-held_on").values_list("held_on", flat=True).first()
    if last:
        problems += not_before(held_on, last, "held_on", "review", "last review")
    if category != plan.latest_category and not category_reason.strip():
        problems.append(Problem("category_reason", "Enter the reason for changing the category"))
    if decision == ReviewDecision.END and not end_reason:
        problems.append(Problem("end_reason", "Select why the plan is ending"))
    if decision not in ReviewDecision.values:
        problems.append(Problem("decision", "Select whether the plan continues or ends"))
    if category not in CategoryOfAbuse.values:
        problems.append(Problem("category", "Select the category of abuse"))
    if decision == ReviewDecision.END and end_reason and end_reason not in PlanEndReason.values:
        problems.append(Problem("end_reason", "Select why the plan is ending"))
    if decision == ReviewDecision.END:
        problems += not_before(
            held_on,
            _last_recorded_on_plan(plan),
            "held_on",
            "review",
            "last thing recorded on the plan",
        )
    last_category = _last_category_decision(plan)
    if category != plan.latest_category and last_category:
        problems += not_before(
            held_on, last_category, "held_on", "review", "last category decision"
        )
    refuse_if(problems)
    review = ReviewConference.objects.create(
        plan=plan, held_on=held_on, chair=chair, decision=decision, category=category, notes=notes
    )
    if category != plan.latest_category:
        CategoryChange.objects.create(
            plan=plan,
            changed_on=held_on,
            from_category=plan.latest_category,
            to_category=category,
            reason=category_reason,
            changed_by=chair,
        )
        plan.latest_category = category
    if decision == ReviewDecision.END:
        plan.ended_on, plan.end_reason = held_on, end_reason
    plan.save_from(version)
    return review


@transaction.atomic
def end_plan(plan: ProtectionPlan, *, version: int, ended_on: date, reason: str) -> ProtectionPlan:
    """End a plan outside a review (the child moved away, became looked after, turned 18)."""
    plan.ensure_version(version)
    problems = [] if plan.is_open else [Problem(None, "The plan has already ended")]
    problems += _during_plan(plan, ended_on, "ended_on", "end date")
    if reason not in PlanEndReason.values:
        problems.append(Problem("reason", "Select why the plan is ending"))
    problems += not_before(
        ended_on,
        _last_recorded_on_plan(plan),
        "ended_on",
        "end date",
        "last thing recorded on the plan",
    )
    refuse_if(problems)
    plan.ended_on, plan.end_reason = ended_on, reason
    plan.save_from(version)
    return plan


@transaction.atomic
def start_cin_plan(referral: Referral, *, started_on: date, objectives: str) -> ChildInNeedPlan:
    Child.objects.select_for_update().get(pk=referral.child_id)
    problems = on_open_referral(referral, started_on, "started_on", "plan start")
    problems += not_in_future(started_on, _today(), "started_on", "plan start")
    if referral.cin_plans.filter(ended_on__isnull=True).exists():
        problems.append(Problem(None, "This referral already has an open child in need plan"))
    if ProtectionPlan.objects.filter(child=referral.child, ended_on__isnull=True).exists():
        problems.append(
            Problem(None, "The child is on a protection plan, which includes a child in need plan")
        )
    refuse_if(problems)
    return ChildInNeedPlan.objects.create(
        referral=referral, started_on=started_on, objectives=objectives
    )


def review_cin_plan(
    plan: ChildInNeedPlan, *, held_on: date, notes: str, by: User
) -> ChildInNeedReview:
    problems = not_before(held_on, plan.started_on, "held_on", "review", "plan's start")
    problems += not_in_future(held_on, _today(), "held_on", "review")
    if plan.ended_on and held_on > plan.ended_on:
        problems.append(Problem("held_on", "The review cannot be after the plan ended"))
    refuse_if(problems)
    return ChildInNeedReview.objects.create(plan=plan, held_on=held_on, notes=notes, recorded_by=by)


@transaction.atomic
def end_cin_plan(plan: ChildInNeedPlan, *, version: int, ended_on: date) -> ChildInNeedPlan:
    plan.ensure_version(version)
    problems = not_before(ended_on, plan.started_on, "ended_on", "end date", "plan's start")
    problems += not_in_future(ended_on, _today(), "ended_on", "end date")
    if plan.ended_on:
        problems.append(Problem(None, "The plan has already ended"))
    last_review = max(plan.reviews.values_list("held_on", flat=True), default=None)
    if last_review:
        problems += not_before(ended_on, last_review, "ended_on", "end date", "last review")
    refuse_if(problems)
    plan.ended_on = ended_on
    plan.save_from(version)
    return plan


def _latest_activity(referral: Referral) -> date:
    dates = [referral.referral_date]
    for queryset, field in (
        (referral.assessments.all(), "authorised_on"),
        (referral.assessments.all(), "started_on"),
        (referral.strategy_discussions.all(), "held_on"),
        (referral.enquiries.all(), "completed_on"),
        (referral.enquiries.all(), "started_on"),
        (InitialConference.objects.filter(enquiry__referral=referral), "held_on"),
        (referral.protection_plans.all(), "ended_on"),
        (referral.cin_plans.all(), "ended_on"),
    ):
        dates += [d for d in queryset.values_list(field, flat=True) if d]
    return max(dates)


@transaction.atomic
def close_referral(referral: Referral, *, closed_on: date, reason: str) -> Referral:
    """Close the episode with its CIN census reason; nothing may still be open."""
    referral = Referral.objects.select_for_update().get(pk=referral.pk)
    problems = []
    if referral.closed_on:
        problems.append(Problem(None, "This referral is already closed"))
    if reason not in ReasonForClosure.values:
        problems.append(Problem("reason", "Select the reason for closure"))
    problems += not_in_future(closed_on, _today(), "closed_on", "closure date")
    latest = _latest_activity(referral)
    problems += not_before(
        closed_on, latest, "closed_on", "closure", "last thing recorded on this referral"
    )
    if referral.assessments.filter(authorised_on__isnull=True).exists():
        problems.append(Problem(None, "An assessment is still in progress"))
    if referral.protection_plans.filter(ended_on__isnull=True).exists():
        problems.append(Problem(None, "The child is still on a protection plan"))
    if referral.cin_plans.filter(ended_on__isnull=True).exists():
        problems.append(Problem(None, "A child in need plan is still open"))
    if referral.enquiries.filter(
        outcome=EnquiryOutcome.CONFERENCE, conference__isnull=True
    ).exists():
        problems.append(Problem(None, "An initial conference is still to be held"))
    if referral.enquiries.filter(outcome="").exists():
        problems.append(Problem(None, "A section 47 enquiry has no outcome yet"))
    refuse_if(problems)
    referral.closed_on, referral.reason_for_closure = closed_on, reason
    referral.save(update_fields=["closed_on", "reason_for_closure"])
    if not Referral.objects.filter(child_id=referral.child_id, closed_on__isnull=True).exists():
        # The case is closed: it leaves the worker's caseload the day it closes.
        Allocation.objects.filter(child_id=referral.child_id, ended_on__isnull=True).update(
            ended_on=closed_on
        )
    return referral

"""Every rule the pathway's services enforce, each with a case it accepts and a case it refuses;
a refused action changes nothing in the database (not even a history row).

The story: a referral on Wednesday 20 March 2024, an assessment due 45 working days later on
Tuesday 28 May 2024, a strategy discussion on Thursday 21 March 2024 whose initial conference is
due 15 working days later on Monday 15 April 2024 (Easter skipped; see test_timescales_pathway.py).
"""

import re
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from django.db import transaction
from django.utils import timezone
from factories import ChildFactory, TeamFactory, UserFactory
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pathway_records import (
    STATUTORY,
    begin_enquiry,
    child_on_plan,
    conclude_enquiry,
    database_state,
    discuss,
    hold_conference,
    make_staff,
    refer,
)

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
from safeguard.casework.models import Allocation, Assessment, CategoryChange, ProtectionPlan
from safeguard.casework.rules import PathwayError
from safeguard.frontdoor.models import ReasonForClosure, Referral

REFERRED = date(2024, 3, 20)
ASSESSMENT_STARTED = date(2024, 3, 21)
ASSESSMENT_DUE = date(2024, 5, 28)
DISCUSSED = date(2024, 3, 21)
CONFERENCE_DUE = date(2024, 4, 15)
NEG, PHY, EMO = CategoryOfAbuse.NEGLECT, CategoryOfAbuse.PHYSICAL, CategoryOfAbuse.EMOTIONAL


def assert_refused(action: Callable[[], object], message: str) -> None:
    """The action is refused with a problem saying `message`, and the database is as it was."""
    before = database_state()
    with pytest.raises(PathwayError, match=re.escape(message)):
        action()
    assert database_state() == before


@pytest.fixture
def staff(db):
    return make_staff()


@pytest.fixture
def child(db):
    return ChildFactory(first_name="Ruby", last_name="Fenwick")


@pytest.fixture
def referral(staff, child) -> Referral:
    return refer(child, on=REFERRED, by=staff.mash_manager)


@pytest.fixture
def assessment(staff, referral) -> Assessment:
    return services.start_assessment(referral, started_on=ASSESSMENT_STARTED, worker=staff.worker)


def complete(assessment: Assessment, **changes: object) -> Assessment:
    answers: dict[str, object] = {
        "version": assessment.version,
        "factors": [AssessmentFactor.NEGLECT],
        "outcome": AssessmentOutcome.CHILD_IN_NEED_PLAN,
        "completed_on": date(2024, 5, 20),
    }
    answers.update(changes)
    return services.complete_assessment(assessment, **answers)


@pytest.fixture
def enquiry(staff, referral):
    return begin_enquiry(discuss(referral, on=DISCUSSED, by=staff.worker), on=DISCUSSED)


@pytest.fixture
def pathway(staff, child):
    """Ruby on a plan under neglect from Thursday 2 May 2024 (on time: due Wednesday 8 May)."""
    return child_on_plan(
        child,
        staff,
        referred_on=date(2024, 4, 15),
        discussed_on=date(2024, 4, 16),
        concluded_on=date(2024, 4, 29),
        conference_on=date(2024, 5, 2),
    )


# Assessment ------------------------------------------------------------------------------------


def test_an_assessment_can_start_on_the_day_of_the_referral(staff, referral):
    assessment = services.start_assessment(referral, started_on=REFERRED, worker=staff.worker)
    assert assessment.started_on == REFERRED


def test_an_assessment_cannot_start_before_the_referral(staff, referral):
    assert_refused(
        lambda: services.start_assessment(
            referral, started_on=date(2024, 3, 19), worker=staff.worker
        ),
        "The assessment start cannot be before the referral (20 March 2024)",
    )


def test_an_assessment_cannot_start_in_the_future(staff, referral):
    tomorrow = timezone.localdate() + timedelta(days=1)
    assert_refused(
        lambda: services.start_assessment(referral, started_on=tomorrow, worker=staff.worker),
        "The assessment start cannot be in the future",
    )


def test_a_referral_has_one_assessment_in_progress_at_a_time(staff, referral, assessment):
    assert_refused(
        lambda: services.start_assessment(
            referral, started_on=date(2024, 3, 25), worker=staff.worker
        ),
        "This referral already has an assessment in progress",
    )
    complete(assessment, completed_on=date(2024, 4, 2))
    services.authorise_assessment(
        assessment, version=assessment.version, by=staff.manager, on=date(2024, 4, 3)
    )
    again = services.start_assessment(referral, started_on=date(2024, 4, 4), worker=staff.worker)
    assert again.is_open


def test_an_assessment_can_be_completed_on_the_day_it_started(assessment):
    complete(assessment, completed_on=ASSESSMENT_STARTED)
    assessment.refresh_from_db()
    assert assessment.completed_on == ASSESSMENT_STARTED
    assert assessment.factors == ["16A"]


def test_an_assessment_cannot_be_completed_before_it_started(assessment):
    assert_refused(
        lambda: complete(assessment, completed_on=date(2024, 3, 20)),
        "The completion date cannot be before the start (21 March 2024)",
    )


def test_an_assessment_completed_on_its_due_date_needs_no_reason(assessment):
    complete(assessment, completed_on=ASSESSMENT_DUE)
    assert assessment.late_reason == ""


def test_an_assessment_completed_late_needs_a_reason(assessment):
    day_after = date(2024, 5, 29)
    assert_refused(
        lambda: complete(assessment, completed_on=day_after),
        "The assessment was after its due date (28 May 2024): enter why it was late",
    )
    assert_refused(
        lambda: complete(assessment, completed_on=day_after, late_reason="   "),
        "enter why it was late",
    )
    complete(assessment, completed_on=day_after, late_reason="The father would not engage.")
    assessment.refresh_from_db()
    assert assessment.late_reason == "The father would not engage."


def test_no_factors_identified_is_accepted_on_its_own(assessment):
    complete(assessment, factors=[AssessmentFactor.NO_FACTORS])
    assessment.refresh_from_db()
    assert assessment.factors == ["21"]


def test_no_factors_identified_is_refused_beside_a_factor(assessment):
    assert_refused(
        lambda: complete(assessment, factors=["21", "16A"]),
        "Select ‘No factors identified’ on its own, or the factors found",
    )


def test_an_assessment_without_any_factor_is_refused(assessment):
    assert_refused(
        lambda: complete(assessment, factors=[]),
        "Select the factors identified, or ‘No factors identified’",
    )


def test_a_factor_that_is_not_a_cin_census_code_is_refused(assessment):
    # "18A" was the census code for physical abuse until 2020; 2021 split it into 18B and 18C.
    assert_refused(
        lambda: complete(assessment, factors=["16A", "18A"]),
        "Select factors from the CIN census list",
    )


def test_an_assessment_outcome_not_on_the_list_is_refused(assessment):
    assert_refused(
        lambda: complete(assessment, outcome="wait_and_see"), "Select the outcome of the assessment"
    )


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.sampled_from(AssessmentFactor.values), min_size=1, max_size=6, unique=True))
def test_no_factors_identified_is_refused_exactly_when_it_is_not_alone(assessment, factors):
    alone_or_absent = "21" not in factors or factors == ["21"]
    fresh = Assessment.objects.get(pk=assessment.pk)
    try:
        # Each example's changes are rolled back, so the next one starts from the same record.
        with transaction.atomic():
            complete(fresh, factors=factors)
            transaction.set_rollback(True)
    except PathwayError as refusal:
        assert not alone_or_absent
        assert "on its own" in str(refusal)
    else:
        assert alone_or_absent


def test_a_manager_authorises_a_completed_assessment(staff, referral, assessment):
    complete(assessment, outcome=AssessmentOutcome.NO_FURTHER_ACTION)
    services.authorise_assessment(
        assessment, version=assessment.version, by=staff.manager, on=date(2024, 5, 21)
    )
    assessment.refresh_from_db()
    assert (assessment.authorised_on, assessment.authorised_by) == (
        date(2024, 5, 21),
        staff.manager,
    )
    referral.refresh_from_db()
    # ReferralNFA means no action on the referral itself (CIN rule 8831), not an assessment that
    # found no need: that case closes RC8 instead.
    assert not referral.no_further_action


def test_an_assessment_is_not_authorised_before_it_is_completed(staff, assessment):
    assert_refused(
        lambda: services.authorise_assessment(
            assessment, version=assessment.version, by=staff.manager, on=date(2024, 5, 21)
        ),
        "The assessment must be completed before it is authorised",
    )


def test_an_assessment_is_not_authorised_before_the_day_it_was_completed(staff, assessment):
    complete(assessment)
    assert_refused(
        lambda: services.authorise_assessment(
            assessment, version=assessment.version, by=staff.manager, on=date(2024, 5, 17)
        ),
        "The authorisation cannot be before the completion (20 May 2024)",
    )


def test_the_assessing_worker_cannot_authorise_their_own_assessment(staff, assessment):
    complete(assessment)
    assert_refused(
        lambda: services.authorise_assessment(
            assessment, version=assessment.version, by=staff.worker, on=date(2024, 5, 21)
        ),
        "A manager other than the assessing worker must authorise it",
    )


def test_an_authorised_assessment_is_neither_completed_nor_authorised_again(staff, assessment):
    complete(assessment)
    services.authorise_assessment(
        assessment, version=assessment.version, by=staff.manager, on=date(2024, 5, 21)
    )
    assert_refused(
        lambda: complete(assessment, completed_on=date(2024, 5, 22)),
        "The assessment has been authorised and can no longer change",
    )
    assert_refused(
        lambda: services.authorise_assessment(
            assessment, version=assessment.version, by=staff.manager, on=date(2024, 5, 22)
        ),
        "The assessment has already been authorised",
    )


# Strategy discussion and section 47 enquiry ----------------------------------------------------


def test_a_strategy_discussion_with_the_local_authority_police_and_health_is_recorded(
    staff, referral
):
    discussion = discuss(
        referral, on=DISCUSSED, by=staff.worker, attendees=[*STATUTORY, Attendee.EDUCATION]
    )
    assert discussion.starts_enquiry


@pytest.mark.parametrize(
    ("missing", "named"),
    [(Attendee.POLICE, "add police"), (Attendee.HEALTH, "add health")],
)
def test_a_strategy_discussion_without_police_or_health_is_refused(staff, referral, missing, named):
    attendees = [a for a in STATUTORY if a != missing] + [Attendee.EDUCATION]
    assert_refused(
        lambda: discuss(referral, on=DISCUSSED, by=staff.worker, attendees=attendees),
        f"A strategy discussion needs the local authority, police and health: {named}",
    )


def test_a_strategy_discussion_without_the_local_authority_is_refused(staff, referral):
    assert_refused(
        lambda: discuss(
            referral, on=DISCUSSED, by=staff.worker, attendees=[Attendee.POLICE, Attendee.HEALTH]
        ),
        "add local authority children's social care",
    )


def test_a_strategy_discussion_cannot_be_before_the_referral(staff, referral):
    assert_refused(
        lambda: discuss(referral, on=date(2024, 3, 19), by=staff.worker),
        "The strategy discussion cannot be before the referral (20 March 2024)",
    )


def test_an_enquiry_starts_only_from_a_discussion_that_decided_on_one(staff, referral):
    no_enquiry = discuss(referral, on=DISCUSSED, by=staff.worker, decision=StrategyDecision.NO_S47)
    assert_refused(
        lambda: begin_enquiry(no_enquiry, on=DISCUSSED),
        "This strategy discussion decided there would be no section 47 enquiry",
    )
    single = discuss(
        referral,
        on=date(2024, 3, 22),
        by=staff.worker,
        decision=StrategyDecision.SINGLE_AGENCY_S47,
    )
    assert begin_enquiry(single, on=date(2024, 3, 22)).strategy_discussion == single


def test_an_enquiry_cannot_start_before_its_strategy_discussion(staff, referral):
    discussion = discuss(referral, on=DISCUSSED, by=staff.worker)
    assert_refused(
        lambda: begin_enquiry(discussion, on=REFERRED),
        "The enquiry start cannot be before the strategy discussion (21 March 2024)",
    )


def test_a_strategy_discussion_starts_one_enquiry_only(enquiry):
    assert_refused(
        lambda: begin_enquiry(enquiry.strategy_discussion, on=date(2024, 3, 22)),
        "An enquiry has already started from this strategy discussion",
    )


def test_an_enquirys_outcome_cannot_be_before_it_started(enquiry):
    before = database_state()
    with pytest.raises(PathwayError) as refusal:
        conclude_enquiry(enquiry, on=date(2024, 3, 20))
    assert database_state() == before
    message = refusal.value.problems[0].message
    assert message.startswith("The enquiry's end cannot be before the ")
    assert message.endswith("start (21 March 2024)")
    # Plain English: not "before the its start".
    assert " the its " not in message


def test_an_enquirys_outcome_can_be_corrected_until_the_conference_is_held(staff, enquiry):
    conclude_enquiry(enquiry, on=date(2024, 4, 3), outcome=EnquiryOutcome.NO_CONFERENCE)
    conclude_enquiry(enquiry, on=date(2024, 4, 3), outcome=EnquiryOutcome.CONFERENCE)
    hold_conference(enquiry, on=date(2024, 4, 10), chair=staff.chair)
    assert_refused(
        lambda: conclude_enquiry(
            enquiry, on=date(2024, 4, 3), outcome=EnquiryOutcome.NO_CONFERENCE
        ),
        "The initial conference has been held: the outcome can no longer change",
    )


# Initial conference ----------------------------------------------------------------------------


@pytest.mark.parametrize("outcome", ["", *EnquiryOutcome.values])
def test_a_conference_needs_the_enquiry_to_have_concluded_that_one_is_needed(
    staff, enquiry, outcome
):
    if outcome:
        conclude_enquiry(enquiry, on=date(2024, 4, 3), outcome=outcome)
    if outcome == EnquiryOutcome.CONFERENCE:
        conference = hold_conference(enquiry, on=date(2024, 4, 10), chair=staff.chair)
        assert conference.plan.latest_category == NEG
    else:
        assert_refused(
            lambda: hold_conference(enquiry, on=date(2024, 4, 10), chair=staff.chair),
            "Record the enquiry's outcome as needing a conference first",
        )


def test_a_conference_cannot_be_before_the_enquiry_started(staff, referral):
    discussion = discuss(referral, on=DISCUSSED, by=staff.worker)
    enquiry = conclude_enquiry(
        begin_enquiry(discussion, on=date(2024, 3, 25)), on=date(2024, 3, 26)
    )
    assert_refused(
        lambda: hold_conference(enquiry, on=date(2024, 3, 22), chair=staff.chair),
        "The conference cannot be before the section 47 enquiry (25 March 2024)",
    )
    assert hold_conference(enquiry, on=date(2024, 3, 25), chair=staff.chair).held_on == date(
        2024, 3, 25
    )


def test_a_late_conference_needs_a_reason(staff, enquiry):
    conclude_enquiry(enquiry, on=date(2024, 4, 10))
    assert_refused(
        lambda: hold_conference(enquiry, on=date(2024, 4, 17), chair=staff.chair),
        "The conference was after its due date (15 April 2024): enter why it was late",
    )
    conference = hold_conference(
        enquiry, on=date(2024, 4, 17), chair=staff.chair, late_reason="No chair was free."
    )
    assert conference.late_reason == "No chair was free."


def test_an_enquiry_has_one_initial_conference(staff, enquiry):
    conclude_enquiry(enquiry, on=date(2024, 4, 3))
    hold_conference(enquiry, on=date(2024, 4, 10), chair=staff.chair)
    assert_refused(
        lambda: hold_conference(enquiry, on=date(2024, 4, 11), chair=staff.chair),
        "The initial conference for this enquiry has already been recorded",
    )


def test_a_conference_that_puts_the_child_on_a_plan_needs_a_category(staff, enquiry):
    conclude_enquiry(enquiry, on=date(2024, 4, 3))
    assert_refused(
        lambda: hold_conference(enquiry, on=date(2024, 4, 10), chair=staff.chair, category=""),
        "Select the category of abuse for the plan",
    )


def test_a_conference_with_no_plan_records_no_category_and_makes_no_plan(staff, child, enquiry):
    conclude_enquiry(enquiry, on=date(2024, 4, 3))

    def no_plan(category: str):
        return services.hold_initial_conference(
            enquiry,
            held_on=date(2024, 4, 10),
            chair=staff.chair,
            attendees=STATUTORY,
            outcome=ConferenceOutcome.NO_PLAN,
            category=category,
        )

    assert_refused(
        lambda: no_plan(NEG), "A category is only recorded when the child goes on a plan"
    )
    conference = no_plan("")
    assert conference.outcome == ConferenceOutcome.NO_PLAN
    assert not ProtectionPlan.objects.filter(child=child).exists()


def test_a_plan_starts_on_the_conference_date_under_the_conferences_category(pathway):
    plan = pathway.plan
    assert plan.started_on == pathway.conference.held_on == date(2024, 5, 2)
    assert (plan.initial_category, plan.latest_category) == (NEG, NEG)
    assert (plan.child, plan.referral, plan.previous_plans) == (
        pathway.referral.child,
        pathway.referral,
        0,
    )


def test_a_child_cannot_be_on_two_open_plans(staff, child, pathway):
    second = refer(child, on=date(2024, 6, 3), by=staff.mash_manager)
    enquiry = conclude_enquiry(
        begin_enquiry(discuss(second, on=date(2024, 6, 3), by=staff.worker), on=date(2024, 6, 3)),
        on=date(2024, 6, 7),
    )
    assert_refused(
        lambda: hold_conference(enquiry, on=date(2024, 6, 12), chair=staff.chair, category=PHY),
        "The child is already on a protection plan",
    )

    services.end_plan(
        pathway.plan,
        version=pathway.plan.version,
        ended_on=date(2024, 6, 5),
        reason=PlanEndReason.LOOKED_AFTER,
    )
    new_plan = hold_conference(enquiry, on=date(2024, 6, 12), chair=staff.chair, category=PHY).plan
    assert (new_plan.initial_category, new_plan.previous_plans) == (PHY, 1)


# Category changes, reviews and the end of a plan -----------------------------------------------


def test_a_category_change_with_a_reason_is_recorded(staff, pathway):
    plan = pathway.plan
    services.change_category(
        plan,
        version=plan.version,
        to=EMO,
        reason="Neglect has eased; the emotional harm from the parents' rows is now the worry.",
        on=date(2024, 6, 10),
        by=staff.worker,
    )
    plan.refresh_from_db()
    assert (plan.initial_category, plan.latest_category) == (NEG, EMO)
    change = CategoryChange.objects.get(plan=plan)
    assert (change.from_category, change.to_category, change.changed_on) == (
        NEG,
        EMO,
        date(2024, 6, 10),
    )


@pytest.mark.parametrize("reason", ["", "  "])
def test_a_category_change_without_a_reason_is_refused(staff, pathway, reason):
    plan = pathway.plan
    assert_refused(
        lambda: services.change_category(
            plan, version=plan.version, to=EMO, reason=reason, on=date(2024, 6, 10), by=staff.worker
        ),
        "Enter the reason for changing the category",
    )


def test_a_category_change_to_the_same_category_is_refused(staff, pathway):
    plan = pathway.plan
    assert_refused(
        lambda: services.change_category(
            plan,
            version=plan.version,
            to=NEG,
            reason="Still neglect",
            on=date(2024, 6, 10),
            by=staff.worker,
        ),
        "Select a different category from the current one",
    )


def test_a_category_change_before_the_plan_started_is_refused(staff, pathway):
    plan = pathway.plan
    assert_refused(
        lambda: services.change_category(
            plan, version=plan.version, to=EMO, reason="Rows", on=date(2024, 5, 1), by=staff.worker
        ),
        "The change cannot be before the plan's start (2 May 2024)",
    )


def review(plan: ProtectionPlan, chair, held_on: date, **changes: object):
    answers: dict[str, object] = {
        "version": plan.version,
        "held_on": held_on,
        "chair": chair,
        "decision": ReviewDecision.CONTINUE,
        "category": plan.latest_category,
    }
    answers.update(changes)
    return services.hold_review(plan, **answers)


def test_a_category_change_to_a_code_not_on_the_list_is_refused(staff, pathway):
    plan = pathway.plan
    assert_refused(
        lambda: services.change_category(
            plan,
            version=plan.version,
            to="XYZ",
            reason="Rows",
            on=date(2024, 6, 10),
            by=staff.worker,
        ),
        "Select a category of abuse",
    )


def test_a_category_change_cannot_predate_the_last_category_decision(staff, pathway):
    plan = pathway.plan
    review(plan, staff.chair, date(2024, 7, 25))
    plan.refresh_from_db()
    assert_refused(
        lambda: services.change_category(
            plan, version=plan.version, to=EMO, reason="Rows", on=date(2024, 7, 24), by=staff.worker
        ),
        "The change cannot be before the last category decision (25 July 2024)",
    )
    services.change_category(
        plan, version=plan.version, to=EMO, reason="Rows", on=date(2024, 7, 25), by=staff.worker
    )
    assert plan.latest_category == EMO


def test_a_review_cannot_be_before_the_plan_started(staff, pathway):
    assert_refused(
        lambda: review(pathway.plan, staff.chair, date(2024, 5, 1)),
        "The review cannot be before the plan's start (2 May 2024)",
    )
    assert review(pathway.plan, staff.chair, date(2024, 7, 25)).held_on == date(2024, 7, 25)


def test_a_review_cannot_be_before_the_last_review(staff, pathway):
    review(pathway.plan, staff.chair, date(2024, 7, 25))
    pathway.plan.refresh_from_db()
    assert_refused(
        lambda: review(pathway.plan, staff.chair, date(2024, 7, 24)),
        "The review cannot be before the last review (25 July 2024)",
    )


def test_a_review_that_changes_the_category_needs_a_reason(staff, pathway):
    plan = pathway.plan
    assert_refused(
        lambda: review(plan, staff.chair, date(2024, 7, 25), category=PHY),
        "Enter the reason for changing the category",
    )
    review(plan, staff.chair, date(2024, 7, 25), category=PHY, category_reason="A bruise.")
    plan.refresh_from_db()
    assert plan.latest_category == PHY
    assert CategoryChange.objects.get(plan=plan).reason == "A bruise."


def test_a_review_decides_continue_or_end_under_a_listed_category(staff, pathway):
    assert_refused(
        lambda: review(pathway.plan, staff.chair, date(2024, 7, 25), decision="pause"),
        "Select whether the plan continues or ends",
    )
    assert_refused(
        lambda: review(
            pathway.plan, staff.chair, date(2024, 7, 25), category="XYZ", category_reason="?"
        ),
        "Select the category of abuse",
    )


def test_a_review_that_ends_the_plan_needs_a_reason(staff, pathway):
    plan = pathway.plan
    assert_refused(
        lambda: review(plan, staff.chair, date(2024, 7, 25), decision=ReviewDecision.END),
        "Select why the plan is ending",
    )
    review(
        plan,
        staff.chair,
        date(2024, 7, 25),
        decision=ReviewDecision.END,
        end_reason=PlanEndReason.NO_LONGER_AT_RISK,
    )
    plan.refresh_from_db()
    assert (plan.ended_on, plan.end_reason) == (date(2024, 7, 25), PlanEndReason.NO_LONGER_AT_RISK)


def test_a_review_cannot_end_the_plan_before_the_last_thing_recorded_on_it(staff, pathway):
    # end_plan refuses this (see below); ending the plan at a review must obey the same rule.
    plan = pathway.plan
    services.record_core_group(
        plan, held_on=date(2024, 8, 1), attendees=STATUTORY, notes="", by=staff.worker
    )
    before = database_state()
    with pytest.raises(PathwayError, match="last thing recorded on the plan"):
        review(
            plan,
            staff.chair,
            date(2024, 7, 25),
            decision=ReviewDecision.END,
            end_reason=PlanEndReason.NO_LONGER_AT_RISK,
        )
    assert database_state() == before


def test_a_review_dated_before_the_last_category_change_cannot_change_the_category(staff, pathway):
    # change_category refuses a change before the last category decision; a review that changes
    # the category is a category decision too, or the plan's latest category would be the older.
    plan = pathway.plan
    services.change_category(
        plan, version=plan.version, to=EMO, reason="Rows", on=date(2024, 8, 1), by=staff.worker
    )
    before = database_state()
    with pytest.raises(PathwayError, match="last category decision"):
        review(plan, staff.chair, date(2024, 7, 25), category=PHY, category_reason="A bruise.")
    assert database_state() == before


def test_a_review_that_ends_the_plan_with_a_reason_not_on_the_list_is_refused(staff, pathway):
    # end_plan refuses such a reason; a review ending the plan must too, or the census gets junk.
    assert_refused(
        lambda: review(
            pathway.plan,
            staff.chair,
            date(2024, 7, 25),
            decision=ReviewDecision.END,
            end_reason="gran",
        ),
        "Select why the plan is ending",
    )


@pytest.mark.parametrize("reason", ["", "gran"])
def test_ending_a_plan_without_a_reason_from_the_list_is_refused(pathway, reason):
    plan = pathway.plan
    assert_refused(
        lambda: services.end_plan(
            plan, version=plan.version, ended_on=date(2024, 7, 1), reason=reason
        ),
        "Select why the plan is ending",
    )


def test_a_plan_ends_with_its_reason_on_or_after_its_start_and_only_once(pathway):
    plan = pathway.plan
    assert_refused(
        lambda: services.end_plan(
            plan, version=plan.version, ended_on=date(2024, 5, 1), reason=PlanEndReason.MOVED_AWAY
        ),
        "The end date cannot be before the plan's start (2 May 2024)",
    )
    services.end_plan(
        plan, version=plan.version, ended_on=date(2024, 5, 2), reason=PlanEndReason.MOVED_AWAY
    )
    assert_refused(
        lambda: services.end_plan(
            plan, version=plan.version, ended_on=date(2024, 6, 1), reason=PlanEndReason.OTHER
        ),
        "The plan has already ended",
    )


def test_a_plan_cannot_end_before_the_last_thing_recorded_on_it(staff, pathway):
    plan = pathway.plan
    services.record_core_group(
        plan, held_on=date(2024, 5, 16), attendees=STATUTORY, notes="", by=staff.worker
    )
    assert_refused(
        lambda: services.end_plan(
            plan, version=plan.version, ended_on=date(2024, 5, 15), reason=PlanEndReason.MOVED_AWAY
        ),
        "The end date cannot be before the last thing recorded on the plan (16 May 2024)",
    )
    services.end_plan(
        plan, version=plan.version, ended_on=date(2024, 5, 16), reason=PlanEndReason.MOVED_AWAY
    )
    assert plan.ended_on == date(2024, 5, 16)


def test_a_core_group_meets_within_the_plan(staff, pathway):
    plan = pathway.plan

    def core_group(on: date):
        return services.record_core_group(
            plan, held_on=on, attendees=STATUTORY, notes="", by=staff.worker
        )

    assert_refused(
        lambda: core_group(date(2024, 5, 1)),
        "The core group meeting cannot be before the plan's start (2 May 2024)",
    )
    assert core_group(date(2024, 5, 16)).held_on == date(2024, 5, 16)
    services.end_plan(
        plan, version=plan.version, ended_on=date(2024, 6, 3), reason=PlanEndReason.MOVED_AWAY
    )
    assert_refused(
        lambda: core_group(date(2024, 6, 4)),
        "The core group meeting cannot be after the plan ended",
    )


def test_a_child_not_seen_cannot_have_been_seen_alone(staff, pathway):
    assert_refused(
        lambda: services.record_visit(
            pathway.plan.child,
            visited_on=date(2024, 5, 9),
            seen=False,
            seen_alone=True,
            notes="",
            by=staff.worker,
        ),
        "A child not seen cannot have been seen alone",
    )
    visit = services.record_visit(
        pathway.plan.child,
        visited_on=date(2024, 5, 9),
        seen=True,
        seen_alone=True,
        notes="",
        by=staff.worker,
    )
    assert visit.plan == pathway.plan


# Children in need plans ------------------------------------------------------------------------


def test_a_child_in_need_plan_starts_within_the_referral_and_one_at_a_time(referral):
    assert_refused(
        lambda: services.start_cin_plan(referral, started_on=date(2024, 3, 19), objectives=""),
        "The plan start cannot be before the referral (20 March 2024)",
    )
    plan = services.start_cin_plan(referral, started_on=date(2024, 4, 2), objectives="")
    assert_refused(
        lambda: services.start_cin_plan(referral, started_on=date(2024, 4, 3), objectives=""),
        "This referral already has an open child in need plan",
    )
    assert_refused(
        lambda: services.review_cin_plan(
            plan, held_on=date(2024, 4, 1), notes="", by=referral.contact.recorded_by
        ),
        "The review cannot be before the plan's start (2 April 2024)",
    )
    assert_refused(
        lambda: services.end_cin_plan(plan, version=plan.version, ended_on=date(2024, 4, 1)),
        "The end date cannot be before the plan's start (2 April 2024)",
    )


def test_a_child_in_need_plan_cannot_end_before_its_last_review(staff, referral):
    plan = services.start_cin_plan(referral, started_on=date(2024, 4, 2), objectives="")
    services.review_cin_plan(plan, held_on=date(2024, 7, 2), notes="", by=staff.worker)
    assert_refused(
        lambda: services.end_cin_plan(plan, version=plan.version, ended_on=date(2024, 7, 1)),
        "The end date cannot be before the last review (2 July 2024)",
    )
    assert_refused(
        lambda: services.review_cin_plan(
            plan, held_on=date(2024, 3, 29), notes="", by=staff.worker
        ),
        "The review cannot be before the plan's start (2 April 2024)",
    )
    services.end_cin_plan(plan, version=plan.version, ended_on=date(2024, 7, 2))
    assert_refused(
        lambda: services.review_cin_plan(plan, held_on=date(2024, 7, 3), notes="", by=staff.worker),
        "The review cannot be after the plan ended",
    )


def test_a_child_on_a_protection_plan_gets_no_separate_child_in_need_plan(pathway):
    assert_refused(
        lambda: services.start_cin_plan(
            pathway.referral, started_on=date(2024, 5, 3), objectives=""
        ),
        "The child is on a protection plan, which includes a child in need plan",
    )


# Allocation ------------------------------------------------------------------------------------


def test_a_worker_is_allocated_only_for_a_team_they_belong_to(staff, child):
    other_team = TeamFactory(agency=staff.team.agency, name="Leominster")
    before = database_state()
    with pytest.raises(PathwayError, match="is not a member of Leominster"):
        services.allocate(child, staff.worker, other_team, on=date(2024, 3, 21), by=staff.manager)
    assert database_state() == before
    assert not Allocation.objects.exists()


def test_a_new_allocation_ends_the_current_one_and_cannot_predate_it(staff, child):
    first = services.allocate(
        child, staff.worker, staff.team, on=date(2024, 3, 21), by=staff.manager
    )
    colleague = UserFactory(role="social_worker", agency=staff.team.agency)
    colleague.teams.add(staff.team)
    with pytest.raises(PathwayError, match="cannot be before the current allocation"):
        services.allocate(child, colleague, staff.team, on=date(2024, 3, 20), by=staff.manager)
    first.refresh_from_db()
    assert first.ended_on is None

    services.allocate(child, colleague, staff.team, on=date(2024, 6, 3), by=staff.manager)
    first.refresh_from_db()
    assert first.ended_on == date(2024, 6, 3)
    assert Allocation.objects.get(child=child, ended_on__isnull=True).worker == colleague


# Closing the referral --------------------------------------------------------------------------


def close(referral: Referral, on: date, reason: str = ReasonForClosure.CEASED) -> Referral:
    return services.close_referral(referral, closed_on=on, reason=reason)


@pytest.fixture
def closed_referral(staff, referral, assessment) -> Referral:
    """Assessed, no further action, closed on Wednesday 3 April 2024."""
    complete(assessment, completed_on=date(2024, 4, 2), outcome=AssessmentOutcome.NO_FURTHER_ACTION)
    services.authorise_assessment(
        assessment, version=assessment.version, by=staff.manager, on=date(2024, 4, 3)
    )
    return close(referral, date(2024, 4, 3), ReasonForClosure.NFA_AFTER_ASSESSMENT)


def test_a_referral_closes_with_its_census_reason(closed_referral):
    closed_referral.refresh_from_db()
    assert (closed_referral.closed_on, closed_referral.reason_for_closure) == (
        date(2024, 4, 3),
        "RC8",
    )


def test_a_referral_closes_only_once_and_with_a_census_reason(referral, closed_referral):
    assert_refused(lambda: close(closed_referral, date(2024, 4, 5)), "already closed")
    other = refer(ChildFactory(), on=REFERRED, by=referral.contact.recorded_by)
    assert_refused(lambda: close(other, date(2024, 4, 5), "RC10"), "Select the reason for closure")


@pytest.mark.parametrize(
    "action",
    [
        lambda r, s, on: services.start_assessment(r, started_on=on, worker=s.worker),
        lambda r, s, on: discuss(r, on=on, by=s.worker),
        lambda r, s, on: services.start_cin_plan(r, started_on=on, objectives=""),
    ],
    ids=["assessment", "strategy discussion", "child in need plan"],
)
@pytest.mark.parametrize(
    "on",
    [date(2024, 4, 4), date(2024, 4, 3), date(2024, 3, 25)],
    ids=["after the closure", "on the closure date", "dated before the closure"],
)
def test_nothing_is_recorded_on_a_referral_once_it_has_closed(staff, closed_referral, action, on):
    # Even work dated before the closure: a closed case with open work could not be reported.
    assert_refused(
        lambda: action(closed_referral, staff, on),
        "This referral closed on 3 April 2024: record new work on a new referral",
    )


def test_closing_is_refused_while_an_initial_conference_is_still_to_be_held(staff, enquiry):
    conclude_enquiry(enquiry, on=date(2024, 4, 3))
    assert_refused(
        lambda: close(enquiry.referral, date(2024, 4, 4)),
        "An initial conference is still to be held",
    )
    services.hold_initial_conference(
        enquiry,
        held_on=date(2024, 4, 10),
        chair=staff.chair,
        attendees=STATUTORY,
        outcome=ConferenceOutcome.NO_PLAN,
    )
    assert close(enquiry.referral, date(2024, 4, 10)).closed_on == date(2024, 4, 10)


def test_closing_is_refused_while_an_assessment_is_in_progress(referral, assessment):
    assert_refused(lambda: close(referral, date(2024, 4, 3)), "An assessment is still in progress")
    complete(assessment, completed_on=date(2024, 4, 2))
    # Completed but not yet authorised is still in progress.
    assert_refused(lambda: close(referral, date(2024, 4, 3)), "An assessment is still in progress")


def test_closing_is_refused_while_the_child_is_on_a_plan(pathway):
    assert_refused(
        lambda: close(pathway.referral, date(2024, 6, 3)), "The child is still on a protection plan"
    )


def test_closing_is_refused_while_a_child_in_need_plan_is_open(referral):
    plan = services.start_cin_plan(referral, started_on=date(2024, 4, 2), objectives="")
    assert_refused(lambda: close(referral, date(2024, 6, 3)), "A child in need plan is still open")
    services.end_cin_plan(plan, version=plan.version, ended_on=date(2024, 6, 3))
    assert close(referral, date(2024, 6, 3)).closed_on == date(2024, 6, 3)


def test_closing_is_refused_while_an_enquiry_has_no_outcome(enquiry):
    assert_refused(
        lambda: close(enquiry.referral, date(2024, 4, 3)), "A section 47 enquiry has no outcome yet"
    )
    conclude_enquiry(enquiry, on=date(2024, 4, 3), outcome=EnquiryOutcome.NOT_SUBSTANTIATED)
    assert close(enquiry.referral, date(2024, 4, 3)).closed_on == date(2024, 4, 3)


def test_closing_before_the_last_thing_recorded_is_refused(pathway):
    plan = pathway.plan
    services.end_plan(
        plan, version=plan.version, ended_on=date(2024, 7, 25), reason=PlanEndReason.MOVED_AWAY
    )
    assert_refused(
        lambda: close(pathway.referral, date(2024, 7, 24)),
        "The closure cannot be before the last thing recorded on this referral (25 July 2024)",
    )
    assert close(pathway.referral, date(2024, 7, 25)).closed_on == date(2024, 7, 25)

"""Who may record the child protection pathway, chair conferences and see the work tray."""

from datetime import date

from factories import ChildFactory
from matrix_rules import CASEWORKERS, CHILD_PAGE, rule

from safeguard.casework import services
from safeguard.frontdoor.models import Referral
from safeguard.people.models import Child

CHAIR = {"conference_chair"}

TABLE = {
    "casework:work-tray": rule({"social_worker", "team_manager", "conference_chair"}),
    "casework:chronology": CHILD_PAGE,
    "casework:chronology-new": rule(CASEWORKERS),
    "casework:allocate": rule({"team_manager"}),
    "casework:referral": rule(CASEWORKERS),
    "casework:assessment-new": rule(CASEWORKERS),
    "casework:assessment": rule(CASEWORKERS),
    "casework:strategy-new": rule(CASEWORKERS),
    "casework:enquiry-new": rule(CASEWORKERS),
    "casework:enquiry": rule(CASEWORKERS),
    "casework:conference-new": rule(CHAIR),
    "casework:close": rule(CASEWORKERS),
    "casework:plan": rule(CASEWORKERS),
    "casework:plan-category": rule(CASEWORKERS),
    "casework:core-group-new": rule(CASEWORKERS),
    "casework:visit-new": rule(CASEWORKERS),
    "casework:review-new": rule(CHAIR),
    "casework:plan-end": rule(CASEWORKERS),
    "casework:cin-plan-new": rule(CASEWORKERS),
    "casework:cin-plan": rule(CASEWORKERS),
}


def records(personas, found):
    """The child on a plan, through every stage; another child on a child in need plan."""
    worker, chair = personas["social_worker"], personas["conference_chair"]
    day = date(2024, 3, 20)
    statutory = ["la", "police", "health"]
    child = Child.objects.get(pk=found["child_id"])
    referral = Referral.objects.create(
        child=child, referral_date=day, source="6", primary_need="N1"
    )
    assessment = services.start_assessment(referral, started_on=day, worker=worker)
    discussion = services.record_strategy_discussion(
        referral,
        held_on=day,
        attendees=statutory,
        what_was_known="Known",
        decision="s47_joint",
        rationale="Harm",
        by=worker,
    )
    enquiry = services.start_enquiry(discussion, started_on=day)
    services.record_enquiry_outcome(
        enquiry, version=enquiry.version, outcome="conference", completed_on=day
    )
    conference = services.hold_initial_conference(
        enquiry,
        held_on=date(2024, 4, 5),
        chair=chair,
        attendees=statutory,
        outcome="plan",
        category="NEG",
    )
    other = Referral.objects.create(
        child=ChildFactory(), referral_date=day, source="6", primary_need="N1"
    )
    cin_plan = services.start_cin_plan(other, started_on=day, objectives="Support")
    return {
        "referral_id": referral.pk,
        "assessment_id": assessment.pk,
        "discussion_id": discussion.pk,
        "enquiry_id": enquiry.pk,
        "plan_id": conference.plan.pk,
        "cin_plan_id": cin_plan.pk,
    }

"""Who may use case reviews, actions, audits and learning: the partnership office runs them;
board members see their own agency's actions and the roll-ups; children's services staff see
reviews and, for the children they may open, the multi-agency chronology; everyone reads the
learning."""

from datetime import date

from matrix_rules import CASEWORKERS, SIGNED_IN, rule

from safeguard.frontdoor.models import Referral
from safeguard.people.models import Child
from safeguard.reviews import services_actions, services_audits, services_incidents
from safeguard.reviews.codes import RapidReviewDecision
from safeguard.reviews.models import Briefing, Theme

RUN = {"business_manager"}
VIEW = RUN | CASEWORKERS
PROGRESS = {"business_manager", "board_member"}

TABLE = {
    "reviews:incidents": rule(VIEW),
    "reviews:incident-new": rule(RUN),
    "reviews:incident": rule(VIEW),
    "reviews:incident-notification": rule(RUN),
    "reviews:incident-child": rule(CASEWORKERS),
    "reviews:rapid-review": rule(RUN),
    "reviews:review-new": rule(RUN),
    "reviews:review": rule(VIEW),
    "reviews:review-edit": rule(RUN),
    "reviews:panel-meeting-new": rule(RUN),
    "reviews:finding-new": rule(RUN),
    "reviews:chronology": rule(CASEWORKERS),
    "reviews:chronology-entry-new": rule(CASEWORKERS),
    "reviews:chronology-export": rule(CASEWORKERS),
    "reviews:action-new": rule(RUN),
    "reviews:actions": rule(RUN),
    # The action is owned by the personas' own agency, so its board member may open it.
    "reviews:action": rule(VIEW | {"board_member"}),
    "reviews:our-actions": rule({"board_member"}),
    "reviews:progress": rule(PROGRESS),
    "reviews:figures": rule(PROGRESS),
    "reviews:themes": rule(RUN),
    "reviews:audits": rule(VIEW),
    "reviews:audit-new": rule(RUN),
    "reviews:audit-tool-new": rule(RUN),
    "reviews:audit": rule(VIEW),
    "reviews:audit-answers": rule(RUN),
    "reviews:audit-finding-new": rule(RUN),
    "reviews:learning": rule(SIGNED_IN),
    "reviews:briefing": rule(SIGNED_IN),
    "reviews:briefing-new": rule(RUN),
    "reviews:event-new": rule(RUN),
    "reviews:course-new": rule(RUN),
}


def records(personas, found):
    """An incident with the matrix's child linked, taken through a rapid review to a practice
    review with a finding and an action owned by the personas' agency; an audit of that child."""
    manager = personas["business_manager"]
    agency = personas["board_member"].agency
    child = Child.objects.get(pk=found["child_id"])
    incident = services_incidents.record_incident(
        name="Child M", aware_on=date(2024, 3, 1), what_happened="-", agencies=[agency], by=manager
    )
    services_incidents.link_child(incident, child, by=personas["social_worker"])
    services_incidents.record_notification(incident, version=1, notified_on=date(2024, 3, 4))
    services_incidents.hold_rapid_review(
        incident,
        held_on=date(2024, 3, 18),
        agencies=[agency],
        decision=RapidReviewDecision.PRACTICE_REVIEW,
        rationale="Learning for the partnership",
        by=manager,
    )
    review = services_incidents.commission_review(
        incident, decided_on=date(2024, 3, 18), by=manager
    )
    finding = services_actions.record_finding(
        review=review,
        text="Found",
        recommendation="Do",
        themes=Theme.objects.all()[:1],
        by=manager,
    )
    action = services_actions.add_action(
        finding,
        description="Do it",
        agency=agency,
        owner_name="A",
        due_on=date(2024, 9, 1),
        by=manager,
    )
    Referral.objects.create(
        child=child, referral_date=date(2024, 1, 10), source="6", primary_need="N1"
    )
    tool = services_audits.create_tool(name="Neglect", description="", questions=["Was it seen?"])
    audit = services_audits.start_audit(
        title="Neglect audit",
        tool=tool,
        agencies=[agency],
        known_from=date(2024, 1, 1),
        known_to=date(2024, 1, 31),
        sample_size=1,
        by=manager,
    )
    briefing = Briefing.objects.create(
        title="Seven minutes", text="-", published_on=date(2024, 5, 1), written_by=manager
    )
    return {
        "incident_id": incident.pk,
        "review_id": review.pk,
        "finding_id": finding.pk,
        "action_id": action.pk,
        "audit_id": audit.pk,
        "case_id": audit.cases.get().pk,
        "briefing_id": briefing.pk,
    }

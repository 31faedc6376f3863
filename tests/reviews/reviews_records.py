"""Helpers that take an incident through the reviews app's services to the stage a test needs."""

from datetime import date

from factories import AgencyFactory, UserFactory

from safeguard.access.models import Agency, AgencyKind, User
from safeguard.reviews import services_actions, services_incidents
from safeguard.reviews.codes import RapidReviewDecision
from safeguard.reviews.models import Action, CaseReview, Finding, SeriousIncident, Theme


def business_manager() -> User:
    return UserFactory(role="business_manager", full_name="Helen Baker")


def police() -> Agency:
    return AgencyFactory(name="West Marcher Police", kind=AgencyKind.POLICE)


def health() -> Agency:
    return AgencyFactory(name="Marcher Community Health NHS Trust", kind=AgencyKind.HEALTH_TRUST)


def incident(by: User, aware_on: date, name: str = "Child Q") -> SeriousIncident:
    return services_incidents.record_incident(
        name=name, aware_on=aware_on, what_happened="A serious injury", agencies=[], by=by
    )


def notified(by: User, aware_on: date, notified_on: date, name: str = "Child Q") -> SeriousIncident:
    found = incident(by, aware_on, name)
    return services_incidents.record_notification(found, version=1, notified_on=notified_on)


def practice_review(
    by: User, aware_on: date, notified_on: date, held_on: date, name: str = "Child Q"
) -> CaseReview:
    found = notified(by, aware_on, notified_on, name)
    services_incidents.hold_rapid_review(
        found,
        held_on=held_on,
        agencies=[],
        decision=RapidReviewDecision.PRACTICE_REVIEW,
        rationale="National learning",
        by=by,
    )
    return services_incidents.commission_review(found, decided_on=held_on, by=by)


def finding(by: User, review: CaseReview, *themes: str) -> Finding:
    return services_actions.record_finding(
        review=review,
        text="Found",
        recommendation="Recommended",
        themes=Theme.objects.filter(name__in=themes or ["Information sharing"]),
        by=by,
    )


def action(by: User, found: Finding, agency: Agency, due_on: date, **fields) -> Action:
    made = services_actions.add_action(
        found,
        description=fields.pop("description", "Share the history"),
        agency=agency,
        owner_name=fields.pop("owner_name", "DI Ellis"),
        due_on=due_on,
        by=by,
    )
    if fields:
        Action.objects.filter(pk=made.pk).update(**fields)
        made.refresh_from_db()
    return made

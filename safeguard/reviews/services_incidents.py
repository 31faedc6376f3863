"""From a serious incident to a commissioned review: notification, rapid review, the decision,
and the review's milestones. Forms and the demo both go through these."""

from collections.abc import Iterable
from datetime import date

from django.db import transaction
from django.utils import timezone

from safeguard.access.models import Agency, User
from safeguard.people.models import Child
from safeguard.reviews import timescales
from safeguard.reviews.codes import RapidReviewDecision, ReviewKind
from safeguard.reviews.models import (
    CaseReview,
    IncidentChild,
    PanelMeeting,
    RapidReview,
    SeriousIncident,
)
from safeguard.reviews.rules import (
    Problem,
    not_before,
    not_in_future,
    reason_when_late,
    refuse_if,
)


def _today() -> date:
    return timezone.localdate()


@transaction.atomic
def record_incident(
    *, name: str, aware_on: date, what_happened: str, agencies: Iterable[Agency], by: User
) -> SeriousIncident:
    problems = not_in_future(aware_on, _today(), "aware_on", "date the council became aware")
    if SeriousIncident.objects.filter(name__iexact=name.strip()).exists():
        problems.append(Problem("name", "An incident already has this name: choose another"))
    refuse_if(problems)
    incident = SeriousIncident.objects.create(
        name=name.strip(),
        aware_on=aware_on,
        what_happened=what_happened,
        notification_due_on=timescales.notification_due(aware_on),
        recorded_by=by,
    )
    incident.agencies.set(agencies)
    return incident


@transaction.atomic
def record_notification(
    incident: SeriousIncident, *, version: int, notified_on: date, late_reason: str = ""
) -> SeriousIncident:
    """The date the national Panel was told; it starts the rapid review's 15 working days."""
    incident.ensure_version(version)
    problems = not_before(
        notified_on, incident.aware_on, "notified_on", "notification", "date of awareness"
    )
    problems += not_in_future(notified_on, _today(), "notified_on", "notification")
    problems += reason_when_late(
        notified_on, incident.notification_due_on, late_reason, "late_reason", "notification"
    )
    if RapidReview.objects.filter(incident=incident).exists():
        problems.append(
            Problem(None, "The rapid review has been held: the notification can no longer change")
        )
    refuse_if(problems)
    incident.notified_on, incident.notification_late_reason = notified_on, late_reason
    if not incident.under_old_rules:
        incident.rapid_review_due_on = timescales.rapid_review_due(notified_on)
    incident.save_from(version)
    return incident


def link_child(incident: SeriousIncident, child: Child, *, by: User) -> IncidentChild:
    """Link a child's record; the caller has opened the record through the access checks."""
    if incident.child_links.filter(child=child).exists():
        refuse_if([Problem(None, "This child's record is already linked to the incident")])
    return IncidentChild.objects.create(incident=incident, child=child, linked_by=by)


@transaction.atomic
def hold_rapid_review(
    incident: SeriousIncident,
    *,
    held_on: date,
    agencies: Iterable[Agency],
    decision: str,
    rationale: str,
    by: User,
    late_reason: str = "",
    sent_to_panel_on: date | None = None,
) -> RapidReview:
    incident = SeriousIncident.objects.select_for_update().get(pk=incident.pk)
    problems: list[Problem] = []
    if incident.under_old_rules:
        problems.append(
            Problem(
                None,
                "Incidents known before the national Panel began (29 June 2018) had no rapid "
                "review: commission a serious case review instead",
            )
        )
    if RapidReview.objects.filter(incident=incident).exists():
        problems.append(Problem(None, "The rapid review for this incident is already recorded"))
    if incident.notified_on is None:
        problems.append(
            Problem(None, "Record the date the national Panel was notified before the rapid review")
        )
    else:
        problems += not_before(
            held_on, incident.notified_on, "held_on", "rapid review", "notification"
        )
        if incident.rapid_review_due_on is not None:
            problems += reason_when_late(
                held_on, incident.rapid_review_due_on, late_reason, "late_reason", "rapid review"
            )
    problems += not_in_future(held_on, _today(), "held_on", "rapid review")
    if sent_to_panel_on is not None:
        problems += not_before(
            sent_to_panel_on, held_on, "sent_to_panel_on", "date sent to the Panel", "rapid review"
        )
        problems += not_in_future(
            sent_to_panel_on, _today(), "sent_to_panel_on", "date sent to the Panel"
        )
    if decision not in RapidReviewDecision.values:
        problems.append(Problem("decision", "Select the decision of the rapid review"))
    refuse_if(problems)
    review = RapidReview.objects.create(
        incident=incident,
        held_on=held_on,
        late_reason=late_reason,
        decision=decision,
        rationale=rationale,
        sent_to_panel_on=sent_to_panel_on,
        recorded_by=by,
    )
    review.agencies.set(agencies)
    return review


def review_kind_for(incident: SeriousIncident) -> str:
    return (
        ReviewKind.SERIOUS_CASE_REVIEW if incident.under_old_rules else ReviewKind.PRACTICE_REVIEW
    )


@transaction.atomic
def commission_review(
    incident: SeriousIncident,
    *,
    decided_on: date,
    by: User,
    terms_of_reference: str = "",
    reviewers: str = "",
) -> CaseReview:
    """A serious case review under the old rules; otherwise a practice review, which only a
    rapid review's decision to hold one can start."""
    incident = SeriousIncident.objects.select_for_update().get(pk=incident.pk)
    problems = not_in_future(decided_on, _today(), "decided_on", "decision")
    if CaseReview.objects.filter(incident=incident).exists():
        problems.append(Problem(None, "A review has already been commissioned for this incident"))
    if incident.under_old_rules:
        problems += not_before(
            decided_on, incident.aware_on, "decided_on", "decision", "date of awareness"
        )
    else:
        rapid = RapidReview.objects.filter(incident=incident).first()
        if rapid is None or rapid.decision != RapidReviewDecision.PRACTICE_REVIEW:
            problems.append(
                Problem(
                    None,
                    "A practice review follows a rapid review that decided to hold one: record "
                    "the rapid review first",
                )
            )
        else:
            problems += not_before(
                decided_on, rapid.held_on, "decided_on", "decision", "rapid review"
            )
    refuse_if(problems)
    return CaseReview.objects.create(
        incident=incident,
        kind=review_kind_for(incident),
        decided_on=decided_on,
        report_due_on=timescales.report_due(decided_on),
        terms_of_reference=terms_of_reference,
        reviewers=reviewers,
        commissioned_by=by,
    )


@transaction.atomic
def update_review(
    review: CaseReview,
    *,
    version: int,
    terms_of_reference: str,
    reviewers: str,
    report_completed_on: date | None,
    report_late_reason: str = "",
    publication_planned_on: date | None = None,
    sent_on: date | None = None,
    sent_late_reason: str = "",
    published_on: date | None = None,
    publication_url: str = "",
    not_published_reason: str = "",
) -> CaseReview:
    """The review's progress: its report, when it goes to the Panel and the DfE, publication."""
    review.ensure_version(version)
    today = _today()
    send_by = timescales.send_by(publication_planned_on) if publication_planned_on else None
    problems: list[Problem] = []
    if report_completed_on is not None:
        problems += not_before(
            report_completed_on, review.decided_on, "report_completed_on", "report", "decision"
        )
        problems += not_in_future(report_completed_on, today, "report_completed_on", "report")
        problems += reason_when_late(
            report_completed_on,
            review.report_due_on,
            report_late_reason,
            "report_late_reason",
            "report",
        )
    if sent_on is not None:
        problems += not_in_future(sent_on, today, "sent_on", "date sent to the Panel and the DfE")
        if report_completed_on is None:
            problems.append(
                Problem("sent_on", "Enter when the report was completed before it was sent")
            )
        else:
            problems += not_before(
                sent_on, report_completed_on, "sent_on", "date sent", "report's completion"
            )
        if send_by is None:
            problems.append(Problem("publication_planned_on", "Enter the planned publication date"))
        else:
            problems += reason_when_late(
                sent_on, send_by, sent_late_reason, "sent_late_reason", "sending to the Panel"
            )
    if published_on is not None:
        problems += not_in_future(published_on, today, "published_on", "publication")
        if sent_on is None:
            problems.append(
                Problem(
                    "sent_on",
                    "Enter when the report went to the national Panel and the DfE: it must go "
                    "before it is published",
                )
            )
        else:
            problems += not_before(
                published_on, sent_on, "published_on", "publication", "date sent"
            )
        if not publication_url.strip():
            problems.append(Problem("publication_url", "Enter the link to the published report"))
        if not_published_reason.strip():
            problems.append(
                Problem(
                    "not_published_reason",
                    "The report is published: remove the reason it is not published",
                )
            )
    refuse_if(problems)
    review.terms_of_reference, review.reviewers = terms_of_reference, reviewers
    review.report_completed_on, review.report_late_reason = report_completed_on, report_late_reason
    review.publication_planned_on, review.send_by = publication_planned_on, send_by
    review.sent_on, review.sent_late_reason = sent_on, sent_late_reason
    review.published_on, review.publication_url = published_on, publication_url.strip()
    review.not_published_reason = not_published_reason
    review.save_from(version)
    return review


def record_panel_meeting(
    review: CaseReview, *, held_on: date, notes: str, by: User
) -> PanelMeeting:
    problems = not_before(held_on, review.decided_on, "held_on", "panel meeting", "decision")
    refuse_if(problems)
    return PanelMeeting.objects.create(review=review, held_on=held_on, notes=notes, recorded_by=by)

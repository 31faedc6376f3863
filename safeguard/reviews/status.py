"""Status at a glance: each incident's milestones, their targets, and what is late."""

from dataclasses import dataclass
from datetime import date

from safeguard.reviews.codes import RapidReviewDecision
from safeguard.reviews.models import SeriousIncident

DONE, DONE_LATE, OVERDUE, DUE, NOT_SET, NOT_PUBLISHED = (
    "done",
    "done late",
    "overdue",
    "due",
    "no date yet",
    "not published",
)


@dataclass(frozen=True)
class Milestone:
    name: str
    due_on: date | None
    done_on: date | None
    late_reason: str = ""
    closed: bool = False  # ended without being done (a report the board decided not to publish)

    def state(self, today: date) -> str:
        if self.closed:
            return NOT_PUBLISHED
        if self.done_on is not None:
            return DONE_LATE if self.due_on and self.done_on > self.due_on else DONE
        if self.due_on is None:
            return NOT_SET
        return OVERDUE if self.due_on < today else DUE

    def is_late(self, today: date) -> bool:
        return self.state(today) in (OVERDUE, DONE_LATE)


def milestones(incident: SeriousIncident) -> list[Milestone]:
    """The incident's milestones under the rules it falls under, as far as it has gone."""
    items = [
        Milestone(
            "Notify the national Panel",
            incident.notification_due_on,
            incident.notified_on,
            incident.notification_late_reason,
        )
    ]
    rapid = getattr(incident, "rapid_review", None)
    if not incident.under_old_rules:
        items.append(
            Milestone(
                "Rapid review",
                incident.rapid_review_due_on,
                rapid.held_on if rapid else None,
                rapid.late_reason if rapid else "",
            )
        )
    review = getattr(incident, "case_review", None)
    if review is None:
        return items
    items += [
        Milestone(
            "Final report",
            review.report_due_on,
            review.report_completed_on,
            review.report_late_reason,
        ),
        Milestone(
            "Send to the national Panel and the DfE",
            review.send_by,
            review.sent_on,
            review.sent_late_reason,
        ),
        Milestone(
            "Publication",
            review.publication_planned_on,
            review.published_on,
            closed=bool(review.not_published_reason) and review.published_on is None,
        ),
    ]
    return items


def stage(incident: SeriousIncident) -> str:
    """Where the incident has got to, in a few words."""
    review = getattr(incident, "case_review", None)
    rapid = getattr(incident, "rapid_review", None)
    if review is not None:
        if review.published_on:
            return "Published"
        if review.not_published_reason:
            return "Not published"
        if review.report_completed_on:
            return "Report completed"
        return "Review in progress"
    if rapid is not None:
        if rapid.decision == RapidReviewDecision.PRACTICE_REVIEW:
            return "Practice review to commission"
        return f"Rapid review decided: {rapid.get_decision_display().lower()}"
    if incident.notified_on is None:
        return "Notification to make"
    if incident.under_old_rules:
        return "Decision on a serious case review"
    return "Rapid review to hold"


def late(incident: SeriousIncident, today: date) -> list[tuple[Milestone, str]]:
    return [(m, m.state(today)) for m in milestones(incident) if m.is_late(today)]

"""What the front door and the pathway contribute to a child's chronology."""

from collections.abc import Iterable

from django.utils import timezone

from safeguard.casework.chronology import Entry, register_source
from safeguard.casework.models import (
    Assessment,
    ChildInNeedPlan,
    ChronologyEntry,
    InitialConference,
    ProtectionPlan,
    Section47Enquiry,
    StrategyDiscussion,
    Visit,
)
from safeguard.frontdoor.models import Contact, Referral
from safeguard.people.models import Child

FRONT_DOOR = "Front door"
REFERRAL = "Referral"
ASSESSMENT = "Assessment"
STRATEGY = "Strategy discussion"
ENQUIRY = "Section 47 enquiry"
CONFERENCE = "Conference"
PLAN = "Plan"
VISIT = "Visit"
PRACTITIONER = "Practitioner's entry"


def _front_door(child: Child) -> Iterable[Entry]:
    for c in Contact.objects.filter(child=child).select_related("referrer_agency", "decision"):
        source = c.referrer_agency.name if c.referrer_agency else c.referrer_name
        yield Entry(
            timezone.localtime(c.received_at).date(),
            FRONT_DOOR,
            f"Contact {c.reference} from {source}",
            ", ".join(c.concern_labels()),
            url=f"/mash/contacts/{c.pk}/",
        )
        decision = getattr(c, "decision", None)
        if decision:
            yield Entry(
                timezone.localtime(decision.decided_at).date(),
                FRONT_DOOR,
                f"MASH decision: {decision.get_outcome_display()}",
                decision.reasoning,
                url=f"/mash/contacts/{c.pk}/",
            )


def _pathway(child: Child) -> Iterable[Entry]:
    for r in Referral.objects.filter(child=child):
        url = f"/casework/referrals/{r.pk}/"
        yield Entry(
            r.referral_date,
            REFERRAL,
            f"Referral to children's social care ({r.get_source_display()})",
            f"Primary need: {r.get_primary_need_display()}",
            url=url,
        )
        if r.closed_on:
            yield Entry(
                r.closed_on, REFERRAL, "Case closed", r.get_reason_for_closure_display(), url=url
            )
    for a in Assessment.objects.filter(referral__child=child):
        url = f"/casework/assessments/{a.pk}/"
        yield Entry(a.started_on, ASSESSMENT, "Assessment started", url=url)
        if a.authorised_on:
            yield Entry(
                a.authorised_on,
                ASSESSMENT,
                f"Assessment authorised: {a.get_outcome_display()}",
                url=url,
            )
    for s in StrategyDiscussion.objects.filter(referral__child=child):
        yield Entry(
            s.held_on,
            STRATEGY,
            f"Strategy discussion: {s.get_decision_display()}",
            s.rationale,
            url=f"/casework/referrals/{s.referral_id}/",
        )
    for e in Section47Enquiry.objects.filter(referral__child=child):
        url = f"/casework/enquiries/{e.pk}/"
        yield Entry(e.started_on, ENQUIRY, "Section 47 enquiry started", url=url)
        if e.completed_on:
            yield Entry(
                e.completed_on, ENQUIRY, f"Enquiry outcome: {e.get_outcome_display()}", url=url
            )
    for c in InitialConference.objects.filter(enquiry__referral__child=child):
        category = f" under {c.get_category_display().lower()}" if c.category else ""
        yield Entry(
            c.held_on,
            CONFERENCE,
            f"Initial conference: {c.get_outcome_display().lower()}{category}",
            c.dissent and f"Dissent: {c.dissent}",
            url=f"/casework/enquiries/{c.enquiry_id}/",
        )
    for p in ProtectionPlan.objects.filter(child=child).prefetch_related(
        "reviews", "category_changes"
    ):
        url = f"/casework/plans/{p.pk}/"
        for review in p.reviews.all():
            yield Entry(
                review.held_on,
                CONFERENCE,
                f"Review conference: {review.get_decision_display().lower()}",
                url=url,
            )
        for change in p.category_changes.all():
            yield Entry(
                change.changed_on,
                PLAN,
                f"Category changed from {change.get_from_category_display().lower()} to "
                f"{change.get_to_category_display().lower()}",
                change.reason,
                url=url,
            )
        if p.ended_on:
            yield Entry(
                p.ended_on, PLAN, "Protection plan ended", p.get_end_reason_display(), url=url
            )
    for plan in ChildInNeedPlan.objects.filter(referral__child=child):
        url = f"/casework/cin-plans/{plan.pk}/"
        yield Entry(plan.started_on, PLAN, "Child in need plan started", url=url)
        if plan.ended_on:
            yield Entry(plan.ended_on, PLAN, "Child in need plan ended", url=url)
    for v in Visit.objects.filter(child=child).select_related("visited_by"):
        seen = "seen alone" if v.seen_alone else "seen" if v.seen else "not seen"
        yield Entry(
            v.visited_on, VISIT, f"Visit: child {seen}", v.notes, recorded_by=v.visited_by.full_name
        )


def _practitioners(child: Child) -> Iterable[Entry]:
    for e in ChronologyEntry.objects.filter(child=child).select_related("recorded_by"):
        yield Entry(
            e.occurred_on,
            PRACTITIONER,
            e.title,
            e.detail,
            e.significant,
            e.analysis,
            e.recorded_by.full_name,
        )


register_source(_front_door, [FRONT_DOOR])
register_source(_pathway, [REFERRAL, ASSESSMENT, STRATEGY, ENQUIRY, CONFERENCE, PLAN, VISIT])
register_source(_practitioners, [PRACTITIONER])

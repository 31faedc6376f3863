"""The front door's rules, in one place for the forms, the demo and the journey loader alike."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from safeguard.access.models import Agency, AgencyKind, User
from safeguard.frontdoor.codes import Outcome, PrimaryNeed, Rag, ReferralSource
from safeguard.frontdoor.models import (
    Contact,
    ContactStatus,
    FrontDoorSettings,
    InformationRequest,
    RagChange,
    Referral,
    ThresholdDecision,
    ThresholdDocument,
    ThresholdLevel,
)


class FrontDoorError(Exception):
    """A request that breaks a front-door rule; the message is for the person who made it."""


_SOURCE_BY_AGENCY = {
    AgencyKind.POLICE: ReferralSource.POLICE,
    AgencyKind.EDUCATION: ReferralSource.SCHOOLS,
    AgencyKind.GP_PRACTICE: ReferralSource.GP,
    AgencyKind.HEALTH_ICB: ReferralSource.HEALTH_OTHER,
    AgencyKind.HEALTH_TRUST: ReferralSource.HEALTH_OTHER,
    AgencyKind.HOUSING: ReferralSource.HOUSING,
    AgencyKind.CHILDRENS_SERVICES: ReferralSource.LA_SOCIAL_CARE,
    AgencyKind.EARLY_HELP: ReferralSource.LA_EARLY_HELP,
    AgencyKind.LICENSING: ReferralSource.LA_OTHER_INTERNAL,
    AgencyKind.PROBATION: ReferralSource.OTHER_LEGAL,
    AgencyKind.VOLUNTARY: ReferralSource.OTHER,
    AgencyKind.PARTNERSHIP_OFFICE: ReferralSource.OTHER,
}


def source_for(agency: Agency | None, role: str = "") -> str:
    """The CIN census referral source for a referrer, from their agency and role."""
    if agency is None:
        return ReferralSource.UNKNOWN
    role = role.lower()
    if agency.kind == AgencyKind.HEALTH_TRUST:
        if "health visitor" in role:
            return ReferralSource.HEALTH_VISITOR
        if "school nurse" in role:
            return ReferralSource.SCHOOL_NURSE
        if "emergency" in role or "a&e" in role:
            return ReferralSource.EMERGENCY_DEPARTMENT
    return _SOURCE_BY_AGENCY.get(agency.kind, ReferralSource.OTHER)


@transaction.atomic
def open_contact(contact: Contact, *, recorded_by: User) -> Contact:
    """Save a new contact with its first RAG rating: red when a child is in immediate danger."""
    front_door = FrontDoorSettings.current()
    contact.recorded_by = recorded_by
    contact.received_at = contact.received_at or timezone.now()
    contact.rag = Rag.RED if contact.immediate_danger else Rag.AMBER
    if not contact.source:
        contact.source = source_for(contact.referrer_agency, contact.referrer_role)
    contact.set_clocks(front_door)
    contact.save()
    reason = (
        "The referrer said the child is in immediate danger"
        if contact.immediate_danger
        else "Every new contact starts amber until the MASH manager rates it"
    )
    RagChange.objects.create(
        contact=contact, rag=contact.rag, reason=reason, changed_at=contact.received_at
    )
    return contact


def _refuse_if_decided(contact: Contact) -> None:
    if contact.status != ContactStatus.OPEN:
        raise FrontDoorError(f"Contact {contact.reference} has been decided and is closed")


@transaction.atomic
def change_rag(
    contact: Contact, rag: str, *, reason: str, by: User, at: datetime | None = None
) -> Contact:
    # Re-read under a lock: someone may have decided the contact since this page was loaded.
    contact = Contact.objects.select_for_update().get(pk=contact.pk)
    _refuse_if_decided(contact)
    contact.rag = rag
    contact.set_clocks(FrontDoorSettings.current())
    contact.save(update_fields=["rag", "rag_deadline", "decision_due"])
    RagChange.objects.create(
        contact=contact, rag=rag, reason=reason, changed_by=by, changed_at=at or timezone.now()
    )
    return contact


@transaction.atomic
def request_information(
    contact: Contact, agency: Agency, question: str, *, by: User, at: datetime | None = None
) -> InformationRequest:
    """Ask an agency what it knows; it has a share of the contact's RAG time to answer."""
    contact = Contact.objects.select_for_update().get(pk=contact.pk)
    _refuse_if_decided(contact)
    at = at or timezone.now()
    front_door = FrontDoorSettings.current()
    due = front_door.clock_deadline(at, contact.rag, share=front_door.information_request_share)
    return InformationRequest.objects.create(
        contact=contact,
        agency=agency,
        question=question,
        requested_by=by,
        requested_at=at,
        due_at=due,
    )


@transaction.atomic
def answer_request(
    info: InformationRequest,
    *,
    decision: str,
    answer: str,
    reason: str,
    by: User,
    at: datetime | None = None,
) -> None:
    info = InformationRequest.objects.select_for_update().select_related("contact").get(pk=info.pk)
    if info.contact.status != ContactStatus.OPEN:
        raise FrontDoorError(
            "The MASH has already decided this contact, so it no longer needs an answer. "
            "If what you know is still important, phone the MASH."
        )
    if info.is_answered:
        raise FrontDoorError("This request has already been answered")
    info.decision, info.answer, info.reason = decision, answer, reason
    info.answered_by, info.answered_at = by, at or timezone.now()
    info.save()


@transaction.atomic
def decide(
    contact: Contact,
    *,
    level: ThresholdLevel,
    outcome: str,
    reasoning: str,
    feedback: str,
    by: User,
    primary_need: str = "",
    at: datetime | None = None,
) -> ThresholdDecision:
    """Record the threshold decision; an outcome for social care makes the contact a referral."""
    contact = Contact.objects.select_for_update().get(pk=contact.pk)
    _refuse_if_decided(contact)
    at = at or timezone.now()
    in_force = ThresholdDocument.in_force_on(timezone.localtime(at).date())
    if in_force is None or level.document_id != in_force.pk:
        raise FrontDoorError(
            "A decision must cite the threshold document in force"
            + (f" (version {in_force.version})" if in_force else ": none has been published")
        )
    to_social_care = outcome in Outcome.to_social_care()
    if to_social_care and contact.child_id is None:
        raise FrontDoorError(
            "Link the contact to the child's record before referring to social care"
        )
    decision = ThresholdDecision.objects.create(
        contact=contact,
        level=level,
        outcome=outcome,
        reasoning=reasoning,
        feedback_for_referrer=feedback,
        decided_by=by,
        decided_at=at,
    )
    contact.status = ContactStatus.DECIDED
    contact.save(update_fields=["status"])
    already_open = Referral.objects.filter(child_id=contact.child_id, closed_on__isnull=True)
    # "Already open" passes the contact to the allocated worker: the open episode continues, and
    # a second, overlapping referral would be counted twice in the CIN census (rule 8820).
    if to_social_care and not (outcome == Outcome.ALREADY_OPEN and already_open.exists()):
        Referral.objects.create(
            child_id=contact.child_id,
            contact=contact,
            referral_date=timezone.localtime(contact.received_at).date(),
            source=contact.source,
            primary_need=primary_need or PrimaryNeed.NOT_STATED,
        )
    return decision

"""Loading the front door: contacts and the MASH's decisions on them.

A decision cites the level of the threshold document in force on the day it was made (in London),
as a decision made here would; a dataset whose decisions no document covers is refused.
"""

from datetime import date

from django.utils import timezone

from safeguard.frontdoor.codes import EarlyHelpOffered, LawfulBasis
from safeguard.frontdoor.models import (
    Contact,
    ContactStatus,
    ThresholdDecision,
    ThresholdDocument,
    ThresholdLevel,
)
from safeguard.journey.load_context import LONDON, NOT_RECORDED, LoadError, Loading, day_text
from safeguard.people.models import Child


def contacts(loading: Loading) -> None:
    rows = loading.new("contacts", "contact_id")
    children = {
        c["id"]: c
        for c in Child.objects.filter(pk__in={loading.child(r) for r in rows}).values(
            "id", "first_name", "last_name", "date_of_birth"
        )
    }
    documents = list(ThresholdDocument.objects.order_by("in_force_from", "version"))
    levels = {(lvl.document_id, lvl.number): lvl.pk for lvl in ThresholdLevel.objects.all()}
    made = []
    for row in rows:
        child = children[loading.child(row)]
        agency = row["referrer_agency_kind"]
        made.append(
            {
                "reference": row["contact_id"],
                "received_at": row["received_at"],
                "recorded_by_id": loading.by.pk,
                "referrer_name": "Not recorded",
                "referrer_agency_id": loading.agency(agency).pk if agency else None,
                "source": row["source"],
                "child_id": child["id"],
                "child_first_name": child["first_name"],
                "child_last_name": child["last_name"],
                "child_date_of_birth": child["date_of_birth"],
                "concerns": [],
                "what_happened": NOT_RECORDED,
                "early_help_offered": EarlyHelpOffered.NO,
                "lawful_basis": LawfulBasis.OTHER,
                "lawful_basis_details": NOT_RECORDED,
                "rag": row["rag"],
                "rag_deadline": row["rag_deadline"],
                "decision_due": timezone.localdate(row["received_at"], LONDON),
                "status": ContactStatus.DECIDED if row["outcome"] else ContactStatus.OPEN,
            }
        )
    decided = [row for row in rows if row["outcome"]]
    level_of = {row["contact_id"]: _level(documents, levels, row) for row in decided}
    loading.create("contacts", Contact, rows, made, "contact_id")
    contact = loading.live["contacts"]
    decisions = [
        {
            "contact_id": contact[row["contact_id"]],
            "level_id": level_of[row["contact_id"]],
            "outcome": row["outcome"],
            "reasoning": NOT_RECORDED,
            "feedback_for_referrer": NOT_RECORDED,
            "decided_by_id": loading.by.pk,
            "decided_at": row["decided_at"],
        }
        for row in decided
    ]
    loading.create("threshold_decisions", ThresholdDecision, decided, decisions)
    # The referrals still to be loaded name the contact they came from.
    loading.contact_of_referral = {
        row["referral_id"]: contact[row["contact_id"]] for row in rows if row["referral_id"]
    }


def _level(documents: list[ThresholdDocument], levels: dict, row: dict) -> int:
    day: date = timezone.localdate(row["decided_at"], LONDON)
    in_force = [d for d in documents if d.in_force_from <= day]
    number = row["threshold_level"]
    found = levels.get((in_force[-1].pk, number)) if in_force and number is not None else None
    if found is None:
        raise LoadError(
            f"Contact {row['contact_id']}: no threshold document with level {number} was in force "
            f"on {day_text(day)}"
        )
    return found

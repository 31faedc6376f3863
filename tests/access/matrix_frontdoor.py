"""Who may use the front door: referrers, the MASH, partner agencies, the partnership office."""

from factories_frontdoor import make_contact, make_threshold_document
from matrix_rules import ANSWERERS, MASH, REFERRERS, rule

from safeguard.frontdoor.codes import Outcome
from safeguard.frontdoor.services import decide, request_information
from safeguard.people.models import Child

TABLE = {
    "frontdoor:refer": rule(REFERRERS),
    "frontdoor:my-referrals": rule(REFERRERS),
    # The contact was made by the partner practitioner; MASH staff are sent to the MASH view.
    "frontdoor:referral": rule(
        {"partner_practitioner", *MASH}, out_of_scope=REFERRERS - MASH - {"partner_practitioner"}
    ),
    "frontdoor:agency-summary": rule({"partner_practitioner"}),
    "frontdoor:queue": rule(MASH),
    "frontdoor:record-contact": rule(MASH),
    "frontdoor:contact": rule(MASH),
    "frontdoor:contact-rag": rule({"mash_manager"}),
    "frontdoor:contact-child": rule(MASH),
    "frontdoor:contact-request": rule(MASH),
    "frontdoor:contact-decision": rule({"mash_manager"}),
    # The request is addressed to the personas' own agency.
    "frontdoor:information-requests": rule(ANSWERERS),
    "frontdoor:information-request": rule(ANSWERERS),
    "frontdoor:dashboard": rule({"mash_manager", "business_manager"}),
    "frontdoor:dashboard-contacts": rule({"mash_manager"}),
    "frontdoor:thresholds": rule({"business_manager"}),
    "frontdoor:threshold-new": rule({"business_manager"}),
    "frontdoor:advice": rule({"business_manager"}),
    "frontdoor:give-advice": rule({"business_manager"}),
}


def records(personas, found):
    """An open contact from the partner about the child, asked of the personas' own agency;
    and a decided one (no further action) for the feedback page."""
    partner = personas["partner_practitioner"]
    child = Child.objects.get(pk=found["child_id"])
    contact = make_contact(recorded_by=partner, referrer=partner, child=child)
    info = request_information(contact, partner.agency, "Known?", by=personas["mash_worker"])
    decided = make_contact(recorded_by=partner, referrer=partner)
    decide(
        decided,
        level=make_threshold_document().levels.get(number=1),
        outcome=Outcome.NO_FURTHER_ACTION,
        reasoning="Universal services",
        feedback="No action",
        by=personas["mash_manager"],
    )
    return {"contact_id": contact.pk, "request_id": info.pk, "decided_contact_id": decided.pk}


OVERRIDES = {"frontdoor:give-advice": lambda found: {"contact_id": found["decided_contact_id"]}}

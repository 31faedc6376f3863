"""Every URL pattern of the project, for every persona, against a declared table.

A pattern missing from the table fails the test: no page ships without deciding who may see it.
"""

from datetime import date

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from factories import ChildFactory, sign_in_as
from factories_frontdoor import make_contact, make_threshold_document

from safeguard.access.roles import STANDARD_ROLES
from safeguard.casework import services
from safeguard.frontdoor.codes import Outcome
from safeguard.frontdoor.models import Referral
from safeguard.frontdoor.services import decide, request_information

ANONYMOUS = "anonymous"
OK = "ok"  # a page, or a redirect that is not to sign in
SIGN_IN = "sign in"  # sent to the sign-in page
DENIED = "denied"  # 403
NOT_FOUND = "not found"  # 404: the record is outside the user's scope
NOT_ALLOWED = "not allowed"  # 405: the URL only takes POST

EVERYONE = {ANONYMOUS, *STANDARD_ROLES}
SIGNED_IN = set(STANDARD_ROLES)
CHILDRENS_SERVICES = {
    "mash_worker",
    "mash_manager",
    "social_worker",
    "team_manager",
    "conference_chair",
}
SEARCHERS = CHILDRENS_SERVICES | {"early_help_practitioner"}
ADDERS = {"mash_worker", "mash_manager", "social_worker", "team_manager"}
MERGERS = {"mash_manager", "team_manager"}
REFERRERS = {
    "partner_practitioner",
    "mash_worker",
    "mash_manager",
    "social_worker",
    "team_manager",
    "early_help_practitioner",
}
MASH = {"mash_worker", "mash_manager"}
CASEWORKERS = {"social_worker", "team_manager", "mash_manager", "conference_chair"}
ANSWERERS = {"partner_practitioner", "mash_worker"}


def rule(allowed: set[str], *, out_of_scope: set[str] = frozenset(), signed_out: str = SIGN_IN):
    """Allowed roles get OK; roles whose scope cannot reach the child get 404; the rest 403."""
    table = {ANONYMOUS: signed_out}
    for role in SIGNED_IN:
        table[role] = OK if role in allowed else NOT_FOUND if role in out_of_scope else DENIED
    return table


# Early help practitioners may search, but their scope (allocated episodes) reaches no child yet.
CHILD_PAGE = rule(CHILDRENS_SERVICES, out_of_scope={"early_help_practitioner"})

MATRIX: dict[str, dict[str, str]] = {
    "home": rule(SIGNED_IN),
    "access:sign-in": dict.fromkeys(EVERYONE, OK),
    "access:sign-out": dict.fromkeys(EVERYONE, NOT_ALLOWED),
    "access:timed-out": dict.fromkeys(EVERYONE, OK),
    "access:keep-alive": rule(SIGNED_IN),
    "access:two-factor": rule(SIGNED_IN),
    "access:log": rule({"data_protection_officer"}),
    "access:break-glass-log": rule({"data_protection_officer"}),
    "people:find": rule(SEARCHERS),
    "people:search-before-add": rule(ADDERS),
    "people:add": rule(ADDERS),
    "people:child": CHILD_PAGE,
    "people:break-glass": CHILD_PAGE,
    "people:who-viewed": rule({"data_protection_officer"}),
    "people:restriction": rule({"team_manager"}),
    "people:merge": rule(MERGERS),
    "people:edit": rule(ADDERS, out_of_scope=set()),
    "people:new-address": rule(ADDERS),
    "people:history": CHILD_PAGE,
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
    "casework:conference-new": rule({"conference_chair"}),
    "casework:close": rule(CASEWORKERS),
    "casework:plan": rule(CASEWORKERS),
    "casework:plan-category": rule(CASEWORKERS),
    "casework:core-group-new": rule(CASEWORKERS),
    "casework:visit-new": rule(CASEWORKERS),
    "casework:review-new": rule({"conference_chair"}),
    "casework:plan-end": rule(CASEWORKERS),
    "casework:cin-plan-new": rule(CASEWORKERS),
    "casework:cin-plan": rule(CASEWORKERS),
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


def _patterns(resolver: URLResolver, namespace: str = "") -> list[tuple[str, URLPattern]]:
    found = []
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            found += _patterns(entry, inner)
        else:
            found.append((f"{namespace}{entry.name}", entry))
    return found


def _records(personas) -> dict[str, dict[str, int]]:
    """One record of each kind the URLs name, and URLs that need a particular one."""
    child = ChildFactory()
    council = personas["partner_practitioner"].agency
    partner = personas["partner_practitioner"]
    contact = make_contact(recorded_by=partner, referrer=partner, child=child)
    info = request_information(contact, council, "Known?", by=personas["mash_worker"])
    decided = make_contact(recorded_by=partner, referrer=partner)
    decide(
        decided,
        level=make_threshold_document().levels.get(number=1),
        outcome=Outcome.NO_FURTHER_ACTION,
        reasoning="Universal services",
        feedback="No action",
        by=personas["mash_manager"],
    )
    defaults = {"child_id": child.pk, "contact_id": contact.pk, "request_id": info.pk}
    defaults |= _pathway_records(personas, child)
    return {"": defaults, "frontdoor:give-advice": defaults | {"contact_id": decided.pk}}


def _pathway_records(personas, child) -> dict[str, int]:
    """A child on a plan, through every stage; another child on a child in need plan."""
    worker, chair = personas["social_worker"], personas["conference_chair"]
    day = date(2024, 3, 20)
    referral = Referral.objects.create(
        child=child, referral_date=day, source="6", primary_need="N1"
    )
    assessment = services.start_assessment(referral, started_on=day, worker=worker)
    discussion = services.record_strategy_discussion(
        referral,
        held_on=day,
        attendees=["la", "police", "health"],
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
        attendees=["la", "police", "health"],
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


def _url(name: str, pattern: URLPattern, records: dict[str, dict[str, int]]) -> str:
    values = records.get(name, records[""])
    return reverse(name, kwargs={key: values[key] for key in pattern.pattern.converters})


def _outcome(response) -> str:
    if response.status_code in (301, 302):
        return SIGN_IN if response["Location"].startswith(reverse("access:sign-in")) else OK
    return {403: DENIED, 404: NOT_FOUND, 405: NOT_ALLOWED}.get(
        response.status_code, OK if response.status_code < 300 else str(response.status_code)
    )


def test_every_url_pattern_has_an_entry_in_the_table():
    names = {name for name, _ in _patterns(get_resolver())}
    assert names - MATRIX.keys() == set(), "decide who may use these pages"
    assert MATRIX.keys() - names == set(), "these entries name no URL pattern"
    for name, table in MATRIX.items():
        assert table.keys() == EVERYONE, f"{name} must name every persona"


@pytest.mark.django_db
def test_each_persona_gets_what_the_table_declares(client, personas):
    records = _records(personas)
    mismatches = []
    for name, pattern in _patterns(get_resolver()):
        url = _url(name, pattern, records)
        for persona, expected in MATRIX[name].items():
            client.logout()
            if persona != ANONYMOUS:
                sign_in_as(client, personas[persona])
            got = _outcome(client.get(url))
            if got != expected:
                mismatches.append(f"{persona} GET {url}: expected {expected}, got {got}")
    assert mismatches == []

from safeguard.access.capabilities import register

REFER = register("frontdoor.refer", "Raise a concern about a child with the front door")
TRIAGE = register("frontdoor.triage", "Work on contacts in the MASH: record, match, ask agencies")
DECIDE = register("frontdoor.decide", "Set RAG ratings and make threshold decisions")
ANSWER_REQUESTS = register(
    "frontdoor.answer_requests", "Answer MASH information requests addressed to one's agency"
)
MANAGE_THRESHOLDS = register("frontdoor.thresholds", "Publish versions of the threshold document")
ADVISE_AGENCIES = register(
    "frontdoor.advise_agencies", "Give feedback to agencies on contacts that did not meet threshold"
)
AGENCY_SUMMARY = register("frontdoor.agency_summary", "See a summary of one's agency's referrals")
DASHBOARD = register("frontdoor.dashboard", "See the front door dashboard (aggregate figures)")
DASHBOARD_CONTACTS = register(
    "frontdoor.dashboard_contacts", "Open the list of contacts behind a dashboard figure"
)

"""Who may use the pages around the pathway: children looked after, missing episodes, exploitation
screening and its catalogue, early help, the home education register and neglect assessments.

The child on a plan from matrix_casework (`child_id`) is also looked after, has been missing and
is on the home education register; the early help practitioner's scope does not reach them (404
where the role has the capability). Another child has an open early help episode that the early
help practitioner leads, so the early help pages are theirs too.
"""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from factories import ChildFactory
from matrix_rules import rule

from safeguard.casework import (
    services_early_help,
    services_exploitation,
    services_home_education,
    services_looked_after,
    services_missing,
)
from safeguard.casework.codes_around import EarlyHelpRoute, ExploitationArea
from safeguard.casework.services_looked_after import Placement
from safeguard.people.models import Child

EARLY_HELP = "early_help_practitioner"
SOCIAL_CARE = {"social_worker", "team_manager"}
LOOKED_AFTER = {*SOCIAL_CARE, "conference_chair"}
MISSING_OR_SCREENING = {*SOCIAL_CARE, "mash_worker", "mash_manager"}
EARLY_HELP_ROLES = {*SOCIAL_CARE, "mash_manager", EARLY_HELP}
CATALOGUE = {"business_manager", "team_manager"}
CASEWORKERS = {"social_worker", "team_manager", "mash_manager", "conference_chair"}

TABLE = {
    "casework:looked-after": rule(LOOKED_AFTER),
    "casework:care-start": rule(LOOKED_AFTER),
    "casework:care-change": rule(LOOKED_AFTER),
    "casework:care-end": rule(LOOKED_AFTER),
    "casework:care-review-new": rule(LOOKED_AFTER),
    "casework:missing": rule(MISSING_OR_SCREENING, out_of_scope={EARLY_HELP}),
    "casework:missing-new": rule(MISSING_OR_SCREENING, out_of_scope={EARLY_HELP}),
    "casework:missing-episode": rule(MISSING_OR_SCREENING, out_of_scope={EARLY_HELP}),
    "casework:screenings": rule(MISSING_OR_SCREENING, out_of_scope={EARLY_HELP}),
    "casework:screening-new": rule(MISSING_OR_SCREENING, out_of_scope={EARLY_HELP}),
    "casework:screening": rule(MISSING_OR_SCREENING, out_of_scope={EARLY_HELP}),
    "casework:catalogues": rule(CATALOGUE),
    "casework:catalogue": rule(CATALOGUE),
    "casework:early-help-tray": rule({EARLY_HELP}),
    "casework:early-help-new": rule(EARLY_HELP_ROLES),
    "casework:early-help": rule(EARLY_HELP_ROLES),
    "casework:early-help-step-up": rule(EARLY_HELP_ROLES),
    "casework:home-education": rule(SOCIAL_CARE),
    "casework:home-education-new": rule(SOCIAL_CARE),
    "casework:home-education-entry": rule(SOCIAL_CARE),
    "casework:neglect": rule(SOCIAL_CARE, out_of_scope={EARLY_HELP}),
    "casework:neglect-reasoning": rule(CASEWORKERS),
}

# Starting early help is asked about the child whose episode the practitioner leads.
OVERRIDES = {"casework:early-help-new": lambda found: {"child_id": found["early_help_child_id"]}}


def records(personas, found):
    worker = personas["social_worker"]
    child = Child.objects.get(pk=found["child_id"])
    day = date(2024, 4, 8)
    services_looked_after.start_care(
        child,
        started_on=day,
        legal_status="C1",
        category_of_need="N1",
        placement=Placement("U6", "PR1"),
        by=worker,
    )
    episode = services_missing.record_missing(
        child,
        kind="A",
        started_at=datetime.combine(day, time(21), tzinfo=ZoneInfo("Europe/London")),
        reported_by="Foster carer",
        by=worker,
    )
    catalogue = services_exploitation.start_draft(by=personas["business_manager"])
    indicator = services_exploitation.add_indicator(
        catalogue, area=ExploitationArea.CRIMINAL, text="Unexplained money", weight=3
    )
    services_exploitation.publish(catalogue, in_force_from=date(2020, 1, 1), by=worker)
    screening = services_exploitation.record_screening(
        child,
        screened_on=day,
        indicator_ids=[indicator.pk],
        practitioner_band="low",
        reasons="One indicator",
        referred_to_panel=False,
        panel_referral_on=None,
        review_on=date(2024, 7, 8),
        by=worker,
    )
    entry = services_home_education.add_to_register(
        child, started_on=day, reason="bullying", education_lead=worker, by=worker
    )
    led = ChildFactory(date_of_birth=date(2015, 5, 5))
    early_help = services_early_help.start_early_help(
        led,
        started_on=day,
        lead=personas[EARLY_HELP],
        needs="Routines at home",
        route=EarlyHelpRoute.REQUEST,
        by=personas[EARLY_HELP],
    )
    return {
        "episode_id": episode.pk,
        "screening_id": screening.pk,
        "catalogue_id": catalogue.pk,
        "entry_id": entry.pk,
        "early_help_id": early_help.pk,
        "early_help_child_id": led.pk,
    }

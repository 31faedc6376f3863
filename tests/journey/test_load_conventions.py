"""What a load does with what a dataset does not hold: the catalogue a screening cites, the time of
a return home interview, the agency an early help episode is led by."""

from datetime import date

import pytest
from factories import UserFactory

from safeguard.casework import services_exploitation, services_missing
from safeguard.casework.codes_around import ExploitationArea
from safeguard.casework.models import (
    EarlyHelpEpisode,
    ExploitationScreening,
    IndicatorCatalogue,
    ReturnHomeInterview,
)
from safeguard.journey import ids
from safeguard.journey.dataset import Dataset
from safeguard.journey.extract_around import UNKNOWN_AGENCY
from safeguard.journey.load import load

LA = "884"
CHILD = {
    "la": LA,
    "child_id": "C9",
    "upn": None,
    "former_upn": None,
    "upn_unknown": "UN1",
    "date_of_birth": date(2003, 5, 1),
    "expected_date_of_birth": None,
    "gender": "2",
    "ethnicity": "WBRI",
    "date_of_death": None,
    "disabilities": ["NONE"],
    "uasc": False,
}


def _screenings(*days: date) -> Dataset:
    return Dataset.build(
        {
            "children": [CHILD],
            "exploitation_screenings": [
                {"la": LA, "child_id": "C9", "screened_on": d, "band": "high"}
                | {"referred_to_panel": True}
                for d in days
            ],
        }
    )


@pytest.fixture
def loader(db, settings):
    settings.LA_CODE = LA
    return UserFactory(role="system_administrator")


def test_screenings_cite_a_catalogue_that_says_they_were_brought_in(loader):
    load(_screenings(date(2016, 11, 1), date(2017, 2, 6)), by=loader)
    brought_in = IndicatorCatalogue.objects.get()
    assert brought_in.version == 0 and "brought in" in brought_in.title
    assert brought_in.in_force_from == date(2016, 11, 1)  # the first screening's day
    assert set(ExploitationScreening.objects.values_list("catalogue", flat=True)) == {brought_in.pk}
    screening = ExploitationScreening.objects.first()
    assert screening.referred_to_panel and screening.panel_referral_on == screening.screened_on


def test_the_partnerships_own_catalogue_stays_the_one_in_force(loader):
    draft = services_exploitation.start_draft(by=loader)
    services_exploitation.add_indicator(draft, area=ExploitationArea.ANY, text="Missing", weight=2)
    own = services_exploitation.publish(draft, in_force_from=date(2015, 4, 1), by=loader)
    load(_screenings(date(2016, 11, 1)), by=loader)
    brought_in = IndicatorCatalogue.objects.get(version=0)
    # Dated no later than the partnership's own, so the own one wins on every day it covers.
    assert brought_in.in_force_from == date(2015, 4, 1)
    assert IndicatorCatalogue.in_force_on(date(2016, 11, 1)) == own
    assert services_exploitation.catalogue_for(date(2026, 1, 5)) == own


def _missing(back: date, interviewed: date) -> Dataset:
    return Dataset.build(
        {
            "children": [CHILD],
            "missing_episodes": [
                {
                    "la": LA,
                    "child_id": "C9",
                    "kind": "M",
                    "start_date": back,
                    "end_date": back,
                    "interview_offered": True,
                    "interview_date": interviewed,
                }
            ],
        }
    )


@pytest.mark.parametrize(
    ("back", "interviewed", "on_time"),
    [
        (date(2016, 6, 6), date(2016, 6, 9), True),
        (date(2016, 6, 6), date(2016, 6, 10), False),
        # Across the clocks going back (30 October 2016): three days are still 72 hours.
        (date(2016, 10, 28), date(2016, 10, 31), True),
    ],
)
def test_an_interview_three_days_after_the_return_is_within_72_hours(
    loader, back, interviewed, on_time
):
    load(_missing(back, interviewed), by=loader)
    interview = ReturnHomeInterview.objects.get()
    assert interview.outcome == "held"
    assert services_missing.held_on_time(interview) is on_time


def test_early_help_with_no_agency_recorded_is_led_by_an_agency_that_says_so(loader):
    start = date(2016, 9, 1)
    episode = {"la": LA, "child_id": "C9", "episode_id": ids.early_help_id("C9", start)}
    episode |= {"start_date": start, "end_date": None, "lead_agency_kind": None, "outcome": None}
    load(Dataset.build({"children": [CHILD], "early_help": [episode]}), by=loader)
    loaded = EarlyHelpEpisode.objects.select_related("lead_agency").get()
    assert loaded.lead_agency.name == UNKNOWN_AGENCY
    assert loaded.route == "" and loaded.lead_practitioner == loader

"""The front door dashboard's headline counts come from the registry's front-door measures, run
over the contacts of the dashboard's period, however short.

Autumn 2025 (1 September to 31 December) lies inside the reporting year 2025-26, and so does
Ruby's August contact before it: it makes her September contact a repeat without being counted
itself. The October contact matched to no child counts as a contact, but not as one linked to a
child (so 1 repeat of 1 linked, 2 contacts in all).
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from factories import ChildFactory
from factories_frontdoor import make_contact

from safeguard.frontdoor.figures import Counts, Period, headline_counts
from safeguard.measures.front_door import UNMATCHED, contacts_dataset

LONDON = ZoneInfo("Europe/London")
AUTUMN_2025 = Period(date(2025, 9, 1), date(2025, 12, 31))


@pytest.fixture
def contacts(personas, settings):
    settings.LA_CODE = "884"
    worker, ruby = personas["mash_worker"], ChildFactory(first_name="Ruby")

    def contact(day: date, child=None):
        received = datetime(day.year, day.month, day.day, 10, tzinfo=LONDON)
        make_contact(recorded_by=worker, child=child, received_at=received)

    contact(date(2025, 8, 1), ruby)
    contact(date(2025, 9, 10), ruby)
    contact(date(2025, 10, 1))
    contact(date(2026, 1, 5), ruby)  # after the period: neither counted nor looked back to


def test_the_counts_are_for_the_period_with_the_months_before_it_looked_back_to(contacts):
    assert headline_counts(AUTUMN_2025) == Counts(
        contacts=2,
        referrals=0,
        decisions=0,
        decisions_in_time=0,
        contacts_with_child=1,
        repeat_contacts=1,
        by_level={1: 0, 2: 0, 3: 0, 4: 0},
    )


def test_a_contact_matched_to_no_child_is_kept_apart_from_the_councils_children(contacts):
    rows = contacts_dataset(AUTUMN_2025)["contacts"].to_pylist()

    assert sorted(r["la"] for r in rows) == ["884", "884", UNMATCHED]
    unmatched = next(r for r in rows if r["la"] == UNMATCHED)
    assert unmatched["child_id"] == unmatched["contact_id"]

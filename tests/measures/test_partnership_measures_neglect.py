"""The neglect measures from the casework records: the share of plans under neglect with a recent
neglect assessment, and with recorded reasoning, on 31 March (today for the year in progress).
Counting the plans is casework's rule (tested in tests/casework/test_around_neglect.py); here,
the figures made from its counts and the day each year is counted on."""

from datetime import date

import pytest
from django.utils import timezone

from safeguard.casework.services_neglect import NeglectConsistency
from safeguard.measures import neglect, registry


@pytest.fixture
def counted_on(monkeypatch, settings):
    settings.LA_CODE = "884"
    days = []

    def consistency(on):
        days.append(on)
        if on.year < 2020:
            return NeglectConsistency(
                plans=0, without_recent_assessment=0, without_reasoning=0, prompted=0
            )
        return NeglectConsistency(
            plans=8, without_recent_assessment=2, without_reasoning=5, prompted=6
        )

    monkeypatch.setattr(neglect, "neglect_consistency", consistency)
    return days


def test_plans_with_a_recent_assessment_and_with_reasoning(counted_on):
    # 8 plans under neglect: 2 without a recent assessment leaves 6 (75%); 5 without reasoning
    # leaves 3 (37.5%).
    assert list(registry.get("neglect_assessed_pct").compute(["2024-25"])) == [
        ("884", "2024-25", 6, 8, 75.0)
    ]
    assert list(registry.get("neglect_reasoned_pct").compute(["2024-25"])) == [
        ("884", "2024-25", 3, 8, 37.5)
    ]
    assert counted_on == [date(2025, 3, 31), date(2025, 3, 31)]


def test_a_year_with_no_plans_under_neglect_has_no_share(counted_on):
    assert list(registry.get("neglect_assessed_pct").compute(["2016-17"])) == []


def test_the_year_in_progress_is_counted_today(counted_on):
    today = timezone.localdate()
    year = f"{today.year if today.month >= 4 else today.year - 1}"
    year = f"{year}-{(int(year) + 1) % 100:02d}"

    list(registry.get("neglect_assessed_pct").compute([year]))

    assert counted_on == [today]

"""The front door's measures on a crafted set of contacts, each answer worked out by hand.

Times are UTC. The year 2016-17 runs from 1 April 2016 00:00 London time (31 March 23:00 UTC,
summer time) to 1 April 2017 00:00 London time (31 March 2017 23:00 UTC: the clocks went forward
on 26 March 2017).
"""

from datetime import UTC, datetime, timedelta

import pytest
from engine_rows import all_figures, contact, dataset

from safeguard.access.models import AgencyKind
from safeguard.measures.catalogue.front_door import INDIVIDUAL, REFERRERS


def at(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


HOUR = timedelta(hours=1)


@pytest.fixture(scope="module")
def front_door():
    return all_figures(
        dataset(
            contacts=[
                # 00:30 on 1 April 2016 in London: in the year. Police, NFA at level 1, in time.
                contact(
                    "k0",
                    "c1",
                    at(2016, 3, 31, 23, 30),
                    agency="police",
                    deadline=at(2016, 4, 1, 12),
                    outcome="nfa",
                    decided=at(2016, 4, 1, 10),
                    level=1,
                ),
                # The same child two months later (a repeat): police, to an assessment (a referral)
                # at level 3, decided an hour after the deadline.
                contact(
                    "k1",
                    "c1",
                    at(2016, 6, 1, 10),
                    agency="police",
                    deadline=at(2016, 6, 2, 10),
                    outcome="assessment",
                    decided=at(2016, 6, 2, 10) + HOUR,
                    level=3,
                ),
                # A school: advice at level 1, in time. Its child's earlier contact (k7) was 13
                # months before: not a repeat.
                contact(
                    "k2",
                    "c2",
                    at(2016, 7, 1, 9),
                    agency="education",
                    deadline=at(2016, 7, 6, 9),
                    outcome="advice",
                    decided=at(2016, 7, 1, 15),
                    level=1,
                ),
                # A member of the public (no agency): NFA at level 1, in time.
                contact(
                    "k3",
                    "c3",
                    at(2016, 8, 1, 9),
                    agency=None,
                    deadline=at(2016, 8, 4, 9),
                    outcome="nfa",
                    decided=at(2016, 8, 2, 9),
                    level=1,
                ),
                # The same child again in January, still open in the MASH: a repeat, not decided.
                contact(
                    "k4",
                    "c3",
                    at(2017, 1, 10, 9),
                    agency=None,
                    deadline=at(2017, 1, 13, 9),
                    outcome=None,
                ),
                # Police: a strategy discussion (a referral) at level 4, in time.
                contact(
                    "k5",
                    "c4",
                    at(2016, 9, 1, 9),
                    agency="police",
                    deadline=at(2016, 9, 1, 13),
                    outcome="strategy",
                    decided=at(2016, 9, 1, 11),
                    level=4,
                ),
                # 00:30 on 1 April 2017 in London: the next year.
                contact(
                    "k6",
                    "c5",
                    at(2017, 3, 31, 23, 30),
                    agency="police",
                    deadline=at(2017, 4, 3, 12),
                    outcome="nfa",
                    decided=at(2017, 4, 3, 10),
                    level=1,
                ),
                # The year before.
                contact(
                    "k7",
                    "c2",
                    at(2015, 6, 1, 9),
                    agency="education",
                    deadline=at(2015, 6, 4, 9),
                    outcome="nfa",
                    decided=at(2015, 6, 2, 9),
                    level=1,
                ),
                # An NHS trust: early help at level 2, decided exactly at the deadline (in time).
                contact(
                    "k8",
                    "c6",
                    at(2016, 10, 3, 9),
                    agency="health_trust",
                    deadline=at(2016, 10, 6, 9),
                    outcome="early_help",
                    decided=at(2016, 10, 6, 9),
                    level=2,
                ),
            ]
        )
    )


def test_contacts_count_those_received_in_the_year_by_london_time(front_door):
    # k0, k1, k2, k3, k4, k5, k8 = 7 (k6 is 1 April 2017 in London; k7 the year before).
    assert front_door["contacts"] == (7, None, 7)


def test_contacts_becoming_referrals_are_a_share_of_the_decided_contacts(front_door):
    # Decided: k0, k1, k2, k3, k5, k8 = 6 (k4 is open). Referrals: k1 and k5 = 2 of 6.
    assert front_door["contacts_referral_pct"] == (2, 6, pytest.approx(100 / 3))


def test_decisions_by_the_rag_deadline_count_a_decision_on_the_deadline_as_in_time(front_door):
    # All decided contacts but k1 (an hour late): 5 of 6.
    assert front_door["mash_decisions_in_time_pct"] == (5, 6, pytest.approx(500 / 6))


@pytest.mark.parametrize(
    ("level", "expected"),
    # Of 6 decisions: level 1 k0, k2, k3; level 2 k8; level 3 k1; level 4 k5.
    [(1, (3, 6, 50.0)), (2, (1, 6, 100 / 6)), (3, (1, 6, 100 / 6)), (4, (1, 6, 100 / 6))],
)
def test_decisions_by_threshold_level(front_door, level, expected):
    numerator, denominator, value = expected
    assert front_door[f"decisions_level_{level}_pct"] == (
        numerator,
        denominator,
        pytest.approx(value),
    )


@pytest.mark.parametrize(
    ("referrer", "expected"),
    [
        # Police decided: k0 (NFA), k1, k5: 1 of 3.
        ("police", (1, 3, 100 / 3)),
        # Education decided in the year: k2 (advice): 0 of 1.
        ("education", (0, 1, 0.0)),
        # Individuals: k3 (NFA) decided, k4 open: 1 of 1.
        (INDIVIDUAL, (1, 1, 100.0)),
        # An NHS trust: k8 (early help): 0 of 1.
        ("health_trust", (0, 1, 0.0)),
        # None from probation: no share to give.
        ("probation", (0, 0, None)),
    ],
)
def test_no_further_action_by_referring_agency(front_door, referrer, expected):
    numerator, denominator, value = expected
    found = front_door[f"contacts_nfa_{referrer}_pct"]
    assert found == (numerator, denominator, value if value is None else pytest.approx(value))


def test_repeat_contacts_had_another_contact_about_the_child_in_the_12_months_before(front_door):
    # k1 (k0 two months before) and k4 (k3 five months before): 2 of 7.
    assert front_door["repeat_contacts_pct"] == (2, 7, pytest.approx(200 / 7))


def test_every_kind_of_referring_agency_has_its_measure():
    # The partnership office makes no referrals; everyone else may.
    kinds = set(AgencyKind.values) - {AgencyKind.PARTNERSHIP_OFFICE}
    assert set(REFERRERS) == kinds | {INDIVIDUAL}

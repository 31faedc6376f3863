"""The front door dashboard's figures over a small, hand-made autumn 2025.

The period is 1 September to 31 December 2025. Three agencies and one member of the public made
seven contacts in it; one more contact, from September 2024, lies outside it. Every figure below
was worked out by hand from this table (deadlines: 09:00 to 17:00 on working days; no bank holiday
falls between September and 24 December 2025).

#  from    child received         RAG   deadline         decided          level outcome
-- ------- ----- ---------------- ----- ---------------- ---------------- ----- ----------
C0 surgery Leo   Mon 2 Sep 2024   amber (out of period)  Tom, 2024        1     NFA
C1 police  Ruby  Wed 3 Sep 10:00  red   Wed 3 Sep 14:00  Priya, 12:00     4     strategy
C2 police  Sam   Thu 11 Sep 10:00 amber Tue 16 Sep 10:00 Tom, Wed 17      1     NFA
C3 school  -     Mon 6 Oct 09:00  amber Wed 8 Oct 17:00  Tom, Wed 16:00   1     NFA
C4 school  Ruby  Wed 3 Dec 10:00  amber Mon 8 Dec 10:00  Priya, Fri 5     3     assessment
C5 surgery Leo   Mon 6 Oct 11:00  amber Thu 9 Oct 11:00  Priya, Thu 11:00 2     early help
C6 police  Mia   Mon 10 Nov 14:00 amber Thu 13 Nov 14:00 open
C7 public  Noah  Mon 17 Nov 10:00 amber Thu 20 Nov 10:00 Tom, 16:00       1     advice

Ruby's C4 comes 91 days after her C1, so it is a repeat contact; Leo's C5 comes 399 days (13
months) after his C0, so it is not.
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from factories import AgencyFactory, ChildFactory, UserFactory
from factories_frontdoor import make_contact

from safeguard.access.models import AgencyKind
from safeguard.frontdoor import services
from safeguard.frontdoor.codes import Outcome, PrimaryNeed
from safeguard.frontdoor.figures import NOT_AN_AGENCY, Figures, Period, compute
from safeguard.frontdoor.models import SharingDecision

LONDON = ZoneInfo("Europe/London")
AUTUMN_2025 = Period(date(2025, 9, 1), date(2025, 12, 31))
POLICE = "Westshire Police"
SCHOOL = "Kingsway Primary School"
SURGERY = "Riverside Surgery"
LEVEL_1 = "Level 1: Universal"
LEVEL_2 = "Level 2: Early help"
LEVEL_3 = "Level 3: Child in need"
LEVEL_4 = "Level 4: Child protection"


def london(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=LONDON)


@pytest.fixture
def figures(personas, levels) -> Figures:
    agencies = {
        POLICE: AgencyFactory(name=POLICE, kind=AgencyKind.POLICE),
        SCHOOL: AgencyFactory(name=SCHOOL, kind=AgencyKind.EDUCATION),
        SURGERY: AgencyFactory(name=SURGERY, kind=AgencyKind.GP_PRACTICE),
    }
    answerers = {
        name: UserFactory(role="partner_practitioner", agency=agency)
        for name, agency in agencies.items()
    }
    priya = UserFactory(role="mash_manager", full_name="Priya Shah")
    tom = UserFactory(role="mash_manager", full_name="Tom Evans")
    worker = personas["mash_worker"]
    ruby, sam, leo, mia, noah = (
        ChildFactory(first_name=name) for name in ["Ruby", "Sam", "Leo", "Mia", "Noah"]
    )

    def contact(agency, child, at, danger=False, **fields):
        return make_contact(
            recorded_by=worker,
            received_at=at,
            agency=agencies.get(agency),
            child=child,
            immediate_danger=danger,
            **fields,
        )

    def ask(contact, agency, at):
        request = services.request_information(
            contact, agencies[agency], "Is the family known?", by=worker, at=at
        )
        return request

    def answer(request, agency, at):
        services.answer_request(
            request,
            decision=SharingDecision.SHARED,
            answer="Known to us",
            reason="Needed to keep the child safe",
            by=answerers[agency],
            at=at,
        )

    def decide(contact, level, outcome, by, at):
        to_social_care = outcome in Outcome.to_social_care()
        services.decide(
            contact,
            level=levels[level],
            outcome=outcome,
            reasoning="Seen against the level descriptors",
            feedback="Thank you",
            by=by,
            primary_need=PrimaryNeed.ABUSE_OR_NEGLECT if to_social_care else "",
            at=at,
        )

    # C0, a year before the period: Leo, from the surgery, asked of the police and answered late
    # (due Tuesday 3 September 2024 at 14:30: 6.5 hours on Monday and 5.5 on Tuesday).
    c0 = contact(SURGERY, leo, london(2024, 9, 2, 10))
    answer(ask(c0, POLICE, london(2024, 9, 2, 10, 30)), POLICE, london(2024, 9, 4, 10))
    decide(c0, 1, Outcome.NO_FURTHER_ACTION, tom, london(2024, 9, 3, 12))

    # C1: the school is asked at 10:30, due 2 hours later at 12:30, and answers at 11:45.
    c1 = contact(POLICE, ruby, london(2025, 9, 3, 10), danger=True)
    answer(ask(c1, SCHOOL, london(2025, 9, 3, 10, 30)), SCHOOL, london(2025, 9, 3, 11, 45))
    decide(c1, 4, Outcome.STRATEGY_DISCUSSION, priya, london(2025, 9, 3, 12))

    # C2: the surgery and the school are asked on Thursday at 11:00, both due 12 hours later on
    # Friday 12 September at 15:00 (6 hours on Thursday, 6 on Friday). The surgery answers on
    # Monday 15th, late; the school never answers.
    c2 = contact(POLICE, sam, london(2025, 9, 11, 10))
    answer(ask(c2, SURGERY, london(2025, 9, 11, 11)), SURGERY, london(2025, 9, 15, 10))
    ask(c2, SCHOOL, london(2025, 9, 11, 11))
    decide(c2, 1, Outcome.NO_FURTHER_ACTION, tom, london(2025, 9, 17, 11))

    c3 = contact(SCHOOL, None, london(2025, 10, 6, 9))
    decide(c3, 1, Outcome.NO_FURTHER_ACTION, tom, london(2025, 10, 8, 16))

    # C4: the surgery is asked on Wednesday 3 December at 11:00, due Thursday 4th at 15:00
    # (6 hours and 6 hours), and answers on Thursday at 14:00.
    c4 = contact(SCHOOL, ruby, london(2025, 12, 3, 10))
    answer(ask(c4, SURGERY, london(2025, 12, 3, 11)), SURGERY, london(2025, 12, 4, 14))
    decide(c4, 3, Outcome.ASSESSMENT, priya, london(2025, 12, 5, 15))

    # C5: the police are asked on Monday 6 October at 11:30, due Tuesday 7th at 15:30 (5.5 hours
    # and 6.5 hours), and never answer. The decision comes exactly at the RAG deadline.
    c5 = contact(SURGERY, leo, london(2025, 10, 6, 11))
    ask(c5, POLICE, london(2025, 10, 6, 11, 30))
    decide(c5, 2, Outcome.EARLY_HELP, priya, london(2025, 10, 9, 11))

    # C6: the surgery is asked on Monday 10 November at 15:00, due Wednesday 12th at 11:00
    # (2 hours, 8 hours, 2 hours), and answers exactly then.
    c6 = contact(POLICE, mia, london(2025, 11, 10, 14))
    answer(ask(c6, SURGERY, london(2025, 11, 10, 15)), SURGERY, london(2025, 11, 12, 11))

    c7 = contact(None, noah, london(2025, 11, 17, 10), referrer_role="Grandmother", source="1A")
    decide(c7, 1, Outcome.INFORMATION_AND_ADVICE, tom, london(2025, 11, 17, 16))

    # The deadlines in the table, checked once so the figures below rest on them.
    assert [c.rag_deadline for c in (c1, c2, c3, c4, c5, c6, c7)] == [
        london(2025, 9, 3, 14),
        london(2025, 9, 16, 10),
        london(2025, 10, 8, 17),
        london(2025, 12, 8, 10),
        london(2025, 10, 9, 11),
        london(2025, 11, 13, 14),
        london(2025, 11, 20, 10),
    ]
    return compute(AUTUMN_2025)


def test_it_counts_the_contacts_received_in_the_period(figures):
    # C1 to C7; C0 is from 2024.
    assert figures.contacts == 7


def test_it_counts_the_contacts_that_became_referrals(figures):
    # C1 (strategy discussion) and C4 (assessment); 2 of 7 is 28.57%.
    assert figures.referrals == 2
    assert figures.conversion == 28.6


def test_it_shows_contacts_referrals_and_no_further_action_by_referring_agency(figures):
    rows = [
        (r.agency, r.contacts, r.referrals, r.decided, r.no_further_action)
        for r in figures.by_agency
    ]
    # Most contacts first, then by name: the police made C1, C2, C6 (C6 undecided; C2 NFA); the
    # school C3, C4 (C3 NFA); the public C7 and the surgery C5 (C0 is out of the period).
    assert rows == [
        (POLICE, 3, 1, 2, 1),
        (SCHOOL, 2, 1, 2, 1),
        (NOT_AN_AGENCY, 1, 0, 1, 0),
        (SURGERY, 1, 0, 1, 0),
    ]
    # Police: 1 referral of 3 contacts; 1 NFA of 2 decided. School: 1 of 2; 1 of 2.
    assert [(r.conversion, r.nfa_share) for r in figures.by_agency] == [
        (33.3, 50.0),
        (50.0, 50.0),
        (0.0, 0.0),
        (0.0, 0.0),
    ]


def test_it_counts_decisions_made_by_the_rag_deadline(figures):
    # Decided: C1, C2, C3, C4, C5, C7. Only C2 was late; C5, decided at its deadline, is in time.
    assert figures.decisions == 6
    assert figures.decisions_in_time == 5
    assert figures.in_time_share == 83.3


def test_it_counts_decisions_by_level_of_need(figures):
    # Level 1: C2, C3, C7. Level 2: C5. Level 3: C4. Level 4: C1.
    assert figures.by_level == [(LEVEL_1, 3), (LEVEL_2, 1), (LEVEL_3, 1), (LEVEL_4, 1)]


def test_it_counts_each_deciders_decisions_by_level(figures):
    # Priya: C1 (4), C4 (3), C5 (2). Tom: C2, C3, C7, all level 1; his C0 is from 2024.
    assert figures.by_decider == [
        ("Priya Shah", {LEVEL_2: 1, LEVEL_3: 1, LEVEL_4: 1}, 3),
        ("Tom Evans", {LEVEL_1: 3}, 3),
    ]


def test_it_counts_repeat_contacts_within_twelve_months(figures):
    # Linked to a child: all but C3, so 6. Repeats: C4 only (Ruby, 3 months after C1); Leo's C5
    # is 13 months after C0. 1 of 6 is 16.67%.
    assert figures.contacts_with_child == 6
    assert figures.repeat_contacts == 1
    assert figures.repeat_share == 16.7


def test_it_counts_information_requests_answered_on_time_by_the_agency_asked(figures):
    # Due in the period. School: C1's on time, C2's never answered. Surgery: C2's late, C4's on
    # time, C6's exactly at the due time. Police: C5's never answered (C0's is due in 2024).
    assert figures.requests_by_agency == [
        (SCHOOL, 2, 1, 50.0),
        (SURGERY, 3, 2, 66.7),
        (POLICE, 1, 0, 0.0),
    ]


# The period itself -------------------------------------------------------------------------------


def test_a_period_with_no_contacts_shows_no_shares_rather_than_dividing_by_zero(db):
    figures = compute(AUTUMN_2025)

    assert (figures.contacts, figures.referrals, figures.decisions) == (0, 0, 0)
    assert figures.conversion is None
    assert figures.in_time_share is None
    assert figures.repeat_share is None
    assert figures.by_agency == []
    assert figures.requests_by_agency == []


def test_the_period_starts_and_ends_at_london_midnight(personas):
    worker = personas["mash_worker"]
    # 23:30 BST on Sunday 31 August is 22:30 UTC: before the period.
    make_contact(recorded_by=worker, received_at=london(2025, 8, 31, 23, 30))
    # 00:30 BST on Monday 1 September is 23:30 UTC on 31 August: inside it.
    make_contact(recorded_by=worker, received_at=london(2025, 9, 1, 0, 30))
    # 23:59 GMT on Wednesday 31 December: inside; 00:00 on 1 January 2026: after it.
    make_contact(recorded_by=worker, received_at=london(2025, 12, 31, 23, 59))
    make_contact(recorded_by=worker, received_at=london(2026, 1, 1, 0, 0))

    assert compute(AUTUMN_2025).contacts == 2


def test_a_contact_decided_after_the_period_counts_with_the_period_it_arrived_in(personas, levels):
    manager = personas["mash_manager"]
    contact = make_contact(recorded_by=manager, received_at=london(2025, 12, 31, 16))
    services.decide(
        contact,
        level=levels[1],
        outcome=Outcome.NO_FURTHER_ACTION,
        reasoning="Below threshold",
        feedback="Thank you",
        by=manager,
        at=london(2026, 1, 2, 10),
    )

    figures = compute(AUTUMN_2025)

    assert (figures.decisions, figures.by_agency[0].no_further_action) == (1, 1)
    assert figures.by_level == [(LEVEL_1, 1)]


def test_the_reporting_year_runs_from_1_april_to_31_march():
    year = Period.reporting_year(2026)

    assert (year.start, year.end) == (date(2025, 4, 1), date(2026, 3, 31))
    assert year.label == "1 April 2025 to 31 March 2026"

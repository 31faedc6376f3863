"""RAG clocks and the decision date of a contact: working hours from receipt, London office hours.

Defaults from RULES.md: red 4, amber 24, green 72 working hours, 09:00 to 17:00 on working days,
a decision 1 working day after the day received (that day is day 0). Every expected time was worked
out by hand from a calendar and the GOV.UK bank holiday list, not copied from the code's output.
"""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from factories_frontdoor import make_contact
from hypothesis import given
from hypothesis import strategies as st

from safeguard.core.calendar import is_working_day, working_hours_between
from safeguard.frontdoor import services
from safeguard.frontdoor.codes import Rag
from safeguard.frontdoor.models import Contact, FrontDoorSettings

LONDON = ZoneInfo("Europe/London")
HOURS = {Rag.RED: 4, Rag.AMBER: 24, Rag.GREEN: 72}


def london(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=LONDON)


def clocks(received_at: datetime, rag: str, front_door: FrontDoorSettings | None = None) -> Contact:
    """A contact with its clocks set, not saved: the rule needs no database."""
    contact = Contact(received_at=received_at, rag=rag)
    contact.set_clocks(front_door or FrontDoorSettings())
    return contact


# The defaults ------------------------------------------------------------------------------------


def test_the_partnership_starts_with_the_defaults_in_the_rules(db):
    front_door = FrontDoorSettings.current()

    assert [front_door.rag_hours(rag) for rag in (Rag.RED, Rag.AMBER, Rag.GREEN)] == [4, 24, 72]
    assert (front_door.office_opens, front_door.office_closes) == (time(9), time(17))
    assert front_door.red_around_the_clock is False
    assert front_door.decision_working_days == 1
    assert front_door.information_request_share == 50


# Worked examples ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("received_at", "rag", "due"),
    [
        # Red on Friday 14 November 2025 at 15:00: 2 hours on Friday, 2 on Monday from 09:00.
        (london(2025, 11, 14, 15), Rag.RED, london(2025, 11, 17, 11)),
        # Red within one day: Monday 10:00 plus 4 hours.
        (london(2025, 11, 17, 10), Rag.RED, london(2025, 11, 17, 14)),
        # Red on Tuesday evening: the clock starts at 09:00 on Wednesday.
        (london(2025, 11, 18, 18, 30), Rag.RED, london(2025, 11, 19, 13)),
        # Amber on Thursday 13 November at 10:00: 7 hours Thursday, 8 Friday, 8 Monday, 1 Tuesday.
        (london(2025, 11, 13, 10), Rag.AMBER, london(2025, 11, 18, 10)),
        # Green on Monday 17 November at 09:00: nine whole working days, to Thursday 27th at 17:00.
        (london(2025, 11, 17, 9), Rag.GREEN, london(2025, 11, 27, 17)),
    ],
)
def test_the_rag_deadline_counts_office_hours_on_working_days(received_at, rag, due):
    assert clocks(received_at, rag).rag_deadline == due


@pytest.mark.parametrize(
    ("received_at", "rag", "due"),
    [
        # Thursday 24 December 2026, 15:00: 2 hours on Thursday; Friday 25th is Christmas Day,
        # Boxing Day falls on Saturday so Monday 28th is the holiday; 2 hours on Tuesday 29th.
        (london(2026, 12, 24, 15), Rag.RED, london(2026, 12, 29, 11)),
        # Thursday 24 December 2026, 10:00, amber: 7 hours Thursday, 8 on Tuesday 29th, 8 on
        # Wednesday 30th, 1 on Thursday 31st.
        (london(2026, 12, 24, 10), Rag.AMBER, london(2026, 12, 31, 10)),
        # Wednesday 24 December 2025, 16:00: 1 hour; Christmas Day Thursday, Boxing Day Friday;
        # 3 hours on Monday 29th.
        (london(2025, 12, 24, 16), Rag.RED, london(2025, 12, 29, 12)),
        # Maundy Thursday 2 April 2026, 15:00: 2 hours; Good Friday 3rd and Easter Monday 6th are
        # holidays; 2 hours on Tuesday 7th.
        (london(2026, 4, 2, 15), Rag.RED, london(2026, 4, 7, 11)),
    ],
)
def test_the_rag_clock_stops_on_bank_holidays(received_at, rag, due):
    assert clocks(received_at, rag).rag_deadline == due


def test_a_red_clock_across_the_spring_clock_change_ends_at_office_time():
    # Friday 27 March 2026, 15:00 GMT: 2 hours; the clocks go forward on Sunday 29th; 2 hours on
    # Monday 30th, so 11:00 BST, which is 10:00 UTC (67 real hours after 15:00 UTC on Friday).
    deadline = clocks(london(2026, 3, 27, 15), Rag.RED).rag_deadline

    assert deadline == london(2026, 3, 30, 11)
    assert deadline.astimezone(UTC) == datetime(2026, 3, 30, 10, tzinfo=UTC)


def test_an_amber_clock_across_the_spring_clock_change_counts_whole_office_days():
    # Thursday 26 March 2026, 10:00 GMT: 7 hours Thursday, 8 Friday, 8 Monday 30th (BST), 1 Tuesday.
    assert clocks(london(2026, 3, 26, 10), Rag.AMBER).rag_deadline == london(2026, 3, 31, 10)


def test_a_red_clock_across_the_autumn_clock_change_ends_at_office_time():
    # Friday 23 October 2026, 15:00 BST: 2 hours; the clocks go back on Sunday 25th; 2 hours on
    # Monday 26th, so 11:00 GMT, which is 11:00 UTC.
    deadline = clocks(london(2026, 10, 23, 15), Rag.RED).rag_deadline

    assert deadline == london(2026, 10, 26, 11)
    assert deadline.astimezone(UTC) == datetime(2026, 10, 26, 11, tzinfo=UTC)


@pytest.mark.parametrize(
    ("received_at", "rag", "due"),
    [
        # Saturday 15 November 2025: the clock starts at 09:00 on Monday 17th.
        (london(2025, 11, 15, 10), Rag.RED, london(2025, 11, 17, 13)),
        # Sunday night, a minute before midnight: still Monday 09:00.
        (london(2025, 11, 16, 23, 59), Rag.RED, london(2025, 11, 17, 13)),
        # Amber on Saturday: Monday, Tuesday and Wednesday, to 17:00 on Wednesday 19th.
        (london(2025, 11, 15, 10), Rag.AMBER, london(2025, 11, 19, 17)),
    ],
)
def test_a_contact_received_at_the_weekend_starts_its_clock_on_monday_morning(
    received_at, rag, due
):
    assert clocks(received_at, rag).rag_deadline == due


# Red around the clock ----------------------------------------------------------------------------


def around_the_clock() -> FrontDoorSettings:
    return FrontDoorSettings(red_around_the_clock=True)


def test_a_red_clock_set_to_run_around_the_clock_counts_elapsed_hours():
    # Friday 14 November 2025, 22:00, plus 4 hours: Saturday 02:00.
    contact = clocks(london(2025, 11, 14, 22), Rag.RED, around_the_clock())

    assert contact.rag_deadline == london(2025, 11, 15, 2)


@pytest.mark.parametrize(
    ("rag", "due"),
    [
        # Amber from Friday 22:00 starts on Monday 17th at 09:00: 24 hours to Wednesday 17:00.
        (Rag.AMBER, london(2025, 11, 19, 17)),
        # Green: nine working days from Monday 17th, to Thursday 27th at 17:00.
        (Rag.GREEN, london(2025, 11, 27, 17)),
    ],
)
def test_amber_and_green_stay_in_working_hours_when_red_runs_around_the_clock(rag, due):
    assert clocks(london(2025, 11, 14, 22), rag, around_the_clock()).rag_deadline == due


def test_a_red_clock_around_the_clock_counts_real_hours_when_the_clocks_go_forward():
    # Saturday 28 March 2026, 23:00 GMT (23:00 UTC); 4 real hours later is 03:00 UTC on Sunday,
    # which is 04:00 BST because 01:00 GMT became 02:00 BST.
    contact = clocks(london(2026, 3, 28, 23), Rag.RED, around_the_clock())

    assert contact.rag_deadline == london(2026, 3, 29, 4)


def test_a_red_clock_around_the_clock_counts_real_hours_when_the_clocks_go_back():
    # Saturday 24 October 2026, 23:00 BST (22:00 UTC); 4 real hours later is 02:00 UTC on Sunday,
    # which is 02:00 GMT because 02:00 BST became 01:00 GMT.
    contact = clocks(london(2026, 10, 24, 23), Rag.RED, around_the_clock())

    assert contact.rag_deadline == datetime(2026, 10, 25, 2, tzinfo=UTC)


# The partnership's own settings ------------------------------------------------------------------


def test_a_partnership_that_opens_08_00_to_18_00_gets_deadlines_in_its_own_hours():
    front_door = FrontDoorSettings(office_opens=time(8), office_closes=time(18))
    # Friday 14 November 2025, 15:00: 3 hours to 18:00, then 1 hour from 08:00 on Monday.
    assert clocks(london(2025, 11, 14, 15), Rag.RED, front_door).rag_deadline == london(
        2025, 11, 17, 9
    )


def test_a_partnership_that_gives_red_two_hours_gets_a_two_hour_deadline():
    front_door = FrontDoorSettings(red_hours=2)
    # Monday 17 November 2025, 16:00: 1 hour on Monday, 1 on Tuesday from 09:00.
    assert clocks(london(2025, 11, 17, 16), Rag.RED, front_door).rag_deadline == london(
        2025, 11, 18, 10
    )


# The decision date -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("received_at", "due"),
    [
        # Friday 14 November 2025: day 0; Monday 17th is day 1.
        (london(2025, 11, 14, 15), date(2025, 11, 17)),
        # Saturday 15 November: day 0 all the same; Monday 17th is day 1.
        (london(2025, 11, 15, 10), date(2025, 11, 17)),
        # Monday 17 November, late in the evening: Tuesday 18th.
        (london(2025, 11, 17, 23, 30), date(2025, 11, 18)),
        # Thursday 24 December 2026: Christmas Friday, weekend, Boxing Day moved to Monday 28th.
        (london(2026, 12, 24, 10), date(2026, 12, 29)),
        # 00:30 BST on Tuesday 1 July 2025 is 23:30 UTC on Monday: the London day counts, so
        # Tuesday is day 0 and Wednesday 2 July day 1.
        (london(2025, 7, 1, 0, 30), date(2025, 7, 2)),
    ],
)
def test_the_decision_is_due_one_working_day_after_the_day_received(received_at, due):
    assert clocks(received_at, Rag.AMBER).decision_due == due


@pytest.mark.parametrize(
    ("received_at", "due"),
    [
        # Under the DfE validator's convention the day received is day 1 when it is a working day.
        (london(2025, 11, 17, 10), date(2025, 11, 17)),
        # Saturday is no working day, so Monday is day 1.
        (london(2025, 11, 15, 10), date(2025, 11, 17)),
        # Christmas Eve 2026 is a Thursday and a working day: day 1 itself.
        (london(2026, 12, 24, 10), date(2026, 12, 24)),
    ],
)
def test_the_decision_date_follows_the_day_1_convention_when_the_partnership_chooses_it(
    settings, received_at, due
):
    settings.SAFEGUARD_WORKING_DAY_CONVENTION = "start_is_day_1"

    assert clocks(received_at, Rag.AMBER).decision_due == due


def test_a_partnership_allowing_two_working_days_gets_decisions_due_two_days_on():
    # Friday 14 November 2025: Monday 17th is day 1, Tuesday 18th day 2.
    front_door = FrontDoorSettings(decision_working_days=2)

    assert clocks(london(2025, 11, 14, 15), Rag.AMBER, front_door).decision_due == date(
        2025, 11, 18
    )


# Information requests --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rag", "due"),
    [
        # Asked on Monday 10 November 2025 at 10:00. Red: half of 4 hours is 2, so 12:00.
        (Rag.RED, london(2025, 11, 10, 12)),
        # Amber: half of 24 is 12: 7 hours on Monday, 5 on Tuesday, so Tuesday 11th at 14:00.
        (Rag.AMBER, london(2025, 11, 11, 14)),
        # Green: half of 72 is 36: 7 Monday, 8 each Tuesday to Thursday (31), 5 on Friday 14th.
        (Rag.GREEN, london(2025, 11, 14, 14)),
    ],
)
def test_an_agency_has_half_the_rag_time_to_answer_an_information_request(personas, rag, due):
    manager = personas["mash_manager"]
    contact = make_contact(recorded_by=manager, received_at=london(2025, 11, 10, 9, 30))
    if rag != contact.rag:
        services.change_rag(
            contact, rag, reason="Rated by the manager", by=manager, at=london(2025, 11, 10, 9, 45)
        )

    request = services.request_information(
        contact,
        personas["mash_worker"].agency,
        "Is the family known?",
        by=manager,
        at=london(2025, 11, 10, 10),
    )

    assert request.due_at == due


def test_an_amber_request_made_late_on_friday_is_due_on_tuesday(personas):
    worker = personas["mash_worker"]
    contact = make_contact(recorded_by=worker, received_at=london(2025, 11, 14, 15))

    # 12 working hours from Friday 16:00: 1 on Friday, 8 on Monday, 3 on Tuesday 18th.
    request = services.request_information(
        contact, worker.agency, "Is the family known?", by=worker, at=london(2025, 11, 14, 16)
    )

    assert request.due_at == london(2025, 11, 18, 12)


def test_a_red_request_runs_around_the_clock_when_the_red_clock_does(personas):
    FrontDoorSettings.objects.update_or_create(pk=1, defaults={"red_around_the_clock": True})
    worker = personas["mash_worker"]
    contact = make_contact(
        recorded_by=worker, received_at=london(2025, 11, 14, 21, 30), immediate_danger=True
    )

    # Half of 4 elapsed hours from Friday 22:00: midnight.
    request = services.request_information(
        contact, worker.agency, "Is the family known?", by=worker, at=london(2025, 11, 14, 22)
    )

    assert request.due_at == london(2025, 11, 15, 0)


def test_a_partnership_giving_agencies_a_quarter_of_the_time_gets_earlier_due_times(personas):
    FrontDoorSettings.objects.update_or_create(pk=1, defaults={"information_request_share": 25})
    worker = personas["mash_worker"]
    contact = make_contact(recorded_by=worker, received_at=london(2025, 11, 10, 9, 30))

    # A quarter of amber's 24 hours is 6: Monday 10:00 to 16:00.
    request = services.request_information(
        contact, worker.agency, "Is the family known?", by=worker, at=london(2025, 11, 10, 10)
    )

    assert request.due_at == london(2025, 11, 10, 16)


# Properties over many receipt times --------------------------------------------------------------

receipts = st.datetimes(
    min_value=datetime(2017, 1, 1),
    max_value=datetime(2030, 12, 31),
    timezones=st.just(LONDON),
    allow_imaginary=False,
)
rags = st.sampled_from(Rag)


@given(received_at=receipts, rag=rags)
def test_a_deadline_is_never_before_receipt(received_at, rag):
    assert clocks(received_at, rag).rag_deadline > received_at


@given(received_at=receipts, rag=rags)
def test_the_clock_runs_exactly_the_rag_hours_of_office_time(received_at, rag):
    deadline = clocks(received_at, rag).rag_deadline

    assert working_hours_between(received_at, deadline) == HOURS[rag]


@given(received_at=receipts)
def test_a_red_clock_around_the_clock_runs_exactly_four_real_hours(received_at):
    deadline = clocks(received_at, Rag.RED, around_the_clock()).rag_deadline

    # In UTC: subtracting two London times gives wall-clock hours, 3 or 5 across a clock change.
    assert deadline.astimezone(UTC) - received_at.astimezone(UTC) == timedelta(hours=4)


@given(first=receipts, second=receipts, rag=rags)
def test_a_later_receipt_never_gives_an_earlier_deadline(first, second, rag):
    earlier, later = sorted([first, second])

    assert clocks(later, rag).rag_deadline >= clocks(earlier, rag).rag_deadline


@given(received_at=receipts, rag=rags)
def test_the_deadline_falls_within_office_hours_on_a_working_day(received_at, rag):
    local = clocks(received_at, rag).rag_deadline.astimezone(LONDON)

    assert is_working_day(local.date())
    assert time(9) < local.time() <= time(17)


@given(received_at=receipts)
def test_the_decision_date_is_the_next_working_day_after_the_day_received(received_at):
    received_on = received_at.date()
    due = clocks(received_at, Rag.AMBER).decision_due

    assert due > received_on
    assert is_working_day(due)
    days_between = (received_on + timedelta(days=n) for n in range(1, (due - received_on).days))
    assert not any(is_working_day(day) for day in days_between)


@given(asked_at=receipts, rag=rags)
def test_an_information_request_runs_half_the_rag_hours_of_office_time(asked_at, rag):
    due = FrontDoorSettings().clock_deadline(asked_at, rag, share=50)

    assert working_hours_between(asked_at, due) == HOURS[rag] / 2

"""The pathway's statutory timescales (RULES.md), worked through real records.

Every expected date was counted by hand on a 2023-2025 calendar against the GOV.UK list of bank
holidays in England and Wales (Good Friday 29 March 2024, Easter Monday 1 April 2024, 6 May 2024,
27 May 2024, 26 August 2024), the start day being day 0 (the project's convention).
"""

import calendar
from datetime import date, timedelta

import pytest
from factories import ChildFactory
from hypothesis import given
from hypothesis import strategies as st
from pathway_records import (
    begin_enquiry,
    child_on_plan,
    conclude_enquiry,
    discuss,
    hold_conference,
    make_staff,
    refer,
)

from safeguard.casework import services, timescales
from safeguard.casework.codes import IcpcAnchor, ReviewDecision
from safeguard.casework.models import CaseworkSettings, Section47Enquiry
from safeguard.casework.rules import PathwayError
from safeguard.core.calendar import add_months

REFERRED = date(2024, 3, 20)  # a Wednesday, eight days before Good Friday
FIRST_DISCUSSION = date(2024, 3, 21)  # Thursday
SECOND_DISCUSSION = date(2024, 4, 4)  # Thursday, after Easter

# 15 working days from Thursday 21 March 2024: 22nd (1), 25th-28th (2-5), Good Friday and Easter
# Monday skipped, 2-5 April (6-9), 8-12 April (10-14), Monday 15 April (15).
DUE_FROM_FIRST = date(2024, 4, 15)
# 15 working days from Thursday 4 April 2024: 5th (1), 8-12 (2-6), 15-19 (7-11), 22-25 (12-15).
DUE_FROM_SECOND = date(2024, 4, 25)


@pytest.fixture
def staff(db):
    return make_staff()


def set_anchor(anchor: str) -> None:
    settings = CaseworkSettings.current()
    settings.icpc_anchor = anchor
    settings.save()


# Assessment: 45 working days from the referral -------------------------------------------------


def test_an_assessment_is_due_45_working_days_after_a_referral_across_easter_and_may(staff):
    referral = refer(ChildFactory(), on=REFERRED, by=staff.mash_manager)
    assessment = services.start_assessment(
        referral, started_on=date(2024, 3, 22), worker=staff.worker
    )
    # From Wednesday 20 March 2024: 21-22 Mar (1-2), 25-28 Mar (3-6), Good Friday 29 Mar and Easter
    # Monday 1 Apr skipped, 2-5 Apr (7-10), 8-12 (11-15), 15-19 (16-20), 22-26 (21-25), 29-30 Apr
    # (26-27), 1-3 May (28-30), bank holiday 6 May skipped, 7-10 May (31-34), 13-17 (35-39),
    # 20-24 (40-44), bank holiday 27 May skipped, Tuesday 28 May (45).
    assert assessment.due_on == date(2024, 5, 28)


def test_an_assessment_is_due_from_the_referral_not_from_its_own_start(staff):
    referral = refer(ChildFactory(), on=REFERRED, by=staff.mash_manager)
    assessment = services.start_assessment(
        referral, started_on=date(2024, 4, 10), worker=staff.worker
    )
    assert assessment.due_on == date(2024, 5, 28)


def test_counting_the_referral_day_as_day_1_brings_the_assessment_one_working_day_forward(
    settings,
):
    settings.SAFEGUARD_WORKING_DAY_CONVENTION = "start_is_day_1"
    # 20 March is a working day, so it is day 1 and day 45 is the 44th working day after it:
    # Friday 24 May 2024 (Tuesday 28 May's predecessor, Monday 27 May, being a bank holiday).
    assert timescales.assessment_due(REFERRED) == date(2024, 5, 24)


# Initial conference: 15 working days from the strategy discussion --------------------------------


def test_a_conference_is_due_15_working_days_after_the_strategy_discussion(staff):
    referral = refer(ChildFactory(), on=REFERRED, by=staff.mash_manager)
    enquiry = begin_enquiry(
        discuss(referral, on=FIRST_DISCUSSION, by=staff.worker), on=FIRST_DISCUSSION
    )
    assert enquiry.conference_due_on == DUE_FROM_FIRST


@pytest.mark.parametrize(
    ("anchor", "due"),
    [
        (IcpcAnchor.LAST_STRATEGY_DISCUSSION, DUE_FROM_SECOND),
        (IcpcAnchor.S47_STRATEGY_DISCUSSION, DUE_FROM_FIRST),
    ],
)
def test_with_two_strategy_discussions_the_anchor_setting_chooses_which_one_counts(
    staff, anchor, due
):
    set_anchor(anchor)
    referral = refer(ChildFactory(), on=REFERRED, by=staff.mash_manager)
    first = discuss(referral, on=FIRST_DISCUSSION, by=staff.worker)
    discuss(referral, on=SECOND_DISCUSSION, by=staff.worker)
    # The enquiry began at the first discussion; only LAST looks at the second.
    enquiry = begin_enquiry(first, on=SECOND_DISCUSSION)
    assert enquiry.conference_due_on == due


@pytest.mark.parametrize(
    ("anchor", "due"),
    [
        (IcpcAnchor.LAST_STRATEGY_DISCUSSION, DUE_FROM_SECOND),
        (IcpcAnchor.S47_STRATEGY_DISCUSSION, DUE_FROM_FIRST),
    ],
)
def test_a_strategy_discussion_after_the_enquiry_began_moves_the_due_date_only_under_last(
    staff, anchor, due
):
    set_anchor(anchor)
    referral = refer(ChildFactory(), on=REFERRED, by=staff.mash_manager)
    enquiry = begin_enquiry(
        discuss(referral, on=FIRST_DISCUSSION, by=staff.worker), on=FIRST_DISCUSSION
    )
    assert enquiry.conference_due_on == DUE_FROM_FIRST

    discuss(referral, on=SECOND_DISCUSSION, by=staff.worker)

    assert Section47Enquiry.objects.get(pk=enquiry.pk).conference_due_on == due


def test_a_strategy_discussion_after_the_conference_leaves_its_due_date_alone(staff):
    referral = refer(ChildFactory(), on=REFERRED, by=staff.mash_manager)
    enquiry = begin_enquiry(
        discuss(referral, on=FIRST_DISCUSSION, by=staff.worker), on=FIRST_DISCUSSION
    )
    conclude_enquiry(enquiry, on=date(2024, 4, 3))
    hold_conference(enquiry, on=date(2024, 4, 10), chair=staff.chair)

    discuss(referral, on=date(2024, 4, 24), by=staff.worker)

    assert Section47Enquiry.objects.get(pk=enquiry.pk).conference_due_on == DUE_FROM_FIRST


@pytest.mark.parametrize(
    ("held_on", "late"),
    [
        (date(2024, 4, 12), False),  # Friday: working day 14 after 21 March
        (date(2024, 4, 15), False),  # Monday: day 15, the due date itself
        (date(2024, 4, 16), True),  # Tuesday: day 16
        (date(2024, 4, 17), True),  # Wednesday: day 17
    ],
)
def test_a_conference_is_late_only_after_working_day_15(staff, held_on, late):
    referral = refer(ChildFactory(), on=REFERRED, by=staff.mash_manager)
    enquiry = begin_enquiry(
        discuss(referral, on=FIRST_DISCUSSION, by=staff.worker), on=FIRST_DISCUSSION
    )
    conclude_enquiry(enquiry, on=date(2024, 4, 11))

    if late:
        with pytest.raises(PathwayError, match="due date \\(15 April 2024\\): enter why"):
            hold_conference(enquiry, on=held_on, chair=staff.chair)
        conference = hold_conference(
            enquiry, on=held_on, chair=staff.chair, late_reason="The police could not attend."
        )
        assert conference.late_reason == "The police could not attend."
    else:
        conference = hold_conference(enquiry, on=held_on, chair=staff.chair)
        assert conference.late_reason == ""
    assert conference.plan.started_on == held_on


# The plan: core group, reviews, visits -------------------------------------------------------


def plan_starting(staff, day: date):
    """A child on a plan from `day`: referred and discussed two weeks before, so never late."""
    return child_on_plan(
        ChildFactory(),
        staff,
        referred_on=day - timedelta(days=14),
        discussed_on=day - timedelta(days=14),
        concluded_on=day - timedelta(days=1),
        conference_on=day,
    ).plan


def test_the_first_core_group_is_due_10_working_days_after_the_conference(staff):
    plan = plan_starting(staff, date(2024, 5, 2))
    # From Thursday 2 May 2024: Friday 3rd (1), bank holiday 6th skipped, 7-10 (2-5),
    # 13-17 (6-10): Friday 17 May.
    assert timescales.first_core_group_due(plan) == date(2024, 5, 17)


@pytest.mark.parametrize(
    ("starts", "first_review"),
    [
        # 31 November does not exist: November's last day.
        (date(2024, 8, 31), date(2024, 11, 30)),
        # 31 April does not exist either.
        (date(2024, 1, 31), date(2024, 4, 30)),
        # 30 February does not exist; 2024 is a leap year, so 29 February.
        (date(2023, 11, 30), date(2024, 2, 29)),
        (date(2024, 5, 2), date(2024, 8, 2)),
    ],
)
def test_the_first_review_is_due_3_calendar_months_after_the_plan_starts(
    staff, starts, first_review
):
    plan = plan_starting(staff, starts)
    assert plan.started_on == starts
    assert timescales.next_review_due(plan) == first_review


def test_later_reviews_are_due_6_months_after_the_last_review(staff):
    plan = plan_starting(staff, date(2023, 6, 1))
    assert timescales.next_review_due(plan) == date(2023, 9, 1)

    services.hold_review(
        plan,
        version=plan.version,
        held_on=date(2023, 8, 31),
        chair=staff.chair,
        decision=ReviewDecision.CONTINUE,
        category=plan.latest_category,
    )
    # 31 August 2023 + 6 months: 31 February 2024 does not exist; 2024 is a leap year.
    assert timescales.next_review_due(plan) == date(2024, 2, 29)

    plan.refresh_from_db()
    services.hold_review(
        plan,
        version=plan.version,
        held_on=date(2024, 2, 15),
        chair=staff.chair,
        decision=ReviewDecision.CONTINUE,
        category=plan.latest_category,
    )
    assert timescales.next_review_due(plan) == date(2024, 8, 15)


def test_a_visit_is_due_every_10_working_days_from_the_last_time_the_child_was_seen(staff):
    plan = plan_starting(staff, date(2024, 5, 2))
    # No visit yet: 10 working days from the plan's start, Friday 17 May (as the core group).
    assert timescales.next_visit_due(plan) == date(2024, 5, 17)

    services.record_visit(
        plan.child,
        visited_on=date(2024, 5, 20),
        seen=True,
        seen_alone=True,
        notes="",
        by=staff.worker,
    )
    # From Monday 20 May: 21-24 (1-4), bank holiday 27th skipped, 28-31 (5-8), 3-4 June (9-10).
    assert timescales.next_visit_due(plan) == date(2024, 6, 4)

    services.record_visit(
        plan.child,
        visited_on=date(2024, 6, 3),
        seen=False,
        seen_alone=False,
        notes="No answer at the door.",
        by=staff.worker,
    )
    # A visit where the child was not seen does not restart the clock.
    assert timescales.next_visit_due(plan) == date(2024, 6, 4)


def test_the_visit_frequency_is_the_partnerships_setting(staff):
    settings = CaseworkSettings.current()
    settings.visit_working_days = 5
    settings.save()
    plan = plan_starting(staff, date(2024, 5, 2))
    services.record_visit(
        plan.child,
        visited_on=date(2024, 5, 20),
        seen=True,
        seen_alone=False,
        notes="",
        by=staff.worker,
    )
    # From Monday 20 May: 21-24 (1-4), bank holiday 27th skipped, Tuesday 28 May (5).
    assert timescales.next_visit_due(plan) == date(2024, 5, 28)


# add_months: the calendar-month arithmetic behind the reviews -----------------------------------

days = st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31))
months = st.integers(min_value=0, max_value=240)


@given(days, months)
def test_add_months_lands_in_the_right_month_on_a_day_that_exists(start, n):
    result = add_months(start, n)
    assert (result.year * 12 + result.month) - (start.year * 12 + start.month) == n
    last_day = calendar.monthrange(result.year, result.month)[1]
    # The same day of the month, or the month's last day when it is shorter.
    assert result.day == min(start.day, last_day)


@given(days, days, months)
def test_add_months_keeps_later_starts_later(a, b, n):
    earlier, later = sorted((a, b))
    assert add_months(earlier, n) <= add_months(later, n)


@given(days, months, months)
def test_add_months_is_later_for_more_months(start, m, n):
    fewer, more = sorted((m, n))
    assert add_months(start, fewer) <= add_months(start, more)

"""The national journey measures on small crafted datasets, each answer worked out by hand.

Every dataset has 10,000 children aged 0-17 in 2016-17 (1 April 2016 to 31 March 2017), so a rate
per 10,000 equals its count.
"""

from datetime import date

import pytest
from engine_rows import (
    all_figures,
    assessment,
    dataset,
    enquiry,
    figures,
    plan,
    referral,
)

from safeguard.core.calendar import Convention


@pytest.fixture(scope="module")
def referrals():
    # c1: referred 1 April 2015 (closed 1 May 2015) and again on 1 April 2016, exactly 12 months
    #     later: the second is in the year and a re-referral (the look-back includes that day).
    # c2: referred 15 June 2016, no further action, closed that day (RC7).
    # c3: referred 30 March 2016 (closed 20 April 2016 with RC8: a closure in the year), and again
    #     on 31 March 2017, 12 months and a day later: in the year, not a re-referral.
    # c4: referred 1 April 2017, the next year: not counted; its RC8 closure on 2 April 2017 isn't
    #     in the year either.
    # c5: referred 1 September 2016 (closed 1 November 2016, RC8) and 1 December 2016: both in the
    #     year, the second a re-referral.
    # c6: referred 10 January 2017, closed on 31 March 2017 (RC7): in the year, not open at its end.
    return all_figures(
        dataset(
            referrals=[
                referral("c1", date(2015, 4, 1), closed=date(2015, 5, 1), reason="RC7"),
                referral("c1", date(2016, 4, 1)),
                referral("c2", date(2016, 6, 15), closed=date(2016, 6, 15), reason="RC7", nfa=True),
                referral("c3", date(2016, 3, 30), closed=date(2016, 4, 20), reason="RC8"),
                referral("c3", date(2017, 3, 31)),
                referral("c4", date(2017, 4, 1), closed=date(2017, 4, 2), reason="RC8"),
                referral("c5", date(2016, 9, 1), closed=date(2016, 11, 1), reason="RC8"),
                referral("c5", date(2016, 12, 1)),
                referral("c6", date(2017, 1, 10), closed=date(2017, 3, 31), reason="RC7"),
            ]
        )
    )


def test_referrals_per_10000_count_the_referrals_starting_in_the_year(referrals):
    # c1 (1 Apr 2016), c2, c3 (31 Mar 2017), c5 twice, c6: 6 referrals; 6 / 10,000 x 10,000 = 6.
    assert referrals["referrals_rate"] == (6, 10_000, 6.0)


def test_re_referrals_are_those_with_another_referral_in_the_12_months_before(referrals):
    # c1's (exactly 12 months after the last) and c5's second: 2 of 6 = 33.33%.
    assert referrals["rereferral_pct"] == (2, 6, pytest.approx(100 / 3))


def test_no_further_action_is_the_share_of_referrals_marked_nfa(referrals):
    # c2's only: 1 of 6.
    assert referrals["referral_nfa_pct"] == (1, 6, pytest.approx(100 / 6))


def test_assessed_not_in_need_counts_rc8_closures_in_the_year_over_referrals(referrals):
    # RC8 closures in the year: c3's first (20 Apr 2016) and c5's first (1 Nov 2016) = 2; c4's
    # (2 Apr 2017) is next year. 2 of the year's 6 referrals = 33.33%.
    assert referrals["assessed_not_in_need_pct"] == (2, 6, pytest.approx(100 / 3))


def test_children_in_need_are_those_with_an_episode_open_at_31_march(referrals):
    # Open on 31 Mar 2017: c1 (since 1 Apr 2016), c3 (from that day), c5 (since 1 Dec 2016) = 3.
    # c6 closed that day; c4 starts the day after.
    assert referrals["cin_rate"] == (3, 10_000, 3.0)


def test_two_referrals_on_the_same_day_are_not_re_referrals_of_each_other():
    # Neither came before the other.
    same_day = dataset(
        referrals=[referral("c1", date(2016, 7, 1)), referral("c1", date(2016, 7, 1), number=2)]
    )
    assert figures(same_day, "rereferral_pct") == (0, 2, 0.0)


# Thu 1 Sep 2016 to Thu 3 Nov 2016: nine whole weeks, no bank holiday = 45 working days.
# To Fri 4 Nov: 46.
# Tue 1 Mar 2016 to Fri 1 Apr 2016 (authorised in the year): weekdays 2 Mar to 1 Apr are 23, less
# Good Friday (25 Mar) and Easter Monday (28 Mar) = 21.
# Thu 22 Dec 2016 to Tue 3 Jan 2017: 23 Dec, 28-30 Dec and 3 Jan = 5 (26 and 27 Dec and 2 Jan are
# bank holidays).
# Authorised the next year, and not yet authorised: neither counts.
ASSESSMENTS = dataset(
    assessments=[
        assessment("a1", date(2016, 9, 1), date(2016, 11, 3)),
        assessment("a2", date(2016, 9, 1), date(2016, 11, 4)),
        assessment("a3", date(2016, 3, 1), date(2016, 4, 1)),
        assessment("a4", date(2016, 12, 22), date(2017, 1, 3)),
        assessment("a5", date(2017, 3, 1), date(2017, 4, 3)),
        assessment("a6", date(2017, 3, 1), None),
    ]
)


@pytest.fixture(scope="module")
def assessments():
    return all_figures(ASSESSMENTS, convention=Convention.START_IS_DAY_0)


def test_assessments_within_45_working_days_count_the_45th_day_as_in_time(assessments):
    # Lengths 45, 46, 21, 5: three of four within 45.
    assert assessments["assessment_45wd_pct"] == (3, 4, 75.0)


def test_the_median_assessment_length_is_the_middle_of_the_working_days(assessments):
    # Sorted 5, 21, 45, 46: the median is the mean of the middle two, (21 + 45) / 2 = 33.
    assert assessments["assessment_median_wd"] == (None, 4, 33.0)


def test_counting_the_start_as_day_1_adds_a_day_to_each_working_day_start():
    # The DfE validator's convention: each start (all working days) counts, so 46, 47, 22, 6:
    # two within 45, median (22 + 46) / 2 = 34.
    day_1 = all_figures(ASSESSMENTS, convention=Convention.START_IS_DAY_1)
    assert day_1["assessment_45wd_pct"] == (2, 4, 50.0)
    assert day_1["assessment_median_wd"] == (None, 4, 34.0)


@pytest.fixture(scope="module")
def enquiries():
    return all_figures(
        dataset(
            section47=[
                # Tue 3 May 2016 (after the early May bank holiday) to Tue 24 May: 4-6 May, 9-13,
                # 16-20, 23-24 = 15 working days.
                enquiry("e1", date(2016, 5, 3), date(2016, 5, 24)),
                # To Wed 25 May: 16.
                enquiry("e2", date(2016, 5, 3), date(2016, 5, 25)),
                # A conference dated before its enquiry: counted as a conference, not timed.
                enquiry("e3", date(2016, 7, 10), date(2016, 7, 1)),
                # Started the year before, no conference.
                enquiry("e4", date(2016, 3, 20), None),
                # Started in the year, conference the next.
                enquiry("e5", date(2017, 3, 30), date(2017, 4, 5)),
            ]
        )
    )


def test_section_47_enquiries_count_those_starting_in_the_year(enquiries):
    # e1, e2, e3, e5 = 4.
    assert enquiries["s47_rate"] == (4, 10_000, 4.0)


def test_initial_conferences_count_those_held_in_the_year(enquiries):
    # e1, e2, e3 = 3 (e5's is next year).
    assert enquiries["icpc_rate"] == (3, 10_000, 3.0)


def test_conferences_within_15_working_days_leave_out_those_dated_before_the_enquiry(enquiries):
    # Timed: e1 (15, in time) and e2 (16, late); e3 left out. 1 of 2.
    assert enquiries["icpc_15wd_pct"] == (1, 2, 50.0)


@pytest.fixture(scope="module")
def plans():
    return all_figures(
        dataset(
            cp_plans=[
                # Open at 31 Mar 2017 and started exactly two years before it.
                plan("p1", date(2015, 3, 31), category="NEG"),
                # Ended on 31 March: not open at it. Starts in the year, a first plan.
                plan("p2", date(2016, 10, 1), date(2017, 3, 31), category="EMO"),
                # Started on 31 March: open. The plan says the child had one before: subsequent.
                plan("p3", date(2017, 3, 31), category="PHY", previous=1),
                # Two plans open at once (poor data): one child, counted under the later (MUL). The
                # later is subsequent: the dataset holds the earlier one.
                plan("p4", date(2016, 6, 1), category="NEG"),
                plan("p4", date(2016, 9, 1), category="MUL"),
                # Open since 1 Apr 2015: under two years.
                plan("p5", date(2015, 4, 1), category="SAB"),
                # Starts next year.
                plan("p6", date(2017, 4, 1), category="NEG"),
                # An earlier plan in 2014, then one in the year that ended: subsequent (the
                # number of previous plans is unknown, but the dataset holds the earlier plan).
                plan("p7", date(2014, 1, 1), date(2014, 6, 1), category="EMO"),
                plan("p7", date(2016, 5, 1), date(2017, 1, 1), category="EMO", previous=None),
            ]
        )
    )


def test_children_on_a_plan_at_31_march_are_counted_once_each(plans):
    # p1, p3, p4 (once), p5 = 4 children.
    assert plans["cpp_rate"] == (4, 10_000, 4.0)


@pytest.mark.parametrize(
    ("measure_id", "expected"),
    [
        # Of the 4 children: p1 NEG, p3 PHY, p4 MUL (its later plan), p5 SAB.
        ("cpp_neglect_pct", (1, 4, 25.0)),
        ("cpp_emotional_pct", (0, 4, 0.0)),
        ("cpp_physical_pct", (1, 4, 25.0)),
        ("cpp_sexual_pct", (1, 4, 25.0)),
        ("cpp_multiple_pct", (1, 4, 25.0)),
        # p1 started on 31 Mar 2015, two years before: 1 of 4.
        ("cpp_2yr_pct", (1, 4, 25.0)),
    ],
)
def test_plans_at_31_march_by_category_and_length(plans, measure_id, expected):
    assert plans[measure_id] == expected


def test_second_or_subsequent_plans_use_the_count_of_previous_plans_and_earlier_plans(plans):
    # Starting in the year: p2, p3, p4 (NEG), p4 (MUL), p7 (2016) = 5; subsequent: p3 (previous 1),
    # p4's MUL and p7's 2016 plan (earlier plans in the dataset) = 3 of 5.
    assert plans["cpp_subsequent_pct"] == (3, 5, 60.0)

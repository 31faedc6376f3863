"""The board's figures for the annual report over a small hand-made 2016-17 (1 April 2016 to
31 March 2017), and the two partnership measures registered from them.

Board members: council (Sarah), police (David), ICB (Anita), school (Claire, whose term ended on
31 December 2016) and the independent chair. P present, D deputy, A apologies, X absent:

meeting      council police ICB school chair
11 May 2016  P       D      A   P      P
14 Sep 2016  P       P      P   X      P
11 Jan 2017  A       P      P   -      P      (Claire no longer expected)
8 Mar 2017   (attendance not recorded: not counted)
10 May 2017  P       P      P   -      P      (next year)

Worked by hand: 3 meetings; expected 14 = 3 + 3 + 3 + 2 + 3; present 10; deputies 1; apologies 2;
absent 1; attended 11 of 14 = 78.6%. Council 2 of 3 = 66.7%; police 3 of 3 = 100%; ICB 66.7%;
school 1 of 2 = 50%; independent 100%.

Actions (agreed, due, outcome):
a1 May 16, 1 Jul 2016, done 30 Jun 2016: on time
a2 May 16, 1 Aug 2016, done 15 Aug 2016: late
a3 Sep 16, 1 Dec 2016, dropped 10 Dec 2016
a4 Sep 16, 1 Feb 2017, open
a5 Jan 17, 31 Mar 2017, done 31 Mar 2017: on time (done on the due date)
a6 Jan 17, 1 Apr 2017: due next year, left out
a7 Feb 16, 31 Mar 2016: due the year before, left out
So: due 5, on time 2, late 1, dropped 1, open 1; rate 2 of (5 - 1) = 50%.
"""

from datetime import date

import pytest
from board_records import attend, board, business_manager, meeting, member, partners, sub_group

from safeguard.board import figures, services_actions
from safeguard.board.codes import ActionStatus
from safeguard.board.codes import AttendanceStatus as S
from safeguard.board.services_reviews import member_year
from safeguard.measures import registry

pytestmark = pytest.mark.django_db


def _action(by, at, owner, due, status=ActionStatus.OPEN, on=None):
    action = services_actions.add_action(at, description="-", owner=owner, due_on=due, by=by)
    if status != ActionStatus.OPEN:
        services_actions.update_action(
            action,
            version=action.version,
            status=status,
            completed_on=on if status == ActionStatus.DONE else None,
            dropped_on=on if status == ActionStatus.DROPPED else None,
            update="Overtaken",
            today=date(2030, 1, 1),
        )
    return action


@pytest.fixture
def year():
    manager = business_manager()
    agencies = partners()
    the_board = board()
    la = member("Sarah Mitchell", agencies["council"], the_board)
    police = member("David Hughes", agencies["police"], the_board)
    icb = member("Anita Rao", agencies["icb"], the_board)
    school = member("Claire Morgan", agencies["school"], the_board, end=date(2016, 12, 31))
    chair = member("Elizabeth Harding", None, the_board)
    february = meeting(the_board, date(2016, 2, 10))
    may = meeting(the_board, date(2016, 5, 11))
    attend(
        may,
        {la: S.PRESENT, police: S.DEPUTY, icb: S.APOLOGIES, school: S.PRESENT, chair: S.PRESENT},
        deputies={police: "DCI Laura Fox"},
    )
    september = meeting(the_board, date(2016, 9, 14))
    attend(
        september,
        {la: S.PRESENT, police: S.PRESENT, icb: S.PRESENT, school: S.ABSENT, chair: S.PRESENT},
    )
    january = meeting(the_board, date(2017, 1, 11))
    attend(january, {la: S.APOLOGIES, police: S.PRESENT, icb: S.PRESENT, chair: S.PRESENT})
    meeting(the_board, date(2017, 3, 8))
    next_may = meeting(the_board, date(2017, 5, 10))
    attend(next_may, {la: S.PRESENT, police: S.PRESENT, icb: S.PRESENT, chair: S.PRESENT})
    # A sub-group's meeting is not in the board's attendance.
    group = sub_group()
    other = member("Karen Lewis", agencies["school"], group)
    attend(meeting(group, date(2016, 6, 1)), {other: S.ABSENT})

    _action(manager, may, police, date(2016, 7, 1), ActionStatus.DONE, date(2016, 6, 30))
    _action(manager, may, police, date(2016, 8, 1), ActionStatus.DONE, date(2016, 8, 15))
    _action(manager, september, la, date(2016, 12, 1), ActionStatus.DROPPED, date(2016, 12, 10))
    _action(manager, september, police, date(2017, 2, 1))
    _action(manager, january, icb, date(2017, 3, 31), ActionStatus.DONE, date(2017, 3, 31))
    _action(manager, january, icb, date(2017, 4, 1))
    _action(manager, february, la, date(2016, 3, 31), ActionStatus.DONE, date(2016, 3, 20))
    return {"police": police, "school": school}


def _row(found, agency):
    return next(a for a in found.agencies if a.agency == agency)


def test_attendance_is_counted_by_agency_over_the_board_meetings_held_in_the_year(year):
    found = figures.attendance_by_agency("2016-17")
    assert found.meetings == 3
    assert [a.agency for a in found.agencies] == [
        "Council",
        "ICB",
        "Police",
        "School",
        "Independent",
    ]
    total = found.total
    assert (total.expected, total.present, total.deputies, total.apologies, total.absent) == (
        14,
        10,
        1,
        2,
        1,
    )
    assert total.rate == 78.6


def test_a_deputy_counts_as_the_agency_attending(year):
    police = _row(figures.attendance_by_agency("2016-17"), "Police")
    assert (police.meetings, police.expected, police.present, police.deputies) == (3, 3, 2, 1)
    assert police.rate == 100.0


def test_a_member_whose_term_ended_is_not_expected_after_it(year):
    school = _row(figures.attendance_by_agency("2016-17"), "School")
    assert (school.meetings, school.expected, school.absent, school.rate) == (2, 2, 1, 50.0)


def test_actions_due_in_the_year_and_completed_on_time(year):
    found = figures.actions_due("2016-17")
    assert (found.due, found.done_on_time, found.done_late, found.dropped, found.still_open) == (
        5,
        2,
        1,
        1,
        1,
    )
    assert found.on_time_rate == 50.0


def test_a_year_with_nothing_in_it_has_no_rates():
    assert figures.attendance_by_agency("2010-11").total.rate is None
    assert figures.actions_due("2010-11").on_time_rate is None


def test_the_board_measures_compute_the_same_figures(year, settings):
    settings.LA_CODE = "999"
    attendance = registry.get("board_attendance_pct")
    on_time = registry.get("board_actions_on_time_pct")
    assert (attendance.priority, attendance.disclosure) == ("board", "none")
    assert list(attendance.compute(["2016-17"])) == [("999", "2016-17", 11, 14, 78.6)]
    assert list(on_time.compute(["2016-17", "2010-11"])) == [
        ("999", "2016-17", 2, 4, 50.0),
        ("999", "2010-11", 0, 0, None),
    ]


def test_a_member_s_year_counts_their_meetings_and_their_actions(year):
    # The police member: present twice, a deputy once; owned a1 (on time), a2 (late) and a4
    # (open) due in the year.
    found = member_year(year["police"], "2016-17")
    assert (found.expected, found.present, found.deputies, found.attendance_rate) == (
        3,
        2,
        1,
        100.0,
    )
    assert (found.actions_owned, found.actions_done, found.actions_on_time) == (3, 2, 1)
    assert found.actions_open == 1

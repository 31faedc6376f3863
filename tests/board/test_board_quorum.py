"""The quorum rule, from the partnership's settings: a board meeting needs every statutory
partner represented and enough members; a sub-group only enough members; a deputy counts unless
the partnership says not."""

from datetime import date

import pytest
from board_records import attend, board, meeting, member, partners, sub_group

from safeguard.board import quorum
from safeguard.board.codes import AttendanceStatus as S
from safeguard.board.models import BoardSettings

pytestmark = pytest.mark.django_db

DAY = date(2016, 11, 9)


@pytest.fixture
def world():
    agencies = partners()
    the_board = board()
    people = {
        "la": member("Sarah Mitchell", agencies["council"], the_board),
        "police": member("David Hughes", agencies["police"], the_board),
        "health": member("Anita Rao", agencies["icb"], the_board),
        "school": member("Claire Morgan", agencies["school"], the_board),
        "chair": member("Elizabeth Harding", None, the_board),
    }
    rule = BoardSettings.current()
    rule.minimum_members = 4
    rule.save()
    return {"board": the_board, "agencies": agencies, **people}


def test_a_meeting_with_no_attendance_recorded_has_no_quorum_yet(world):
    assert quorum.check(meeting(world["board"], DAY)) is None


def test_four_members_with_every_statutory_partner_are_quorate(world):
    found = meeting(world["board"], DAY)
    attend(found, {world[k]: S.PRESENT for k in ("la", "police", "health", "chair")})
    result = quorum.check(found)
    assert result.quorate and result.counted == 4 and result.needed == 4


def test_without_the_police_the_board_is_not_quorate_however_many_come(world):
    found = meeting(world["board"], DAY)
    attend(
        found,
        {
            world["la"]: S.PRESENT,
            world["police"]: S.APOLOGIES,
            world["health"]: S.PRESENT,
            world["school"]: S.PRESENT,
            world["chair"]: S.PRESENT,
        },
    )
    result = quorum.check(found)
    assert not result.quorate
    assert result.reasons == ["The police was not represented"]


def test_a_police_deputy_keeps_the_meeting_quorate(world):
    found = meeting(world["board"], DAY)
    attend(
        found,
        {
            world["la"]: S.PRESENT,
            world["police"]: S.DEPUTY,
            world["health"]: S.PRESENT,
            world["chair"]: S.PRESENT,
        },
        deputies={world["police"]: "DCI Laura Fox"},
    )
    assert quorum.check(found).quorate


def test_when_deputies_do_not_count_the_same_meeting_falls_short_twice(world):
    rule = BoardSettings.current()
    rule.deputies_count = False
    rule.save()
    found = meeting(world["board"], DAY)
    attend(
        found,
        {
            world["la"]: S.PRESENT,
            world["police"]: S.DEPUTY,
            world["health"]: S.PRESENT,
            world["chair"]: S.PRESENT,
        },
        deputies={world["police"]: "DCI Laura Fox"},
    )
    # By hand: three members count (the deputy does not), and the police is not represented.
    assert quorum.check(found).reasons == [
        "3 of the 4 members needed were there",
        "The police was not represented",
    ]


def test_a_partnership_that_does_not_require_the_statutory_partners_counts_heads_only(world):
    rule = BoardSettings.current()
    rule.statutory_partners_required = False
    rule.save()
    found = meeting(world["board"], DAY)
    attend(
        found,
        {
            world["la"]: S.PRESENT,
            world["school"]: S.PRESENT,
            world["chair"]: S.PRESENT,
            world["health"]: S.PRESENT,
        },
    )
    assert quorum.check(found).quorate


def test_a_sub_group_needs_only_its_number_of_members(world):
    group = sub_group()
    first = member("Karen Lewis", world["agencies"]["school"], group)
    second = member("Jenny Walsh", None, group)
    found = meeting(group, DAY)
    attend(found, {first: S.PRESENT, second: S.PRESENT})
    # The default for a sub-group is 3 members; statutory partners are not asked for.
    assert quorum.check(found).reasons == ["2 of the 3 members needed were there"]

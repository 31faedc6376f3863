"""Open actions carry over: a meeting's action log is every action agreed at an earlier meeting
of the same group that was still open on the day, whatever has happened to it since."""

from datetime import date

import pytest
from board_records import board, business_manager, meeting, member, partners, sub_group

from safeguard.board import services_actions
from safeguard.board.codes import ActionStatus
from safeguard.board.services_actions import carried_into

pytestmark = pytest.mark.django_db


def _close(action, status, on):
    services_actions.update_action(
        action,
        version=action.version,
        status=status,
        completed_on=on if status == ActionStatus.DONE else None,
        dropped_on=on if status == ActionStatus.DROPPED else None,
        update="Agreed",
        today=date(2030, 1, 1),
    )


@pytest.fixture
def log():
    manager = business_manager()
    agencies = partners()
    the_board, group = board(), sub_group()
    owner = member("David Hughes", agencies["police"], the_board)
    first = meeting(the_board, date(2016, 5, 11))
    second = meeting(the_board, date(2016, 7, 13))
    third = meeting(the_board, date(2016, 9, 14))
    other = meeting(group, date(2016, 6, 1))

    def add(at, text):
        return services_actions.add_action(
            at, description=text, owner=owner, due_on=date(2016, 12, 1), by=manager
        )

    add(first, "Still open")
    done_before = add(first, "Done before July")
    _close(done_before, ActionStatus.DONE, date(2016, 6, 20))
    done_on_the_day = add(first, "Done on the day of the July meeting")
    _close(done_on_the_day, ActionStatus.DONE, date(2016, 7, 13))
    dropped_between = add(second, "Dropped in August")
    _close(dropped_between, ActionStatus.DROPPED, date(2016, 8, 1))
    add(second, "Agreed in July")
    add(other, "A sub-group's action")
    return {"second": second, "third": third, "first": first}


def _texts(found):
    return sorted(a.description for a in found)


def test_the_first_meeting_has_nothing_carried_over(log):
    assert list(carried_into(log["first"])) == []


def test_the_july_meeting_carries_what_was_open_that_morning(log):
    # By hand: "Done before July" closed on 20 June; the one done on 13 July was still open as
    # the meeting began; the sub-group's action belongs to another group.
    assert _texts(carried_into(log["second"])) == [
        "Done on the day of the July meeting",
        "Still open",
    ]


def test_the_september_meeting_carries_the_still_open_ones_from_both_earlier_meetings(log):
    assert _texts(carried_into(log["third"])) == ["Agreed in July", "Still open"]

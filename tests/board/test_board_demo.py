"""The demo board: made by the board's own services, deterministic for a seed, and with the
figures the annual report needs for 2016-17."""

import pytest
from factories import sign_in_as

from safeguard.board import figures, quorum
from safeguard.board.codes import ActionStatus, GroupKind
from safeguard.board.demo import INQUORATE, seed_board
from safeguard.board.models import (
    Action,
    Attendance,
    BoardGroup,
    BusinessPlan,
    Meeting,
    Member,
    MemberReview,
    Paper,
)
from safeguard.board.services_actions import carried_into
from safeguard.demo.partnership import seed_partnership

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    seed_partnership()
    return seed_board(seed=2017)


def _snapshot():
    return (
        list(
            # A board and a sub-group can meet on one day: the group keeps the order whole.
            Attendance.objects.order_by(
                "meeting__held_on", "meeting__group__name", "member__name"
            ).values_list(
                "meeting__held_on", "meeting__group__name", "member__name", "status", "deputy_name"
            )
        ),
        list(
            Action.objects.order_by("meeting__held_on", "id").values_list(
                "description", "due_on", "status", "completed_on", "dropped_on"
            )
        ),
    )


def test_the_demo_board_has_members_meetings_and_papers(seeded):
    assert seeded["members"] == Member.objects.count() == 17
    board = BoardGroup.objects.get(kind=GroupKind.BOARD)
    assert board.meetings.count() == 18  # six a year for three years
    assert Meeting.objects.exclude(group=board).count() == 27  # three sub-groups, three a year
    assert Paper.objects.exists()
    assert all(bytes(paper.content).startswith(b"%PDF-") for paper in Paper.objects.all())


def test_the_police_persona_and_the_business_manager_are_linked_members(seeded):
    assert Member.objects.get(user__email="david.hughes@police.example.org").name == "David Hughes"
    assert Member.objects.get(user__email="helen.baker@partnership.example.org")


def test_the_november_2016_board_was_not_quorate_for_want_of_the_police(seeded):
    meeting = Meeting.objects.get(group__kind=GroupKind.BOARD, held_on=INQUORATE)
    found = quorum.check(meeting)
    assert not found.quorate
    assert found.statutory_missing == ["The police"]


def test_2016_17_has_attendance_and_actions_figures(seeded):
    attendance = figures.attendance_by_agency("2016-17")
    assert attendance.meetings == 6
    assert attendance.total.apologies > 0 and attendance.total.deputies > 0
    actions = figures.actions_due("2016-17")
    assert actions.due > 0 and actions.done_late > 0


def test_some_actions_are_still_open_and_carried_over(seeded):
    assert Action.objects.filter(status=ActionStatus.OPEN).exists()
    last = Meeting.objects.filter(group__kind=GroupKind.BOARD).order_by("-held_on").first()
    assert carried_into(last).exists()


def test_the_2016_17_plan_has_the_four_priorities_rated_every_quarter(seeded):
    plan = BusinessPlan.objects.get(year="2016-17")
    titles = [p.title for p in plan.priorities.all()]
    assert titles == [
        "Child sexual exploitation and missing children",
        "The child's journey through the child protection process",
        "Neglect",
        "Early help",
    ]
    assert all(p.ratings.count() == 4 for p in plan.priorities.all())
    assert "cpp_rate" in plan.priorities.get(number=2).measure_ids


def test_members_have_their_2016_17_review(seeded):
    # Counted by hand from demo_roster.PEOPLE: 17 members, less the business manager and the
    # scrutineer (who sits only on a sub-group).
    assert MemberReview.objects.filter(year="2016-17").count() == 15
    assert seeded["reviews"] == MemberReview.objects.count()


def test_the_same_seed_makes_the_same_board(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    seed_partnership()
    seed_board(seed=7)
    first = _snapshot()
    for model in (MemberReview, Action, Paper, Attendance):
        model.objects.all().delete()
    Meeting.objects.all().delete()
    BusinessPlan.objects.all().delete()
    Member.objects.all().delete()
    BoardGroup.objects.all().delete()
    seed_board(seed=7)
    assert _snapshot() == first


def test_seeding_twice_changes_nothing(seeded):
    before = Meeting.objects.count()
    assert seed_board(seed=2017)["meetings"] == 0
    assert Meeting.objects.count() == before


def _demo_urls() -> list[str]:
    from django.urls import get_resolver, reverse

    from safeguard.board.models import (
        AgendaItem,
        Membership,
        PlanAction,
        Priority,
    )

    first_year = Meeting.objects.get(group__kind=GroupKind.BOARD, held_on=INQUORATE)
    ids = {
        "board_group_id": BoardGroup.objects.get(kind=GroupKind.BOARD).pk,
        "board_member_id": Member.objects.get(name="David Hughes").pk,
        "membership_id": Membership.objects.first().pk,
        "meeting_id": first_year.pk,
        "agenda_item_id": AgendaItem.objects.filter(meeting=first_year).first().pk,
        "paper_id": Paper.objects.first().pk,
        "board_action_id": Action.objects.first().pk,
        "member_review_id": MemberReview.objects.get(
            member__name="David Hughes", year="2016-17"
        ).pk,
        "business_plan_id": BusinessPlan.objects.get(year="2016-17").pk,
        "priority_id": Priority.objects.filter(plan__year="2016-17").first().pk,
        "plan_action_id": PlanAction.objects.first().pk,
    }
    board_urls = get_resolver().url_patterns
    urls = []
    for entry in board_urls:
        if getattr(entry, "namespace", None) != "board":
            continue
        for pattern in entry.url_patterns:
            kwargs = {key: ids[key] for key in pattern.pattern.converters}
            urls.append(reverse(f"board:{pattern.name}", kwargs=kwargs))
    return urls


def test_every_board_page_opens_on_the_demo_for_the_business_manager(seeded, client):
    from django.contrib.auth import get_user_model

    sign_in_as(client, get_user_model().objects.get(email="helen.baker@partnership.example.org"))
    urls = _demo_urls()
    assert len(urls) == 41
    # Every page but "Your annual review", which is a board member's own.
    failed = [u for u in urls if u != "/board/my-review/" and client.get(u).status_code != 200]
    assert failed == [], failed


def test_the_police_board_member_reads_the_2016_17_plan_and_their_review(seeded, client):
    from django.contrib.auth import get_user_model

    sign_in_as(client, get_user_model().objects.get(email="david.hughes@police.example.org"))
    plan = client.get("/business-plan/?year=2016-17").content.decode()
    assert "The child&#x27;s journey through the child protection process" in plan
    mine = client.get("/board/my-review/").content.decode()
    assert "2016-17" in mine and "2015-16" in mine

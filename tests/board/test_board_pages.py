"""The board's pages for the three kinds of persona: the business manager who runs the board, a
board member who reads it, and staff who must never see it; and what the published minutes and
a member's own review leave out."""

from datetime import date

import pytest
from board_records import attend, board, business_manager, meeting, member, partners
from django.core.files.uploadedfile import SimpleUploadedFile
from factories import UserFactory, sign_in_as

from safeguard.access.models import AccessEvent
from safeguard.board import services_actions, services_meetings, services_plan, services_reviews
from safeguard.board.codes import AttendanceStatus as S
from safeguard.board.models import Meeting
from safeguard.board.papers import attach_paper

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    manager = business_manager()
    agencies = partners()
    the_board = board()
    reader = UserFactory(role="board_member", agency=agencies["police"], full_name="David Hughes")
    other_reader = UserFactory(role="board_member", agency=agencies["icb"], full_name="Anita Rao")
    police = member("David Hughes", agencies["police"], the_board, user=reader)
    health = member("Anita Rao", agencies["icb"], the_board, user=other_reader)
    la = member("Sarah Mitchell", agencies["council"], the_board)
    may = meeting(the_board, date(2016, 5, 11))
    may.office_notes = "Room booked; invoice the police for the lunch"
    may.save()
    open_item = services_meetings.add_item(may, title="Performance report")
    services_meetings.update_item(
        open_item,
        version=1,
        title=open_item.title,
        presenter="Andrew Price",
        confidential=False,
        minutes="Plans fell towards the statistical neighbours.",
    )
    secret = services_meetings.add_item(
        may, title="Serious case review: Family K", confidential=True
    )
    services_meetings.update_item(
        secret,
        version=1,
        title=secret.title,
        presenter="",
        confidential=True,
        minutes="The emerging findings were discussed.",
    )
    services_meetings.record_decision(secret, text="Accept the emerging findings", by=manager)
    services_actions.add_action(
        may,
        item=secret,
        description="Draft the review's action plan",
        owner=la,
        due_on=date(2016, 7, 1),
        by=manager,
    )
    services_actions.add_action(
        may,
        item=open_item,
        description="Analyse school contacts",
        owner=police,
        due_on=date(2016, 7, 1),
        by=manager,
    )
    attend(
        may, {police: S.PRESENT, health: S.DEPUTY, la: S.APOLOGIES}, deputies={health: "Mary Owen"}
    )
    paper = attach_paper(
        open_item,
        title="Performance report May 2016",
        upload=SimpleUploadedFile("performance.pdf", b"%PDF-1.4 the report"),
        by=manager,
    )
    july = meeting(the_board, date(2016, 7, 13))
    review = services_reviews.record_review(
        police,
        year="2016-17",
        held_on=date(2017, 4, 20),
        reviewer="Dr Elizabeth Harding",
        conversation="Attended every meeting.",
        agency_feedback="Briefs the public protection unit.",
        agreed="",
        by=manager,
    )
    return {
        "manager": manager,
        "reader": reader,
        "other_reader": other_reader,
        "stranger": UserFactory(role="social_worker", agency=agencies["council"]),
        "may": may,
        "july": july,
        "paper": paper,
        "review": review,
        "police": police,
    }


def _page(client, user, url):
    sign_in_as(client, user)
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_a_board_member_reads_the_meeting_with_its_papers_but_not_the_office_notes(client, world):
    page = _page(client, world["reader"], f"/board/meetings/{world['may'].pk}/")
    assert "Performance report May 2016" in page
    assert "Serious case review: Family K" in page  # members may read confidential items
    assert "Room booked" not in page
    assert "Record attendance" not in page


def test_the_business_manager_sees_the_office_notes(client, world):
    page = _page(client, world["manager"], f"/board/meetings/{world['may'].pk}/")
    assert "Room booked" in page and "Record attendance" in page


def test_a_board_member_downloads_a_paper_that_no_cache_keeps(client, world):
    sign_in_as(client, world["reader"])
    response = client.get(f"/board/papers/{world['paper'].pk}/")
    assert response.status_code == 200
    assert response.content == b"%PDF-1.4 the report"
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="performance.pdf"'
    assert response["Cache-Control"] == "private, no-store"


def test_staff_outside_the_board_may_not_open_a_meeting_or_its_papers(client, world):
    sign_in_as(client, world["stranger"])
    assert client.get(f"/board/meetings/{world['may'].pk}/").status_code == 403
    assert client.get(f"/board/papers/{world['paper'].pk}/").status_code == 403


def test_the_published_minutes_leave_out_confidential_items_and_office_notes(client, world):
    page = _page(client, world["reader"], f"/board/meetings/{world['may'].pk}/minutes/")
    assert "Plans fell towards the statistical neighbours." in page
    assert "Analyse school contacts" in page
    for hidden in (
        "Family K",
        "emerging findings",
        "Accept the emerging findings",
        "Draft the review's action plan",
        "Room booked",
    ):
        assert hidden not in page
    assert "Mary Owen, ICB (for Anita Rao)" in page
    assert "Draft: not yet approved." in page


def test_the_next_meeting_carries_the_open_actions_over(client, world):
    page = _page(client, world["reader"], f"/board/meetings/{world['july'].pk}/")
    assert "Actions carried over from earlier meetings" in page
    assert "Analyse school contacts" in page


def test_a_board_member_may_read_an_action_but_not_update_it(client, world):
    action = world["may"].actions_agreed.get(description="Analyse school contacts")
    sign_in_as(client, world["reader"])
    assert client.get(f"/board/actions/{action.pk}/").status_code == 200
    response = client.post(
        f"/board/actions/{action.pk}/", {"version": action.version, "status": "dropped"}
    )
    assert response.status_code == 403


def test_the_business_manager_records_attendance_and_the_meeting_shows_its_quorum(client, world):
    july = world["july"]
    sign_in_as(client, world["manager"])
    data = {f"member_{s.member.pk}": "present" for s in services_meetings.expected_members(july)}
    assert client.post(f"/board/meetings/{july.pk}/attendance/", data).status_code == 302
    page = client.get(f"/board/meetings/{july.pk}/").content.decode()
    # By hand: all three members came, so every statutory partner is represented, but the
    # default rule needs 7 members at a board meeting.
    assert "Not quorate: 3 of the 7 members needed were there." in page
    assert world["police"].attendances.get(meeting=july).status == "present"


def test_a_member_reads_their_own_review_and_not_another_s(client, world):
    url = f"/board/member-reviews/{world['review'].pk}/"
    assert "Briefs the public protection unit." in _page(client, world["reader"], url)
    sign_in_as(client, world["other_reader"])
    assert client.get(url).status_code == 404
    page = _page(client, world["reader"], "/board/my-review/")
    assert "2016-17" in page


def test_two_people_editing_the_same_minutes_cannot_overwrite_each_other(client, world):
    item = world["may"].items.get(number=1)
    url = f"/board/items/{item.pk}/"
    form = {"version": item.version, "title": item.title, "presenter": "", "minutes": "Mine"}
    sign_in_as(client, world["manager"])
    assert client.post(url, form).status_code == 302
    response = client.post(url, form | {"minutes": "Theirs"})
    assert "Someone else changed this record while you were working on it" in (
        response.content.decode()
    )
    item.refresh_from_db()
    assert item.minutes == "Mine"


def test_the_plan_shows_a_registered_measure_by_its_title(client, world):
    plan = services_plan.create_plan(year="2016-17")
    priority = services_plan.add_priority(plan, title="The board", measure_ids=[])
    priority.measure_ids = ["board_attendance_pct", "not_yet_registered"]
    priority.save()
    page = _page(client, world["reader"], f"/business-plan/priorities/{priority.pk}/")
    assert "Attendance at board meetings" in page
    assert "not_yet_registered" in page and "(not in the measure registry)" in page


def test_reading_the_board_touches_no_child_s_record(client, world):
    for url in (
        "/board/",
        "/board/meetings/",
        "/board/actions/",
        "/board/figures/",
        "/business-plan/",
        f"/board/meetings/{world['may'].pk}/",
    ):
        _page(client, world["reader"], url)
    assert not AccessEvent.objects.exists()
    assert Meeting.objects.count() == 2


def test_the_business_manager_removes_a_paper_attached_by_mistake(client, world):
    url = f"/board/papers/{world['paper'].pk}/remove/"
    sign_in_as(client, world["reader"])
    assert client.post(url).status_code == 403
    sign_in_as(client, world["manager"])
    assert "Remove ‘Performance report May 2016’?" in client.get(url).content.decode()
    assert client.post(url).status_code == 302
    assert not world["may"].items.get(number=1).papers.exists()


def test_a_priority_keeps_a_measure_the_registry_does_not_know_yet_but_takes_no_new_one(
    client, world
):
    plan = services_plan.create_plan(year="2016-17")
    priority = services_plan.add_priority(plan, title="Neglect")
    priority.measure_ids = ["cpp_neglect_pct_not_yet_registered"]
    priority.save()
    url = f"/business-plan/priorities/{priority.pk}/edit/"
    form = {"version": priority.version, "title": "Neglect", "lead_group": ""}
    sign_in_as(client, world["manager"])
    refused = client.post(url, form | {"measure_ids": ["invented"]})
    assert "Select measures from the list" in refused.content.decode()
    kept = ["cpp_neglect_pct_not_yet_registered", "board_actions_on_time_pct"]
    assert client.post(url, form | {"measure_ids": kept}).status_code == 302
    priority.refresh_from_db()
    assert priority.measure_ids == kept


def test_the_business_manager_records_a_member_s_review_beside_their_year(client, world):
    sarah = world["may"].attendances.get(member__name="Sarah Mitchell").member
    sign_in_as(client, world["manager"])
    listing = client.get("/board/member-reviews/?year=2016-17").content.decode()
    assert f"/board/members/{sarah.pk}/reviews/new/?year=2016-17" in listing
    url = f"/board/members/{sarah.pk}/reviews/new/?year=2016-17"
    # By hand: Sarah sent apologies to the one meeting with attendance recorded in 2016-17.
    assert 'Apologies</th><td class="govuk-table__cell govuk-table__cell--numeric">1' in (
        client.get(url).content.decode()
    )
    response = client.post(
        url,
        {
            "held_on_day": "3",
            "held_on_month": "5",
            "held_on_year": "2017",
            "reviewer": "Dr Elizabeth Harding",
            "conversation": "Missed May; sends a deputy in future.",
            "agency_feedback": "Briefs the leadership team.",
            "agreed": "",
        },
    )
    assert response.status_code == 302
    assert sarah.reviews.get(year="2016-17").reviewer == "Dr Elizabeth Harding"

"""What a business manager is told when an answer is wrong: GOV.UK wording, against the answer,
and nothing saved."""

import io
import zipfile
from datetime import date, timedelta

import pytest
from board_records import board, business_manager, meeting, member, partners
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from factories import sign_in_as

from safeguard.board import (
    services_actions,
    services_meetings,
    services_partnership,
    services_plan,
)
from safeguard.board.codes import ActionStatus, MemberRole
from safeguard.board.forms_meetings import MeetingForm
from safeguard.board.forms_partnership import NewMemberForm
from safeguard.board.forms_plan import PlanForm, RatingForm
from safeguard.board.forms_settings import BoardSettingsForm
from safeguard.board.models import BoardSettings, Paper
from safeguard.board.rules import BoardError
from safeguard.board.services_meetings import Answer

pytestmark = pytest.mark.django_db


def _messages(form) -> list[str]:
    form.is_valid()
    return [item.message for item in form.error_summary]


def _problems(call) -> list[str]:
    with pytest.raises(BoardError) as refused:
        call()
    return [p.message for p in refused.value.problems]


def test_an_empty_meeting_form_names_each_missing_answer():
    assert _messages(MeetingForm({})) == [
        "Select the group that is meeting",
        "Enter the date of the meeting",
        "Enter where the meeting is held",
    ]


def test_a_start_time_must_be_hours_and_minutes():
    form = MeetingForm({"starts_at": "2pm"})
    assert "Enter the start time as hours and minutes, like 14:00" in _messages(form)


def test_an_empty_member_form_names_each_missing_answer():
    assert _messages(NewMemberForm({})) == [
        "Enter the member's full name",
        "Select the group",
        "Select the member's role",
        "Enter the start of the term",
    ]


def test_a_term_cannot_end_before_it_starts_nor_overlap_another_seat_on_the_group():
    the_board = board()
    assert _problems(
        lambda: member("A", None, the_board, start=date(2017, 4, 1), end=date(2017, 3, 1))
    ) == ["The end of the term must be on or after its start"]
    seated = member("Elizabeth Harding", None, the_board, start=date(2016, 4, 1))
    assert _problems(
        lambda: services_partnership.add_membership(
            seated,
            group=the_board,
            role=MemberRole.CHAIR,
            term_start=date(2018, 1, 1),
            term_end=None,
        )
    ) == [
        "Elizabeth Harding already has a seat on The board from 1 April 2016: end that term first"
    ]


def test_a_second_board_is_refused():
    board()
    assert _problems(lambda: board("Another board")) == [
        "The partnership already has a board: add this as a sub-group"
    ]


def test_a_done_or_dropped_action_needs_its_date_and_a_dropped_one_its_reason():
    manager = business_manager()
    the_board = board()
    owner = member("David Hughes", None, the_board)
    at = meeting(the_board, date(2016, 5, 11))
    action = services_actions.add_action(
        at, description="-", owner=owner, due_on=date(2016, 7, 1), by=manager
    )
    assert _problems(
        lambda: services_actions.update_action(action, version=1, status=ActionStatus.DONE)
    ) == ["Enter the date the action was completed"]
    assert _problems(
        lambda: services_actions.update_action(action, version=1, status=ActionStatus.DROPPED)
    ) == ["Enter the date the action was dropped", "Enter why the action was dropped"]
    assert _problems(
        lambda: services_actions.update_action(
            action, version=1, status=ActionStatus.DONE, completed_on=date(2016, 5, 1)
        )
    ) == [
        "The date the action was completed cannot be before the meeting that agreed it "
        "(11 May 2016)"
    ]


def test_an_action_cannot_fall_due_before_the_meeting_that_agreed_it():
    manager = business_manager()
    the_board = board()
    owner = member("David Hughes", None, the_board)
    at = meeting(the_board, date(2016, 5, 11))
    assert _problems(
        lambda: services_actions.add_action(
            at, description="-", owner=owner, due_on=date(2016, 5, 10), by=manager
        )
    ) == ["The due date cannot be before the meeting (11 May 2016)"]


def test_attendance_needs_the_deputy_s_name_and_only_apologies_before_the_day():
    agencies = partners()
    police = member("David Hughes", agencies["police"], board())
    day = timezone.localdate() + timedelta(days=7)
    ahead = meeting(police.memberships.get().group, day)

    def record(status: str) -> int:
        return services_meetings.record_attendance(
            ahead, {police.pk: Answer(status)}, today=timezone.localdate()
        )

    assert _problems(lambda: record("deputy")) == ["Enter the name of David Hughes's deputy"]
    assert _problems(lambda: record("present")) == [
        f"The meeting is on {day:%-d %B %Y}: before then, record only apologies"
    ]
    assert record("apologies") == 1


def test_a_reporting_year_is_written_like_2016_17():
    assert _messages(PlanForm({"year": ""})) == ["Enter the reporting year like 2016-17"]
    assert _problems(lambda: services_plan.create_plan(year="2016-2017")) == [
        "Enter the reporting year like 2016-17"
    ]
    services_plan.create_plan(year="2016-17")
    assert _problems(lambda: services_plan.create_plan(year="2016-17")) == [
        "There is already a business plan for 2016-17"
    ]


def test_a_quarter_s_rating_needs_a_rag_and_a_short_narrative():
    assert _messages(RatingForm({"narrative": "x" * 1001})) == [
        "Select the RAG rating for the quarter",
        "The narrative must be 1,000 characters or fewer",
    ]


def test_a_priority_names_only_measures_the_registry_knows():
    plan = services_plan.create_plan(year="2016-17")
    assert _problems(
        lambda: services_plan.add_priority(plan, title="Neglect", measure_ids=["no_such_measure"])
    ) == ["Choose measures the registry knows: not no_such_measure"]
    made = services_plan.add_priority(plan, title="Neglect", measure_ids=["board_attendance_pct"])
    assert made.measure_ids == ["board_attendance_pct"]


def test_the_quorum_settings_take_whole_numbers_from_1():
    form = BoardSettingsForm(
        {"minimum_members": "0", "subgroup_minimum_members": "x", "paper_max_mb": ""},
        instance=BoardSettings.current(),
    )
    assert _messages(form) == [
        "The number of members needed for a board meeting must be 1 or more",
        "Enter the number of members needed for a sub-group meeting as a whole number",
        "Enter the size of the largest paper",
    ]


def _docx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return out.getvalue()


@pytest.fixture
def item_page(client):
    manager = business_manager()
    at = meeting(board(), date(2016, 5, 11))
    item = services_meetings.add_item(at, title="Performance report")
    sign_in_as(client, manager)
    return f"/board/items/{item.pk}/papers/new/"


def _upload(client, url, name, data):
    return client.post(url, {"title": "Performance", "file": SimpleUploadedFile(name, data)})


def test_a_paper_must_be_a_pdf_or_an_office_file_by_its_content(client, item_page):
    for name, data in [
        ("report.exe", b"MZ..."),
        ("report.pdf", b"not really a pdf"),
        ("report.docx", b"PK not a zip"),
    ]:
        response = _upload(client, item_page, name, data)
        assert response.status_code == 200
        assert "The selected file must be a PDF, Word, Excel or PowerPoint file" in (
            response.content.decode()
        )
    assert not Paper.objects.exists()
    assert _upload(client, item_page, "report.docx", _docx()).status_code == 302
    assert Paper.objects.get().content_type.endswith("wordprocessingml.document")


def test_a_paper_must_not_be_empty_nor_bigger_than_the_limit(client, item_page):
    rule = BoardSettings.current()
    rule.paper_max_mb = 1
    rule.save()
    too_big = b"%PDF-" + b"0" * (1024 * 1024)
    assert "The selected file must be smaller than 1MB" in (
        _upload(client, item_page, "big.pdf", too_big).content.decode()
    )
    assert "The selected file is empty" in (
        _upload(client, item_page, "empty.pdf", b"").content.decode()
    )
    assert not Paper.objects.exists()

"""The report's words: a section of each kind and one per priority, each keeping its earlier
wordings and refusing a stale save; sign-off by the three statutory partners' leads freezes the
words until a new version starts, which clears the sign-offs."""

from datetime import date

import pytest
from factories import UserFactory
from report_records import YEAR, add_plan, make_board, sign_off_all, written_report

from safeguard.board import services_partnership, services_plan
from safeguard.board.codes import MemberRole
from safeguard.core.models import StaleEdit
from safeguard.reports import services_narrative as services
from safeguard.reports.codes import SectionKind
from safeguard.reports.models import NarrativeSection
from safeguard.reports.rules import ReportError

pytestmark = pytest.mark.django_db

ON = date(2017, 9, 20)


@pytest.fixture
def manager():
    return UserFactory(role="business_manager")


def _messages(refused: pytest.ExceptionInfo) -> list[str]:
    return [p.message for p in refused.value.problems]


def test_a_new_report_has_a_section_of_each_kind_and_one_per_priority(manager):
    add_plan()
    report = services.open_report(year=YEAR, by=manager)
    headings = [s.heading for s in services.ordered_sections(report)]
    assert headings == [
        "Foreword from the independent chair",
        "Our assessment of the effectiveness of safeguarding",
        "The changing statutory context",
        "The child's journey",
        "Missing children",
        "Conclusion",
        "Our priorities for next year",
    ]


@pytest.mark.parametrize(
    ("year", "message"),
    [
        ("2016-18", "Enter a reporting year like 2016-17"),
        ("2016", "Enter a reporting year like 2016-17"),
        (YEAR, "There is already an annual report for 2016-17"),
    ],
)
def test_a_year_that_is_not_a_reporting_year_or_already_has_a_report_is_refused(
    manager, year, message
):
    services.open_report(year=YEAR, by=manager)
    with pytest.raises(ReportError) as refused:
        services.open_report(year=year, by=manager)
    assert _messages(refused) == [message]


def test_saving_a_section_keeps_its_earlier_wordings(manager):
    report = services.open_report(year=YEAR, by=manager)
    foreword = report.sections.get(kind=SectionKind.FOREWORD)
    services.save_section(foreword, version=1, heading="Foreword", text="First", by=manager)
    services.save_section(foreword, version=2, heading="Foreword", text="Second", by=manager)
    texts = list(foreword.history.order_by("history_date").values_list("text", "history_user"))
    assert texts == [("", None), ("First", manager.pk), ("Second", manager.pk)]


def test_a_save_from_a_copy_someone_else_changed_is_refused(manager):
    report = services.open_report(year=YEAR, by=manager)
    mine = report.sections.get(kind=SectionKind.CONCLUSION)
    theirs = NarrativeSection.objects.get(pk=mine.pk)
    services.save_section(theirs, version=1, heading="Conclusion", text="Theirs", by=manager)
    with pytest.raises(StaleEdit):
        services.save_section(mine, version=1, heading="Conclusion", text="Mine", by=manager)
    assert NarrativeSection.objects.get(pk=mine.pk).text == "Theirs"


def test_sign_off_needs_every_section_written(manager):
    board = make_board()
    report = services.open_report(year=YEAR, by=manager)
    with pytest.raises(ReportError) as refused:
        services.sign_off(report, member=board.council, signed_on=ON, by=manager)
    assert _messages(refused) == [
        "Write every section before sign-off: Foreword from the independent chair; Our "
        "assessment of the effectiveness of safeguarding; The changing statutory context; "
        "Conclusion; Our priorities for next year"
    ]


def test_only_a_lead_safeguarding_partner_on_the_day_signs_off(manager):
    board = make_board()
    report = written_report(by=manager)
    delegate = services_partnership.add_member(
        name="A delegate",
        job_title="",
        agency=board.police.agency,
        user=None,
        group=board.group,
        role=MemberRole.DELEGATED_PARTNER,
        term_start=date(2014, 4, 1),
    )
    with pytest.raises(ReportError) as refused:
        services.sign_off(report, member=delegate, signed_on=ON, by=manager)
    assert _messages(refused) == [
        "A delegate did not hold a lead safeguarding partner's seat on the board on "
        "20 September 2017"
    ]
    with pytest.raises(ReportError):
        services.sign_off(report, member=board.police, signed_on=date(2013, 1, 1), by=manager)


def test_a_board_member_signs_for_themselves_only():
    council_lead = UserFactory(role="board_member")
    board = make_board(council_user=council_lead)
    report = written_report()
    with pytest.raises(ReportError) as refused:
        services.sign_off(report, member=board.police, signed_on=ON, by=council_lead)
    assert _messages(refused) == ["You can only sign the report off for yourself"]
    signed = services.sign_off(report, member=board.council, signed_on=ON, by=council_lead)
    assert (signed.partner_name, signed.recorded_by) == ("Test Council", council_lead)


def test_a_partner_signs_each_version_once(manager):
    board = make_board()
    report = written_report(by=manager)
    services.sign_off(report, member=board.police, signed_on=ON, by=manager)
    with pytest.raises(ReportError) as refused:
        services.sign_off(report, member=board.police, signed_on=ON, by=manager)
    assert _messages(refused) == ["Test Police has already signed this version off"]


def test_a_signed_off_report_is_frozen_until_a_new_version_clears_the_sign_offs(manager):
    board = make_board()
    report = written_report(by=manager)
    services.sign_off(report, member=board.council, signed_on=ON, by=manager)
    assert services.is_frozen(report) and not services.is_signed_off(report)
    section = report.sections.get(kind=SectionKind.CONCLUSION)
    with pytest.raises(ReportError) as refused:
        services.save_section(
            section, version=section.version, heading="Conclusion", text="New", by=manager
        )
    assert _messages(refused) == [services.FROZEN]

    services.sign_off(report, member=board.police, signed_on=ON, by=manager)
    services.sign_off(report, member=board.health, signed_on=ON, by=manager)
    assert services.is_signed_off(report)

    services.start_new_edition(report, version=report.version, by=manager)
    report.refresh_from_db()
    assert report.edition == 2
    assert not services.is_frozen(report) and services.current_sign_offs(report) == []
    assert report.sign_offs.filter(edition=1).count() == 3  # the earlier version's stay
    services.save_section(
        section, version=section.version, heading="Conclusion", text="New", by=manager
    )


def test_a_new_version_needs_a_sign_off_to_replace(manager):
    report = written_report(by=manager)
    with pytest.raises(ReportError) as refused:
        services.start_new_edition(report, version=report.version, by=manager)
    assert _messages(refused) == ["Nobody has signed this version off yet: change it as it is"]


def test_all_three_statutory_partners_make_the_report_signed_off(manager):
    board = make_board()
    report = written_report(by=manager)
    sign_off_all(report, board, manager)
    assert [s.partner_name for s in services.current_sign_offs(report)] == [
        "Test Council",
        "Test Police",
        "Test ICB",
    ]
    assert services.partners_to_sign(report, ON) == []


def test_a_priority_added_to_the_plan_later_gets_its_section(manager):
    add_plan()
    report = services.open_report(year=YEAR, by=manager)
    plan = report.sections.exclude(priority=None).first().priority.plan
    services_plan.add_priority(plan, title="Early help")
    assert services.add_priority_sections(report) == 1
    assert services.add_priority_sections(report) == 0
    assert report.sections.filter(kind=SectionKind.PRIORITY).count() == 3

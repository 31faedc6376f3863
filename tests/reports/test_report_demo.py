"""The demo's 2016-17 annual report: every section written, signed off by the three lead
safeguarding partners, built when the measures are stored, and received by cabinet with its
questions and resolution."""

import pytest
from report_records import make_run

from safeguard.board.demo import seed_board
from safeguard.demo.partnership import seed_partnership
from safeguard.reports import services_narrative
from safeguard.reports.demo import seed_reports
from safeguard.reports.models import AnnualReport, CabinetItem

pytestmark = pytest.mark.django_db


@pytest.fixture
def board(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    seed_partnership()
    seed_board(seed=2017)


def test_the_demo_report_is_written_signed_off_built_and_received_by_cabinet(board):
    run = make_run()
    assert seed_reports(seed=2017) == {"reports": 1, "builds": 1, "questions": 4}
    report = AnnualReport.objects.get(year="2016-17")
    sections = services_narrative.ordered_sections(report)
    assert [s.heading for s in sections if s.priority] == [
        "Child sexual exploitation and missing children",
        "The child's journey through the child protection process",
        "Neglect",
        "Early help",
    ]
    assert all(s.is_written for s in sections)
    assert services_narrative.is_signed_off(report)
    assert [s.member.name for s in services_narrative.current_sign_offs(report)] == [
        "Sarah Mitchell",
        "Rebecca Stone",
        "Nicola Hart",
    ]
    item = CabinetItem.objects.get(report=report)
    assert item.purpose.startswith("To receive a presentation from the independent chair")
    assert item.resolution == "The annual report was noted."
    assert list(item.questions.values_list("number", flat=True)) == [1, 2, 3, 4]
    build = item.supporting_build
    assert build.run_number == run.pk and build.signed_off
    assert "an improving trajectory" in build.html
    assert "signed off by the lead safeguarding partners: Sarah Mitchell" in build.html


def test_seeding_again_changes_nothing(board):
    seed_reports(seed=2017)
    assert seed_reports(seed=2017) == {"reports": 0, "builds": 0, "questions": 0}
    assert AnnualReport.objects.count() == 1


def test_without_stored_measures_the_item_waits_for_the_report(board):
    assert seed_reports(seed=2017)["builds"] == 0
    assert CabinetItem.objects.get().supporting_build is None

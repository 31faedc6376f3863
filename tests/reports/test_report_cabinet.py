"""The cabinet item that receives the report: recorded by the business manager with the questions
raised and the responses in order, the resolution, and the built report attached; read by board
members; written out as HTML and as a tagged PDF."""

from datetime import date

import pytest
from factories import UserFactory, sign_in_as
from report_records import YEAR, make_run, poppler, written_report

from safeguard.reports import builds, document, services_cabinet
from safeguard.reports.models import CabinetItem
from safeguard.reports.pdf import write_pdf
from safeguard.reports.rules import ReportError

pytestmark = pytest.mark.django_db

CABINET = f"/reports/annual/{YEAR}/cabinet/"


@pytest.fixture
def manager():
    return UserFactory(role="business_manager")


@pytest.fixture
def item(manager):
    report = written_report(by=manager)
    build = builds.build(report, run=make_run())
    item = services_cabinet.record_item(
        report,
        meeting="Cabinet",
        meeting_on=date(2017, 10, 26),
        title="Safeguarding children board annual report 2016/17",
        purpose="To receive a presentation from the chair of the safeguarding children board on "
        "the annual report 2016/17.",
        presented_by="Dr Elizabeth Harding, independent chair",
        resolution="The annual report was noted.",
        supporting_build=build,
        by=manager,
    )
    for asked, question in [
        ("Councillor Harlow", "Why were more children on plans than expected?"),
        ("Councillor Price", "How are police and health now equal partners?"),
        ("Councillor Baines", "What did the serious case review teach us?"),
    ]:
        services_cabinet.add_question(
            item, asked_by=asked, question=question, answered_by="The chair", response="Because."
        )
    return item


def test_questions_are_numbered_in_the_order_they_were_recorded_and_close_up_when_one_goes(item):
    assert list(item.questions.values_list("number", "asked_by")) == [
        (1, "Councillor Harlow"),
        (2, "Councillor Price"),
        (3, "Councillor Baines"),
    ]
    second = item.questions.get(number=2)
    services_cabinet.remove_question(second, version=second.version)
    assert list(item.questions.values_list("number", "asked_by")) == [
        (1, "Councillor Harlow"),
        (2, "Councillor Baines"),
    ]


def test_the_business_manager_records_the_item_from_the_page(client, manager):
    report = written_report(by=manager)
    sign_in_as(client, manager)
    form = client.get(f"{CABINET}edit/").content.decode()
    assert "To receive a presentation from the chair of the safeguarding children partnership" in (
        form
    )
    response = client.post(
        f"{CABINET}edit/",
        {
            "meeting": "Cabinet",
            "meeting_on_day": "26",
            "meeting_on_month": "10",
            "meeting_on_year": "2017",
            "title": "Annual report",
            "purpose": "To receive the report",
            "presented_by": "The chair",
            "resolution": "The annual report was noted.",
        },
    )
    assert response.status_code == 302 and response["Location"] == CABINET
    response = client.post(
        f"{CABINET}questions/new/",
        {"asked_by": "Cllr A", "question": "Q?", "answered_by": "The chair", "response": "A."},
    )
    assert response.status_code == 302
    item = CabinetItem.objects.get(report=report)
    assert item.questions.get().number == 1
    empty = client.post(f"{CABINET}questions/new/", {}).content.decode()
    assert "Enter who asked the question" in empty and "Enter the response" in empty


def test_a_board_member_reads_the_item_and_a_social_worker_cannot(client, item):
    sign_in_as(client, UserFactory(role="board_member"))
    page = client.get(CABINET).content.decode()
    assert "Question 2, from Councillor Price" in page
    assert "The annual report was noted." in page
    assert f"builds/{item.supporting_build.pk}/report.pdf" in page
    assert "Record a question" not in page
    assert client.get(f"{CABINET}edit/").status_code == 403
    sign_in_as(client, UserFactory(role="social_worker"))
    assert client.get(CABINET).status_code == 403


def test_the_item_as_a_document_has_the_minutes_the_resolution_and_the_report_attached(
    item, settings, tmp_path
):
    settings.SAFEGUARD_BASE_URL = "https://safeguard.example.org"
    html = document.cabinet_item_html(item)
    assert html.index("Question 1, from Councillor Harlow") < html.index("Question 3")
    assert "The annual report was noted." in html
    assert (
        f'href="https://safeguard.example.org/reports/annual/2016-17/builds/'
        f'{item.supporting_build.pk}/report.pdf"' in html
    )
    pdf = tmp_path / "item.pdf"
    pdf.write_bytes(write_pdf(html))
    text = poppler("pdftotext", str(pdf), "-")
    assert "Minutes of the discussion" in text and "Resolution" in text
    assert "To receive a presentation from the chair" in text


def test_the_item_downloads_as_a_pdf_and_opens_as_a_document(client, manager, item):
    sign_in_as(client, manager)
    pdf = client.get(f"{CABINET}item.pdf")
    assert pdf.content.startswith(b"%PDF-")
    html = client.get(f"{CABINET}item.html").content.decode()
    assert f'href="/reports/annual/2016-17/builds/{item.supporting_build.pk}/report.pdf"' in html


def test_a_build_of_another_years_report_cannot_be_attached(manager, item):
    other = written_report(by=manager, year="2017-18")
    wrong = builds.build(other, run=make_run(years=["2016-17", "2017-18"], fingerprint="r2"))
    with pytest.raises(ReportError):
        services_cabinet.update_item(
            item,
            version=item.version,
            meeting=item.meeting,
            meeting_on=item.meeting_on,
            title=item.title,
            purpose=item.purpose,
            presented_by=item.presented_by,
            resolution=item.resolution,
            supporting_build=wrong,
        )

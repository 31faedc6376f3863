"""The annual report's pages: the business manager writes, builds and records sign-offs; board
members read the report (and a lead partner signs for themselves); children's services staff and
people signed out cannot use them."""

import base64
import hashlib
import re
from datetime import date

import pytest
from factories import UserFactory, sign_in_as
from report_records import YEAR, make_board, make_run, written_report

from safeguard.reports import builds
from safeguard.reports.codes import SectionKind
from safeguard.reports.models import AnnualReport, SignOff

pytestmark = pytest.mark.django_db

REPORT = f"/reports/annual/{YEAR}/"


@pytest.fixture
def manager():
    return UserFactory(role="business_manager")


@pytest.fixture
def report(manager):
    return written_report(by=manager)


def test_the_business_manager_starts_a_year_and_is_shown_its_sections(client, manager):
    sign_in_as(client, manager)
    response = client.post("/reports/annual/new/", {"year": YEAR})
    assert response.status_code == 302 and response["Location"] == REPORT
    page = client.get(REPORT).content.decode()
    assert "Foreword from the independent chair" in page
    assert 'Change<span class="govuk-visually-hidden"> Conclusion' in page


def test_a_badly_typed_year_shows_its_error(client, manager):
    sign_in_as(client, manager)
    page = client.post("/reports/annual/new/", {"year": "2016/17"}).content.decode()
    assert "<title>Error: Start a year" in page
    assert "Enter a reporting year like 2016-17" in page
    assert not AnnualReport.objects.exists()


def test_the_business_manager_edits_a_section_and_a_stale_copy_is_refused(client, manager, report):
    section = report.sections.get(kind=SectionKind.FOREWORD)
    url = f"{REPORT}sections/{section.pk}/"
    sign_in_as(client, manager)
    assert client.get(url).status_code == 200
    response = client.post(url, {"version": section.version, "heading": "Foreword", "text": "A"})
    assert response.status_code == 302
    stale = client.post(url, {"version": section.version, "heading": "Foreword", "text": "B"})
    assert "Someone else changed this" in stale.content.decode()
    section.refresh_from_db()
    assert section.text == "A"
    history = client.get(f"{url}history/").content.decode()
    assert "What we wrote for Foreword" in history and '<p class="govuk-body">A</p>' in history


def test_a_social_worker_cannot_read_or_edit_the_report_and_signed_out_people_sign_in(
    client, report
):
    section = report.sections.first()
    sign_in_as(client, UserFactory(role="social_worker"))
    assert client.get(REPORT).status_code == 403
    assert client.get(f"{REPORT}sections/{section.pk}/").status_code == 403
    client.logout()
    response = client.get(REPORT)
    assert response.status_code == 302 and response["Location"].startswith("/sign-in/")


def test_a_board_member_reads_the_report_but_cannot_change_it(client, report):
    make_board()
    build = builds.build(report, run=make_run())
    sign_in_as(client, UserFactory(role="board_member"))
    page = client.get(REPORT).content.decode()
    assert "Read the report" in page and "Change<span" not in page
    assert "Build the report" not in page
    assert "Still to sign" in page and "Record a sign-off" not in page  # holds no lead seat
    section = report.sections.first()
    assert client.get(f"{REPORT}sections/{section.pk}/").status_code == 403
    assert client.post(f"{REPORT}build/").status_code == 403
    html = client.get(f"{REPORT}builds/{build.pk}/")
    assert html.status_code == 200 and html.content.decode() == build.html
    pdf = client.get(f"{REPORT}builds/{build.pk}/report.pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content == bytes(build.pdf)


def test_the_report_page_allows_its_own_stylesheet_by_hash_and_nothing_else_inline(
    client, manager, report
):
    build = builds.build(report, run=make_run())
    sign_in_as(client, manager)
    response = client.get(f"{REPORT}builds/{build.pk}/")
    css = re.search(r"<style>(.*?)</style>", build.html, re.DOTALL).group(1)
    digest = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()
    policy = response["Content-Security-Policy"]
    assert f"style-src 'self' 'sha256-{digest}'" in policy
    assert "unsafe-inline" not in policy and "<script" not in build.html


def test_the_business_manager_builds_from_the_page_and_downloads_both_files(
    client, manager, report
):
    run = make_run()
    sign_in_as(client, manager)
    response = client.post(f"{REPORT}build/", {"run": run.pk})
    assert response.status_code == 302
    build = report.builds.get()
    assert build.run_number == run.pk and build.built_by == manager
    html = client.get(f"{REPORT}builds/{build.pk}/report.html")
    assert html["Content-Disposition"] == (
        'attachment; filename="annual-report-2016-17-edition-1.html"'
    )
    assert client.get(f"{REPORT}builds/{build.pk}/report.pdf").content.startswith(b"%PDF-")


def test_building_without_a_run_for_the_year_explains_what_to_do(client, manager, report):
    make_run(years=["2017-18"])
    sign_in_as(client, manager)
    page = client.get(REPORT).content.decode()
    assert "No stored measure run covers 2016-17 yet" in page
    response = client.post(f"{REPORT}build/", {"run": "999"}, follow=True)
    assert "Select the measure run to build the report from" in response.content.decode()
    assert not report.builds.exists()


def test_the_business_manager_records_a_partners_sign_off(client, manager, report):
    board = make_board()
    sign_in_as(client, manager)
    page = client.get(f"{REPORT}sign-off/").content.decode()
    assert "Rebecca Lead, for Test Police" in page
    response = client.post(
        f"{REPORT}sign-off/",
        {
            "member": board.police.pk,
            "signed_on_day": "20",
            "signed_on_month": "9",
            "signed_on_year": "2017",
        },
    )
    assert response.status_code == 302
    signed = SignOff.objects.get()
    assert (signed.partner_name, signed.signed_on) == ("Test Police", date(2017, 9, 20))
    page = client.get(REPORT).content.decode()
    assert "Start a new version" in page and "Change<span" not in page
    client.post(f"{REPORT}new-version/", {"version": report.version})
    report.refresh_from_db()
    assert report.edition == 2


def test_a_lead_partner_signs_for_themselves_and_another_board_member_has_nothing_to_sign(
    client, report
):
    council_lead = UserFactory(role="board_member")
    board = make_board(council_user=council_lead)
    sign_in_as(client, council_lead)
    page = client.get(f"{REPORT}sign-off/").content.decode()
    assert "Sarah Lead, for Test Council" in page and "Rebecca Lead" not in page
    response = client.post(
        f"{REPORT}sign-off/",
        {
            "member": board.police.pk,
            "signed_on_day": "20",
            "signed_on_month": "9",
            "signed_on_year": "2017",
        },
    )
    assert "Select the lead safeguarding partner" in response.content.decode()
    sign_in_as(client, UserFactory(role="board_member"))
    assert client.get(f"{REPORT}sign-off/").status_code == 404

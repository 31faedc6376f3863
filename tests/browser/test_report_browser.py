"""Issue: the annual report and its cabinet item, in Chromium. The business manager writes the
chair's foreword, records the three lead partners' sign-offs, builds the 2016-17 report from the
stored measure run, reads it (checked with axe, under the site's strict content security policy)
and downloads its tagged PDF; then records cabinet's question and resolution. A board member
reads the report and cannot change it."""

import re
from datetime import date
from pathlib import Path

from factories import PASSWORD, AgencyFactory, UserFactory
from playwright.sync_api import expect

from safeguard.access.models import AgencyKind
from safeguard.board import services_partnership
from safeguard.board.codes import GroupKind, MemberRole, PartnerRole
from safeguard.measures.models import MeasureResult, MeasureRun
from safeguard.reports import services_narrative
from safeguard.reports.codes import SectionKind
from safeguard.reports.models import CabinetItem

YEAR = "2016-17"


def _fill_date(page, legend: str, day: date) -> None:
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


def _board() -> list[str]:
    """The three statutory partners, each with its lead safeguarding partner."""
    board = services_partnership.add_group(name="The board", kind=GroupKind.BOARD)
    leads = []
    for agency, kind, role, name in [
        ("Marcher Council", AgencyKind.CHILDRENS_SERVICES, PartnerRole.LOCAL_AUTHORITY, "Sarah"),
        ("West Marcher Police", AgencyKind.POLICE, PartnerRole.POLICE, "Rebecca"),
        ("Marcher ICB", AgencyKind.HEALTH_ICB, PartnerRole.HEALTH, "Nicola"),
    ]:
        found = AgencyFactory(name=agency, kind=kind)
        services_partnership.add_partner(agency=found, role=role)
        services_partnership.add_member(
            name=f"{name} Lead",
            job_title="",
            agency=found,
            user=None,
            group=board,
            role=MemberRole.LEAD_PARTNER,
            term_start=date(2014, 4, 1),
        )
        leads.append(f"{name} Lead, for {agency}")
    return leads


def _run() -> MeasureRun:
    run = MeasureRun.objects.create(
        fingerprint="browser",
        dataset_fingerprint="browser-dataset",
        years=["2015-16", YEAR],
        label="Measures for 2015-16 to 2016-17",
        made_by="a test",
    )
    for year, plans, rate in [("2015-16", 228, 63.2), (YEAR, 115, 31.9)]:
        MeasureResult.objects.create(
            run=run,
            measure_id="cpp_rate",
            la="884",
            year=year,
            numerator=plans,
            denominator=36050,
            value=rate,
        )
    return run


def test_the_business_manager_writes_signs_off_builds_and_takes_the_report_to_cabinet(
    page, sign_in, assert_accessible
):
    helen = UserFactory(role="business_manager", email="helen@partnership.example.org")
    UserFactory(role="board_member", email="david@police.example.org")
    leads = _board()
    run = _run()
    report = services_narrative.open_report(year=YEAR, by=helen)
    for section in report.sections.exclude(kind=SectionKind.FOREWORD):
        services_narrative.save_section(
            section, version=1, heading=section.heading, text="Written.", by=helen
        )

    # Helen writes the chair's foreword.
    sign_in(page, "helen@partnership.example.org", PASSWORD)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Annual report").click()
    page.get_by_role("link", name="Annual report 2016/17").click()
    page.get_by_role("link", name="Change Foreword from the independent chair").click()
    page.get_by_label("Text").fill(
        "I am pleased to present the annual report.\n\n- One serious case review published"
    )
    page.get_by_role("button", name="Save the section").click()
    expect(page.get_by_role("alert")).to_contain_text("is saved")
    assert_accessible(page)

    # She records each lead partner's sign-off; the words are then frozen.
    for lead in leads:
        page.get_by_role("link", name="Record a sign-off").click()
        page.get_by_label(lead).check()
        _fill_date(page, "Date of the sign-off", date(2017, 9, 20))
        page.get_by_role("button", name="Record the sign-off").click()
    expect(page.get_by_text("Signed off", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("^Change "))).to_have_count(0)

    # She builds the report from the stored run and reads it.
    page.get_by_label("Measure run").select_option(str(run.pk))
    page.get_by_role("button", name="Build the report").click()
    expect(page.get_by_role("alert")).to_contain_text(f"built from measure run {run.pk}")
    with page.expect_download() as downloading:
        page.get_by_role("link", name=re.compile("^Download the PDF")).click()
    assert Path(downloading.value.path()).read_bytes().startswith(b"%PDF-")
    page.get_by_role("link", name=re.compile("^Read the report")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Annual report 2016/17")
    expect(page.get_by_text("signed off by the lead safeguarding partners")).to_be_visible()
    plans = page.get_by_role("table", name=re.compile("^Children on a child protection plan"))
    expect(plans.get_by_role("row", name=re.compile("^2016-17"))).to_contain_text("31.9")
    assert_accessible(page)
    page.go_back()

    # Cabinet receives it: the item, a question and its answer, the resolution.
    page.get_by_role("link", name="Record the cabinet item").click()
    _fill_date(page, "Date of the meeting", date(2017, 10, 26))
    page.get_by_label("Presented by").fill("Dr Elizabeth Harding, independent chair")
    page.get_by_label("The report attached").select_option(index=1)
    page.get_by_role("button", name="Save the cabinet item").click()
    page.get_by_role("link", name="Record a question").click()
    page.get_by_label("Asked by").fill("The leader of the council")
    page.get_by_label("Question", exact=True).fill("Why were so many children on plans?")
    page.get_by_label("Answered by").fill("The independent chair")
    page.get_by_label("Response").fill("Thresholds were applied inconsistently.")
    page.get_by_role("button", name="Save the question").click()
    expect(
        page.get_by_role("heading", name="Question 1, from The leader of the council")
    ).to_be_visible()
    expect(page.get_by_text("The annual report was noted.")).to_be_visible()
    assert_accessible(page)
    assert CabinetItem.objects.get().questions.count() == 1
    page.get_by_role("link", name="Open the item as a document").click()
    expect(page.get_by_role("heading", name="Resolution")).to_be_visible()
    assert_accessible(page)
    page.go_back()
    page.get_by_role("button", name="Sign out").click()
    assert_accessible(page)

    # A board member reads the report and cannot change it.
    sign_in(page, "david@police.example.org", PASSWORD)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Annual report").click()
    page.get_by_role("link", name="Annual report 2016/17").click()
    expect(page.get_by_role("button", name="Build the report")).to_have_count(0)
    page.get_by_role("link", name=re.compile("^Read the report")).click()
    expect(page.get_by_role("heading", name="Foreword from the independent chair")).to_be_visible()

"""Issue: the board. In Chromium, the business manager schedules a board meeting whose page
already carries the open action from the last one, builds the agenda, attaches a paper (a wrong
file is refused), records attendance (a deputy must be named) and sees the meeting is quorate,
writes the minutes with a confidential item; then the police's board member reads the meeting
and the published minutes, where the confidential item is left out."""

from datetime import date, timedelta

from factories import PASSWORD, AgencyFactory, UserFactory
from playwright.sync_api import expect

from safeguard.access.models import AgencyKind
from safeguard.board import (
    services_actions,
    services_meetings,
    services_partnership,
    services_plan,
    years,
)
from safeguard.board.codes import GroupKind, MemberRole, PartnerRole
from safeguard.board.models import BoardSettings

PDF = {"name": "performance.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4 report"}
NOT_A_PAPER = {"name": "tool.exe", "mimeType": "application/octet-stream", "buffer": b"MZ"}


def _fill_date(page, legend: str, day: date) -> None:
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


def _attendance(page, legend: str, answer: str) -> None:
    page.get_by_role("group", name=legend).get_by_label(answer, exact=True).check()


def _partnership(today: date) -> None:
    agencies = {}
    for name, kind, role in [
        ("Marcher Council", AgencyKind.CHILDRENS_SERVICES, PartnerRole.LOCAL_AUTHORITY),
        ("West Marcher Police", AgencyKind.POLICE, PartnerRole.POLICE),
        ("Marcher ICB", AgencyKind.HEALTH_ICB, PartnerRole.HEALTH),
    ]:
        agencies[name] = AgencyFactory(name=name, kind=kind)
        services_partnership.add_partner(agency=agencies[name], role=role)
    office = AgencyFactory(name="Partnership business unit", kind=AgencyKind.PARTNERSHIP_OFFICE)
    helen = UserFactory(
        role="business_manager", email="helen@partnership.example.org", agency=office
    )
    david = UserFactory(
        role="board_member",
        email="david@police.example.org",
        full_name="David Hughes",
        agency=agencies["West Marcher Police"],
    )
    board = services_partnership.add_group(name="Marcher board", kind=GroupKind.BOARD)
    start = today - timedelta(days=400)
    seats = {}
    for name, agency, role, user in [
        ("Elizabeth Harding", None, MemberRole.CHAIR, None),
        ("Sarah Mitchell", agencies["Marcher Council"], MemberRole.LEAD_PARTNER, None),
        ("David Hughes", agencies["West Marcher Police"], MemberRole.DELEGATED_PARTNER, david),
        ("Anita Rao", agencies["Marcher ICB"], MemberRole.DELEGATED_PARTNER, None),
    ]:
        seats[name] = services_partnership.add_member(
            name=name,
            job_title="",
            agency=agency,
            user=user,
            group=board,
            role=role,
            term_start=start,
        )
    rule = BoardSettings.current()
    rule.minimum_members = 4
    rule.save()
    last = services_meetings.schedule_meeting(
        group=board, held_on=today - timedelta(days=60), place="Shire Hall"
    )
    plan = services_plan.create_plan(year=years.year_of(today))
    priority = services_plan.add_priority(
        plan, title="Neglect", measure_ids=["board_attendance_pct"]
    )
    services_plan.add_objective(priority, text="Practitioners recognise neglect early")
    services_plan.rate_quarter(
        priority, quarter=1, rag="amber", narrative="Training has begun.", by=helen
    )
    services_actions.add_action(
        last,
        description="Analyse contacts from schools that ended in no further action",
        owner=seats["David Hughes"],
        due_on=today - timedelta(days=10),
        by=helen,
    )


def test_the_business_manager_runs_a_board_meeting_that_members_then_read(
    page, sign_in, assert_accessible
):
    today = date.today()
    _partnership(today)
    held_on = today - timedelta(days=1)

    # Helen schedules the meeting; the open action from the last one is carried over.
    sign_in(page, "helen@partnership.example.org", PASSWORD)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="The board").click()
    page.get_by_role("link", name="Schedule a meeting").first.click()
    page.get_by_label("Group").select_option(label="Marcher board")
    _fill_date(page, "Date of the meeting", held_on)
    page.get_by_label("Start time").fill("14:00")
    page.get_by_label("Where").fill("Shire Hall, Marcher")
    page.get_by_role("button", name="Schedule meeting").click()
    expect(page.get_by_role("alert")).to_contain_text("Meeting scheduled")
    carried = page.get_by_role("table", name="Actions carried over from earlier meetings")
    expect(carried).to_contain_text("Analyse contacts from schools")
    expect(carried).to_contain_text("Overdue")

    # The agenda: an open item with a paper, and a confidential one.
    page.get_by_role("link", name="Add an agenda item").click()
    page.get_by_label("Title").fill("Performance report")
    page.get_by_label("Presented by").fill("Andrew Price")
    page.get_by_role("button", name="Add item").click()
    page.get_by_role("link", name="Add an agenda item").click()
    page.get_by_label("Title").fill("Serious case review: Family K")
    page.get_by_label("Confidential: leave this item out of the published minutes").check()
    page.get_by_role("button", name="Add item").click()
    page.get_by_role("link", name="Attach a paper to item 1").click()
    page.get_by_label("Title of the paper").fill("Performance report, quarter 2")
    page.get_by_label("Upload a file").set_input_files(NOT_A_PAPER)
    page.get_by_role("button", name="Attach paper").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "The selected file must be a PDF, Word, Excel or PowerPoint file"
    )
    assert_accessible(page)
    page.get_by_label("Upload a file").set_input_files(PDF)
    page.get_by_role("button", name="Attach paper").click()
    expect(
        page.get_by_role("link", name="Performance report, quarter 2", exact=True)
    ).to_be_visible()

    # Attendance: a deputy must be named; with one, every partner is represented.
    page.get_by_role("link", name="Record attendance").click()
    _attendance(page, "Elizabeth Harding, Chair, Independent", "Present")
    _attendance(page, "Sarah Mitchell, Lead safeguarding partner, Marcher Council", "Present")
    _attendance(
        page, "David Hughes, Delegated safeguarding partner, West Marcher Police", "Present"
    )
    _attendance(
        page, "Anita Rao, Delegated safeguarding partner, Marcher ICB", "Apologies, deputy attended"
    )
    page.get_by_role("button", name="Save attendance").click()
    expect(page.get_by_role("alert")).to_contain_text("Enter the name of Anita Rao's deputy")
    assert_accessible(page)
    page.get_by_label("Name of Anita Rao's deputy").fill("Mary Owen")
    page.get_by_role("button", name="Save attendance").click()
    expect(page.get_by_text("Quorate", exact=True)).to_be_visible()

    # Minutes for both items, and a decision.
    page.get_by_role("link", name="Minutes of item 1").click()
    page.get_by_label("Minutes", exact=True).fill(
        "Plans fell towards the statistical neighbour average."
    )
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name="Minutes of item 2").click()
    page.get_by_label("Minutes", exact=True).fill(
        "The lead reviewer's emerging findings were discussed."
    )
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name="Record a decision on item 1").click()
    page.get_by_label("What was decided").fill("The performance report was noted.")
    page.get_by_role("button", name="Record decision").click()
    expect(page.get_by_role("alert")).to_contain_text("Decision recorded under item 1")
    page.get_by_role("button", name="Sign out").click()

    # David, the police's board member, reads the meeting and the published minutes.
    sign_in(page, "david@police.example.org", PASSWORD)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="The board").click()
    page.get_by_role("link", name="Meetings", exact=True).click()
    page.get_by_role("link", name=f"{held_on:%-d %B %Y}").click()
    expect(
        page.get_by_role("link", name="Performance report, quarter 2", exact=True)
    ).to_be_visible()
    expect(page.get_by_role("link", name="Record attendance")).to_have_count(0)
    page.get_by_role("link", name="Published version of the minutes").click()
    main = page.get_by_role("main")
    expect(main).to_contain_text("Plans fell towards the statistical neighbour average.")
    expect(main).to_contain_text("The performance report was noted.")
    expect(main).to_contain_text("Mary Owen, Marcher ICB (for Anita Rao)")
    expect(main).not_to_contain_text("Family K")
    expect(main).not_to_contain_text("emerging findings")

    # And the rest of what a board member reads: the plan, the figures, the members.
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Business plan").click()
    expect(page.get_by_role("table", name="Progress by quarter")).to_contain_text("Amber")
    page.get_by_role("link", name="1. Neglect").click()
    expect(page.get_by_role("main")).to_contain_text("Attendance at board meetings")
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="The board").click()
    page.get_by_role("link", name="Attendance and actions figures").click()
    page.get_by_role("link", name="Partnership and members").click()
    expect(page.get_by_role("table", name="Partners")).to_contain_text("West Marcher Police")
    page.get_by_role("link", name="Your annual review").click()
    expect(page.get_by_role("main")).to_contain_text("No reviews recorded yet.")

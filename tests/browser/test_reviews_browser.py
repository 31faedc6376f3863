"""Issue: case reviews and learning. From a serious incident to the actions that follow, in
Chromium: notify, a rapid review on day 16 (late, so a reason is required), a practice review,
findings with actions for the police and health, one action completed with evidence, and each
agency's board member seeing only their own agency's actions, the overdue one standing out."""

import re
from datetime import date, timedelta

from factories import PASSWORD, AgencyFactory, ChildFactory, UserFactory
from playwright.sync_api import expect

from safeguard.access.models import AgencyKind
from safeguard.core.calendar import add_working_days, is_working_day
from safeguard.reviews import services_incidents
from safeguard.reviews.models import Action, CaseReview, SeriousIncident

POLICE = "West Marcher Police"
TRUST = "Marcher Community Health NHS Trust"


def _working_day_on_or_before(day: date) -> date:
    while not is_working_day(day):
        day -= timedelta(days=1)
    return day


def _fill_date(page, legend: str, day: date) -> None:
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


def _tick(page, legend: str, labels: list[str]) -> None:
    group = page.get_by_role("group", name=legend)
    for label in labels:
        group.get_by_label(label, exact=True).check()


def _choose(page, legend: str, label: str) -> None:
    page.get_by_role("group", name=legend).get_by_label(label, exact=True).check()


def _menu(page, label: str) -> None:
    page.get_by_role("navigation", name="Menu").get_by_role("link", name=label).click()


def _add_action(page, what: str, agency: str, owner: str, due: date) -> None:
    page.get_by_label("What will be done").fill(what)
    page.get_by_label("Agency that owns the action").select_option(label=agency)
    page.get_by_label("Named person responsible").fill(owner)
    _fill_date(page, "Due date", due)


def test_an_incident_goes_to_a_review_whose_actions_each_agency_follows(
    page, sign_in, assert_accessible
):
    police = AgencyFactory(name=POLICE, kind=AgencyKind.POLICE)
    trust = AgencyFactory(name=TRUST, kind=AgencyKind.HEALTH_TRUST)
    office = AgencyFactory(name="Partnership business unit", kind=AgencyKind.PARTNERSHIP_OFFICE)
    UserFactory(
        role="business_manager",
        email="helen@partnership.example.org",
        full_name="Helen Baker",
        agency=office,
    )
    UserFactory(
        role="board_member",
        email="david@police.example.org",
        full_name="David Hughes",
        agency=police,
    )
    UserFactory(
        role="board_member",
        email="james@health.example.org",
        full_name="James Whitfield",
        agency=trust,
    )
    aware = _working_day_on_or_before(date.today() - timedelta(days=200))
    notified_on = add_working_days(aware, 3)
    rapid_due = add_working_days(notified_on, 15)
    day_16 = add_working_days(notified_on, 16)

    # Helen records the incident and the notification to the national Panel.
    sign_in(page, "helen@partnership.example.org", PASSWORD)
    _menu(page, "Case reviews")
    page.get_by_role("link", name="Record a serious incident").click()
    page.get_by_label("Name of the incident").fill("Child Q")
    _fill_date(page, "Date the council became aware", aware)
    page.get_by_label("What happened").fill("A four-year-old was seriously injured at home")
    _tick(page, "Agencies involved", [POLICE, TRUST])
    page.get_by_role("button", name="Record incident").click()
    due = add_working_days(aware, 5)
    expect(page.get_by_role("alert")).to_contain_text(
        f"Notify the national Panel by {due:%-d %B %Y}"
    )
    assert_accessible(page)
    page.get_by_role("link", name="Record the notification").click()
    _fill_date(page, "Date the national Panel was notified", notified_on)
    page.get_by_role("button", name="Save notification").click()
    expect(page.get_by_role("alert")).to_contain_text(
        f"The rapid review is due by {rapid_due:%-d %B %Y}"
    )

    # The rapid review is held on day 16: refused without a reason, recorded with one.
    page.get_by_role("link", name="Record the rapid review").click()
    _fill_date(page, "Date of the rapid review", day_16)
    _choose(page, "Decision", "Local child safeguarding practice review")
    page.get_by_label("Rationale, as sent to the national Panel").fill(
        "Learning of national importance on sharing concerns about domestic abuse"
    )
    page.get_by_role("button", name="Record rapid review").click()
    expect(page.get_by_role("alert")).to_contain_text(
        f"The rapid review was after its due date ({rapid_due:%-d %B %Y}): enter why it was late"
    )
    assert_accessible(page)
    page.get_by_label("Why the rapid review was late").fill(
        "The police could not attend until the investigation allowed it"
    )
    page.get_by_role("button", name="Record rapid review").click()
    expect(page.get_by_role("row", name=re.compile("Rapid review"))).to_contain_text("Done late")
    incident = SeriousIncident.objects.get(name="Child Q")
    assert incident.rapid_review.held_on == day_16

    # Helen commissions the practice review and records a finding with two agencies' actions.
    page.get_by_role("link", name="Commission a practice review").click()
    _fill_date(page, "Date of the decision to hold the review", day_16)
    page.get_by_role("button", name="Commission review").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Child Q")
    page.get_by_role("link", name="Add a finding").click()
    page.get_by_label("What was found").fill(
        "The health visitor's visits without access were not shared with children's social care"
    )
    _tick(page, "Themes", ["Information sharing", "Domestic abuse"])
    page.get_by_label("Recommendation").fill("Share patterns of concern, not only incidents")
    page.get_by_role("button", name="Save and add actions").click()
    _add_action(
        page,
        "Follow up every health visit with no access",
        TRUST,
        "Jo Turner, named nurse",
        date.today() - timedelta(days=30),
    )
    page.get_by_role("button", name="Save and add another action").click()
    _add_action(
        page,
        "Attach the call-out history to every notification",
        POLICE,
        "DI Mark Ellis",
        date.today() - timedelta(days=10),
    )
    page.get_by_role("button", name="Save action", exact=True).click()
    expect(page.get_by_role("heading", name="Finding 1")).to_be_visible()
    assert_accessible(page)

    # The health action is completed, with its evidence.
    page.get_by_role("link", name="Follow up every health visit with no access").click()
    _choose(page, "Status", "Complete")
    page.get_by_label("Evidence of completion").fill(
        "Policy changed; audit of 30 no-access visits found every one followed up"
    )
    _fill_date(page, "Date completed", date.today() - timedelta(days=31))
    page.get_by_role("button", name="Save update").click()
    expect(page.get_by_role("alert")).to_contain_text("The action is updated")
    assert Action.objects.get(agency=trust).is_complete
    page.get_by_role("button", name="Sign out").click()

    # David, the police board member, sees his agency's action, overdue; not health's.
    sign_in(page, "david@police.example.org", PASSWORD)
    _menu(page, "Our agency's actions")
    row = page.get_by_role("row", name=re.compile("Attach the call-out history"))
    expect(row).to_contain_text("Overdue")
    expect(page.get_by_text("1 action overdue")).to_be_visible()
    expect(page.get_by_text("Follow up every health visit")).to_have_count(0)
    assert_accessible(page)
    page.get_by_role("button", name="Sign out").click()

    # James, for health, sees only the completed health action.
    sign_in(page, "james@health.example.org", PASSWORD)
    _menu(page, "Our agency's actions")
    row = page.get_by_role("row", name=re.compile("Follow up every health visit"))
    expect(row).to_contain_text("Complete")
    expect(page.get_by_text("Attach the call-out history")).to_have_count(0)
    expect(page.get_by_text("action overdue")).to_have_count(0)
    review = CaseReview.objects.get(incident=incident)
    assert review.findings.get().actions.count() == 2


def test_the_review_chronology_names_only_children_a_worker_may_open(
    page, sign_in, assert_accessible
):
    council = AgencyFactory(name="Marcher Council Children's Services")
    manager = UserFactory(role="business_manager", email="helen@partnership.example.org")
    UserFactory(role="social_worker", email="tom@council.example.org", agency=council)
    incident = services_incidents.record_incident(
        name="Child R", aware_on=date(2025, 3, 3), what_happened="-", agencies=[], by=manager
    )
    services_incidents.record_notification(incident, version=1, notified_on=date(2025, 3, 5))
    services_incidents.hold_rapid_review(
        incident,
        held_on=date(2025, 3, 20),
        agencies=[],
        decision="lcspr",
        rationale="-",
        by=manager,
    )
    review = services_incidents.commission_review(
        incident, decided_on=date(2025, 3, 20), by=manager
    )
    ruby = ChildFactory(first_name="Ruby", last_name="Ashdown")

    # Tom links Ruby's record, then opens the review's chronology and adds the police's entry.
    sign_in(page, "tom@council.example.org", PASSWORD)
    page.goto(f"/case-reviews/incidents/{incident.pk}/")
    page.get_by_role("link", name="Link a child's record").click()
    page.get_by_label("LA child ID").fill(ruby.la_child_id)
    page.get_by_role("button", name="Link record").click()
    expect(page.get_by_role("link", name="Ruby Ashdown")).to_be_visible()
    page.goto(f"/case-reviews/{review.pk}/")
    page.get_by_role("link", name="Multi-agency chronology").click()
    page.get_by_role("link", name="Add another agency's entry").click()
    page.get_by_label("Agency").select_option(label="Marcher Council Children's Services")
    _fill_date(page, "When did it happen?", date(2024, 12, 1))
    page.get_by_label("Child").select_option(label=str(ruby))
    page.get_by_label("What happened").fill("Ruby seen at the children's centre")
    page.get_by_role("button", name="Add entry").click()
    expect(
        page.get_by_role("row", name=re.compile("Ruby seen at the children's centre"))
    ).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Sign out").click()

    # The business manager sees that a child is linked, not who.
    sign_in(page, manager.email, PASSWORD)
    page.goto(f"/case-reviews/incidents/{incident.pk}/")
    expect(page.get_by_text("A child (record restricted to authorised staff)")).to_be_visible()
    expect(page.get_by_text("Ruby")).to_have_count(0)

"""Issue: around the pathway. In Chromium: a missing episode whose return home interview is late,
a screening whose suggested band an override rule changes, an early help step up that lands in
the MASH queue, and a home-educated child who comes onto a plan and is flagged."""

from datetime import date, timedelta

from django.utils import timezone
from factories import PASSWORD, AgencyFactory, ChildFactory, TeamFactory, UserFactory
from playwright.sync_api import expect

from safeguard.access.models import AgencyKind
from safeguard.casework import (
    services,
    services_early_help,
    services_exploitation,
    services_home_education,
    services_looked_after,
    services_missing,
)
from safeguard.casework.codes_around import Band, EarlyHelpRoute, ExploitationArea, OverrideKind
from safeguard.casework.services_looked_after import Placement
from safeguard.frontdoor.models import Referral

STATUTORY = ["la", "police", "health"]


def _fill_date(page, legend: str, day: date) -> None:
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


def _choose(page, legend: str, label: str) -> None:
    page.get_by_role("group", name=legend).get_by_label(label, exact=True).check()


def _sign_out(page) -> None:
    page.get_by_role("button", name="Sign out").click()


def _catalogue(by) -> None:
    """Low from a score of 1, medium from 4; a child under 13 is never graded low."""
    draft = services_exploitation.start_draft(by=by)
    services_exploitation.add_indicator(
        draft, area=ExploitationArea.CRIMINAL, text="Unexplained money or phones", weight=2
    )
    services_exploitation.add_rule(
        draft, kind=OverrideKind.UNDER_AGE, under_age=13, band=Band.MEDIUM
    )
    services_exploitation.publish(draft, in_force_from=date(2020, 1, 1), by=by)


def _on_plan(child, worker, chair, start: date) -> None:
    """Referral, strategy discussion, enquiry and an initial conference putting the child on a
    plan under neglect, a week apart each."""
    referral = Referral.objects.create(
        child=child, referral_date=start, source="2A", primary_need="N1"
    )
    discussion = services.record_strategy_discussion(
        referral,
        held_on=start + timedelta(days=7),
        attendees=STATUTORY,
        what_was_known="Not seen for months",
        decision="s47_single",
        rationale="Harm",
        by=worker,
    )
    enquiry = services.start_enquiry(discussion, started_on=discussion.held_on)
    services.record_enquiry_outcome(
        enquiry, version=1, outcome="conference", completed_on=start + timedelta(days=14)
    )
    services.hold_initial_conference(
        enquiry,
        held_on=start + timedelta(days=21),
        chair=chair,
        attendees=STATUTORY,
        outcome="plan",
        category="NEG",
        late_reason="Waiting for the school's report",
    )


def _worker(email: str, name: str, role: str = "social_worker"):
    team = TeamFactory(name=f"{name}'s team")
    user = UserFactory(role=role, email=email, full_name=name, agency=team.agency)
    user.teams.add(team)
    return user, team


def test_a_missing_episode_whose_return_home_interview_is_late(page, sign_in, assert_accessible):
    worker, team = _worker("tom@council.example.org", "Tom Griffiths")
    kai = ChildFactory(first_name="Kai", last_name="Brook", date_of_birth=date(2009, 3, 3))
    services.allocate(kai, worker, team, on=date.today() - timedelta(days=60), by=worker)
    went = date.today() - timedelta(days=12)
    back = went + timedelta(days=1)

    sign_in(page, "tom@council.example.org", PASSWORD)
    page.goto(f"/children/{kai.pk}/")
    page.get_by_role("link", name="Open missing").click()
    page.get_by_role("link", name="Record a missing episode").click()
    _choose(page, "Was the child missing, or away from placement without authorisation?", "Missing")
    _fill_date(page, "Date the child went missing", went)
    page.get_by_label("Time the child went missing").fill("21:30")
    page.get_by_label("Who reported it?").fill("His mother")
    page.get_by_label("Police reference").fill("WM-2231")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Missing from")

    _fill_date(page, "Date the child came back", back)
    page.get_by_label("Time the child came back").fill("07:15")
    page.get_by_label("Where was the child found, or where did they come back to?").fill(
        "Found by police at the bus station"
    )
    page.get_by_role("button", name="Record return").click()
    expect(page.get_by_text("Offer and hold the interview by")).to_be_visible()
    assert_accessible(page)

    # Four days after he came back: more than 72 hours, so the page asks why.
    _choose(page, "Was the return home interview held?", "Held")
    _fill_date(page, "Date of the interview", back + timedelta(days=4))
    page.get_by_label("Time of the interview").fill("16:00")
    page.get_by_label("Who held the interview?").fill("Sam Lee")
    page.get_by_label("Their organisation").fill("Marcher Youth Service")
    _choose(page, "Was the interviewer independent of the child's home or placement?", "Yes")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("alert")).to_contain_text("enter why it was late")
    assert_accessible(page)
    page.get_by_label("Why was it more than 72 hours after the child came back?").fill(
        "Kai was staying with his aunt out of the area"
    )
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Late", exact=True)).to_be_visible()

    page.goto(f"/children/{kai.pk}/chronology/")
    expect(page.get_by_text("Return home interview held (late)")).to_be_visible()
    page.goto("/work-tray/")
    expect(page.get_by_text("Return home interview due")).to_have_count(0)


def test_a_screening_where_the_under_13_rule_changes_the_suggested_band(
    page, sign_in, assert_accessible
):
    worker, _ = _worker("tom@council.example.org", "Tom Griffiths")
    _catalogue(worker)
    eleven = date.today().replace(year=date.today().year - 11) - timedelta(days=30)
    ruby = ChildFactory(first_name="Ruby", last_name="Lane", date_of_birth=eleven)

    sign_in(page, "tom@council.example.org", PASSWORD)
    page.goto(f"/children/{ruby.pk}/")
    page.get_by_role("link", name="Open exploitation").click()
    page.get_by_role("link", name="Screen for exploitation").click()
    page.get_by_label("Unexplained money or phones (child criminal exploitation)").check()
    page.get_by_role("button", name="Continue").click()

    suggested = page.locator("#suggested-band")
    expect(page.get_by_text("2, which alone suggests low")).to_be_visible()
    expect(suggested).to_contain_text("Medium")
    expect(suggested).to_contain_text("A child under 13 is never graded low")
    assert_accessible(page)
    _choose(page, "Your grade of the risk", "Medium")
    page.get_by_label("Your reasons").fill("Two new phones she cannot explain")
    _choose(page, "Has the child been referred to the multi-agency exploitation panel?", "No")
    page.get_by_role("button", name="Save the screening").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Exploitation screening of")
    page.goto(f"/children/{ruby.pk}/")
    expect(page.get_by_text("Exploitation risk: medium")).to_be_visible()


def test_an_early_help_step_up_lands_in_the_mash_queue(page, sign_in, assert_accessible):
    school = AgencyFactory(name="Riverside Primary School", kind=AgencyKind.EDUCATION)
    amy = UserFactory(
        role="early_help_practitioner",
        email="amy@school.example.org",
        full_name="Amy Watkins",
        agency=school,
    )
    UserFactory(role="mash_worker", email="sam@council.example.org", full_name="Sam Okafor")
    ella = ChildFactory(first_name="Ella", last_name="Stone", date_of_birth=date(2016, 2, 2))
    services_early_help.start_early_help(
        ella,
        started_on=date.today() - timedelta(days=40),
        lead=amy,
        needs="Routines and school attendance",
        route=EarlyHelpRoute.REQUEST,
        by=amy,
    )

    sign_in(page, "amy@school.example.org", PASSWORD)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Early help").click()
    page.get_by_role("link", name="Ella Stone").first.click()
    page.get_by_role("link", name="Step up to children's social care").click()
    page.get_by_role("group", name="What are you worried about?").get_by_label(
        "Neglect", exact=True
    ).check()
    page.get_by_label("What has changed, and why is early help no longer enough?").fill(
        "No food in the house for three days; Ella has missed a week of school"
    )
    _choose(page, "Is the child in immediate danger?", "No")
    _choose(page, "Does the family know you are asking children's social care to act?", "Yes")
    _choose(
        page,
        "On what basis are you sharing this information?",
        "The family knows and agrees to this referral",
    )
    page.get_by_role("button", name="Send to the MASH").click()
    expect(page.get_by_text("is with the MASH")).to_be_visible()
    reference = ella.contacts.get().reference
    _sign_out(page)

    sign_in(page, "sam@council.example.org", PASSWORD)
    page.goto("/mash/")
    row = page.get_by_role("row").filter(has_text="Ella Stone")
    expect(row).to_contain_text(reference)
    assert_accessible(page)


def test_a_home_educated_child_who_comes_onto_a_plan_is_flagged(page, sign_in, assert_accessible):
    worker, team = _worker("tom@council.example.org", "Tom Griffiths")
    chair = UserFactory(role="conference_chair")
    lead = UserFactory(role="social_worker", email="jo@council.example.org", full_name="Jo Bright")
    owen = ChildFactory(first_name="Owen", last_name="Price", date_of_birth=date(2013, 9, 9))
    start = date.today() - timedelta(days=200)
    services_home_education.add_to_register(
        owen, started_on=start, reason="bullying", education_lead=lead, by=lead
    )
    services.allocate(owen, worker, team, on=start, by=worker)
    _on_plan(owen, worker, chair, start + timedelta(days=7))
    task = "Educated at home and on a child protection plan: talk with the education lead"

    # The education lead sees Owen flagged on the register.
    sign_in(page, "jo@council.example.org", PASSWORD)
    menu = page.get_by_role("navigation", name="Menu")
    menu.get_by_role("link", name="Home education register").click()
    page.get_by_role("link", name="Flagged only").click()
    expect(page.get_by_role("row").filter(has_text="Owen Price")).to_contain_text(
        "On a child protection plan"
    )
    assert_accessible(page)
    _sign_out(page)

    # So does his social worker, in the work tray, until they record talking with the lead.
    sign_in(page, "tom@council.example.org", PASSWORD)
    page.goto("/work-tray/")
    page.get_by_role("link", name=f"{task} for Owen Price").click()
    expect(
        page.get_by_text("The social worker (Tom Griffiths) and the education lead")
    ).to_be_visible()
    _fill_date(page, "Date of the contact", date.today())
    _choose(page, "Kind of contact", "Talked with the child's social worker")
    _choose(page, "Was the child seen?", "No")
    page.get_by_label("Notes").fill("Agreed Jo visits with me next week")
    page.get_by_role("button", name="Record contact").click()
    expect(
        page.get_by_text("The social worker and the education lead have talked since")
    ).to_be_visible()
    page.goto("/work-tray/")
    expect(page.get_by_text(task)).to_have_count(0)


def test_every_page_around_the_pathway_passes_the_accessibility_checks(page, sign_in):
    """Each page is checked by axe after the test (the browser conftest loads them again)."""
    manager, team = _worker("rachel@council.example.org", "Rachel Evans", role="team_manager")
    chair = UserFactory(role="conference_chair")
    start = date.today() - timedelta(days=120)
    mia = ChildFactory(first_name="Mia", last_name="Hart", date_of_birth=date(2011, 4, 4))
    new = ChildFactory(first_name="Leo", last_name="Dale", date_of_birth=date(2012, 8, 8))
    services.allocate(mia, manager, team, on=start, by=manager)
    _on_plan(mia, manager, chair, start)
    plan = mia.protection_plans.get()
    services_looked_after.start_care(
        mia,
        started_on=start + timedelta(days=30),
        legal_status="C1",
        category_of_need="N1",
        placement=Placement("U6", "PR1"),
        by=manager,
    )
    episode = services_missing.record_missing(
        mia,
        kind="A",
        started_at=timezone.now() - timedelta(days=3),
        reported_by="Foster carer",
        by=manager,
    )
    services_missing.record_return(
        episode,
        version=episode.version,
        returned_at=timezone.now() - timedelta(days=2),
        where_found="Park",
    )
    _catalogue(manager)
    draft = services_exploitation.start_draft(by=manager)
    early_help = services_early_help.start_early_help(
        new, started_on=start, lead=manager, needs="Routines", route="request", by=manager
    )
    entry = services_home_education.add_to_register(
        mia, started_on=start, reason="health", education_lead=manager, by=manager
    )

    sign_in(page, "rachel@council.example.org", PASSWORD)
    for url in (
        f"/children/{mia.pk}/",
        f"/casework/children/{mia.pk}/looked-after/",
        f"/casework/children/{new.pk}/looked-after/start/",
        f"/casework/children/{mia.pk}/looked-after/change/",
        f"/casework/children/{mia.pk}/looked-after/end/",
        f"/casework/children/{mia.pk}/looked-after/reviews/new/",
        f"/casework/children/{mia.pk}/missing/",
        f"/casework/children/{new.pk}/missing/new/",
        f"/casework/missing-episodes/{episode.pk}/",
        f"/casework/children/{mia.pk}/screenings/",
        f"/casework/children/{mia.pk}/screenings/new/",
        "/casework/exploitation-indicators/",
        f"/casework/exploitation-indicators/{draft.pk}/",
        f"/casework/children/{mia.pk}/early-help/new/",
        f"/casework/early-help/{early_help.pk}/",
        f"/casework/early-help/{early_help.pk}/step-up/",
        "/casework/home-education/",
        f"/casework/children/{new.pk}/home-education/new/",
        f"/casework/home-education/{entry.pk}/",
        f"/casework/children/{mia.pk}/neglect/",
        f"/casework/plans/{plan.pk}/neglect-reasoning/",
        f"/casework/plans/{plan.pk}/",
    ):
        response = page.goto(url)
        assert response.ok, url
    expect(page.get_by_text("This plan is under neglect")).to_be_visible()

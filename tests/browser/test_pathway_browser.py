"""Issue: the child protection pathway. From a MASH decision of "strategy discussion" to the end
of a plan, checking the work tray and the chronology at each step, in Chromium."""

import re
from datetime import date, timedelta

from factories import PASSWORD, ChildFactory, TeamFactory, UserFactory
from factories_frontdoor import make_contact, make_threshold_document
from playwright.sync_api import expect

from safeguard.casework import services
from safeguard.casework.models import ProtectionPlan
from safeguard.core.calendar import add_months, add_working_days, is_working_day
from safeguard.frontdoor.codes import Outcome, PrimaryNeed
from safeguard.frontdoor.models import Referral
from safeguard.frontdoor.services import decide

STATUTORY = ["Local authority children's social care", "Police", "Health"]


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


def _tray_row(page, child_name: str, task: str):
    page.goto("/work-tray/")
    return page.get_by_role("row").filter(has_text=child_name).filter(has_text=task)


def _referral_from_the_mash(child, manager, referrer, received: date) -> Referral:
    from django.utils import timezone

    document = make_threshold_document()
    contact = make_contact(
        recorded_by=referrer,
        referrer=referrer,
        child=child,
        received_at=timezone.make_aware(
            timezone.datetime.combine(received, timezone.datetime.min.time().replace(hour=10))
        ),
    )
    decide(
        contact,
        level=document.levels.get(number=4),
        outcome=Outcome.STRATEGY_DISCUSSION,
        reasoning="Bruising and a disclosure",
        feedback="Strategy discussion",
        by=manager,
        primary_need=PrimaryNeed.ABUSE_OR_NEGLECT,
    )
    return contact.referral


def test_a_child_goes_from_strategy_discussion_to_the_end_of_a_plan(
    page, sign_in, assert_accessible
):
    team = TeamFactory(name="Child protection team")
    worker = UserFactory(
        role="social_worker",
        email="tom@council.example.org",
        full_name="Tom Griffiths",
        agency=team.agency,
    )
    manager = UserFactory(
        role="team_manager",
        email="rachel@council.example.org",
        full_name="Rachel Evans",
        agency=team.agency,
    )
    UserFactory(
        role="conference_chair",
        email="gareth@council.example.org",
        full_name="Gareth Lloyd",
        agency=team.agency,
    )
    mash = UserFactory(role="mash_manager", agency=team.agency)
    referrer = UserFactory(role="partner_practitioner")
    for user in (worker, manager):
        user.teams.add(team)
    leo = ChildFactory(first_name="Leo", last_name="Hartley")
    received = _working_day_on_or_before(date.today() - timedelta(days=300))
    referral = _referral_from_the_mash(leo, mash, referrer, received)

    # The team manager allocates Leo to Tom.
    sign_in(page, "rachel@council.example.org", PASSWORD)
    page.goto(f"/children/{leo.pk}/")
    page.get_by_role("link", name="Allocate").click()
    page.get_by_label("Social worker").select_option(label="Tom Griffiths (Child protection team)")
    page.get_by_label("Team", exact=True).select_option(value=str(team.pk))
    _fill_date(page, "Date of allocation", received)
    page.get_by_role("button", name="Allocate").click()
    page.get_by_role("button", name="Sign out").click()

    # Tom records the strategy discussion and starts the enquiry.
    sign_in(page, "tom@council.example.org", PASSWORD)
    discussed = add_working_days(received, 1)
    page.goto(f"/casework/referrals/{referral.pk}/")
    page.get_by_role("link", name="Record a strategy discussion").click()
    _fill_date(page, "Date of the strategy discussion", discussed)
    _tick(page, "Who took part", STATUTORY)
    page.get_by_label("What was known").fill("Two earlier police call-outs")
    _choose(page, "Decision", "Section 47 enquiry: joint with the police")
    page.get_by_label("Rationale").fill("Reasonable cause to suspect significant harm")
    page.get_by_role("button", name="Record strategy discussion").click()
    page.get_by_role("link", name=re.compile("Start.*enquiry")).first.click()
    _fill_date(page, "Start date", discussed)
    page.get_by_role("button", name="Start enquiry").click()
    conference_due = add_working_days(discussed, 15)
    row = _tray_row(page, "Leo Hartley", "Initial conference due")
    expect(row).to_contain_text(conference_due.strftime("%-d %b %Y"))
    assert_accessible(page)

    enquiry = referral.enquiries.get()
    page.goto(f"/casework/enquiries/{enquiry.pk}/")
    _choose(page, "Outcome of the enquiry", "Concerns substantiated: initial conference needed")
    _fill_date(page, "Date the enquiry ended", add_working_days(discussed, 5))
    page.get_by_role("button", name="Save outcome").click()
    page.get_by_role("button", name="Sign out").click()

    # The chair holds the initial conference on day 14: on time, no reason needed.
    sign_in(page, "gareth@council.example.org", PASSWORD)
    page.goto(f"/casework/enquiries/{enquiry.pk}/conference/new/")
    held = add_working_days(discussed, 14)
    _fill_date(page, "Date the conference was held", held)
    _tick(page, "Who attended", STATUTORY)
    _choose(page, "Outcome", "Child protection plan")
    _choose(page, "Category of abuse", "Neglect")
    page.get_by_label("The plan's objectives").fill("Leo is fed, clean and in school every day")
    page.get_by_role("button", name="Record conference").click()
    plan = ProtectionPlan.objects.get(child=leo)
    assert plan.started_on == held and plan.initial_category == "NEG"
    expect(page.get_by_role("heading", level=1)).to_contain_text("plan")
    assert_accessible(page)
    page.goto(f"/children/{leo.pk}/")
    expect(page.get_by_text("CP: neglect")).to_be_visible()

    # A second child's conference on day 17 is late: refused without a reason, kept with one.
    maya = ChildFactory(first_name="Maya", last_name="Owen")
    other = Referral.objects.create(
        child=maya, referral_date=received, source="6", primary_need="N1"
    )
    talk = services.record_strategy_discussion(
        other,
        held_on=discussed,
        attendees=["la", "police", "health"],
        what_was_known="-",
        decision="s47_single",
        rationale="Harm",
        by=worker,
    )
    late_enquiry = services.start_enquiry(talk, started_on=discussed)
    services.record_enquiry_outcome(
        late_enquiry, version=1, outcome="conference", completed_on=discussed
    )
    page.goto(f"/casework/enquiries/{late_enquiry.pk}/conference/new/")
    _fill_date(page, "Date the conference was held", add_working_days(discussed, 17))
    _tick(page, "Who attended", STATUTORY)
    _choose(page, "Outcome", "No child protection plan")
    page.get_by_role("button", name="Record conference").click()
    expect(page.get_by_role("alert")).to_contain_text("enter why it was late")
    assert_accessible(page)
    page.get_by_label("Why the conference was late").fill(
        "The police officer in the case was on leave"
    )
    page.get_by_role("button", name="Record conference").click()
    expect(page.get_by_text("There is a problem")).to_have_count(0)
    late_enquiry.refresh_from_db()
    assert late_enquiry.conference.late_reason.startswith("The police officer")
    page.get_by_role("button", name="Sign out").click()

    # Tom's tray now has the plan's tasks.
    sign_in(page, "tom@council.example.org", PASSWORD)
    expect(_tray_row(page, "Leo Hartley", "First core group due")).to_contain_text(
        add_working_days(held, 10).strftime("%-d %b %Y")
    )
    expect(_tray_row(page, "Leo Hartley", "Review conference due")).to_contain_text(
        add_months(held, 3).strftime("%-d %b %Y")
    )
    page.get_by_role("button", name="Sign out").click()

    # The chair holds the 3-month review and moves the category to emotional abuse, with reason.
    sign_in(page, "gareth@council.example.org", PASSWORD)
    review_day = _working_day_on_or_before(add_months(held, 3))
    page.goto(f"/casework/plans/{plan.pk}/reviews/new/")
    _fill_date(page, "Date of the review conference", review_day)
    _choose(page, "Decision", "Continue the plan")
    _choose(page, "Category of abuse", "Emotional abuse")
    page.get_by_role("button", name="Record review").click()
    expect(page.get_by_role("alert")).to_contain_text("Enter the reason for changing the category")
    page.get_by_label("Reason for changing the category").fill(
        "Neglect has eased; the harm now is emotional"
    )
    page.get_by_role("button", name="Record review").click()
    page.goto(f"/children/{leo.pk}/chronology/")
    expect(page.get_by_text("Category changed from neglect to emotional abuse")).to_be_visible()
    assert_accessible(page)

    # The next review ends the plan.
    page.goto(f"/casework/plans/{plan.pk}/reviews/new/")
    _fill_date(
        page, "Date of the review conference", _working_day_on_or_before(add_months(review_day, 3))
    )
    _choose(page, "Decision", "End the plan")
    _choose(page, "Category of abuse", "Emotional abuse")
    _choose(page, "Why is the plan ending?", "No longer at risk of significant harm")
    page.get_by_role("button", name="Record review").click()
    plan.refresh_from_db()
    assert plan.ended_on is not None and plan.end_reason == "safe"
    page.goto(f"/children/{leo.pk}/chronology/")
    expect(page.get_by_text("Protection plan ended")).to_be_visible()
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, "tom@council.example.org", PASSWORD)
    expect(_tray_row(page, "Leo Hartley", "Review conference due")).to_have_count(0)

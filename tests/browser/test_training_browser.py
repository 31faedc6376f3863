"""Issue: training and compliance. A taxi applicant books and attends the child exploitation
course without an account; the licensing officer's check says compliant for the first grant and,
two years on, not compliant for a renewal; the JSON endpoint agrees and refuses a wrong key; a new
rule version applies only to applications from its date. In Chromium."""

from datetime import date, time

from django.core import mail
from factories import PASSWORD, AgencyFactory, UserFactory
from playwright.sync_api import expect

from safeguard.access.models import AgencyKind
from safeguard.core.calendar import add_months
from safeguard.training.apikeys import issue_key
from safeguard.training.codes import Audience, Delivery, Level, LicenceType
from safeguard.training.models import Certificate, ComplianceRule, Course, TrainingSession

REFERENCE = "TX/2026/00123"


def _fill_date(page, legend: str, day: date) -> None:
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


def _choose(page, question: str, answer: str) -> None:
    page.get_by_role("group", name=question).get_by_label(answer, exact=True).check()


def _check(page, kind: str, applied: date) -> str:
    """Run the licence check on the page; return the reason it gives."""
    page.goto("/licensing/check/")
    page.get_by_label("Applicant's licence application reference").fill(REFERENCE)
    _choose(page, "Licence type", "Hackney carriage driver")
    _choose(page, "Is this a first grant or a renewal?", kind)
    _fill_date(page, "Date of the application", applied)
    page.get_by_role("button", name="Check").click()
    return page.locator("#reason").inner_text()


def _api(page, key: str, kind: str, applied: date):
    return page.request.post(
        "/licensing/api/checks/",
        data={
            "reference": REFERENCE,
            "licence_type": "hackney_carriage_driver",
            "application_kind": kind,
            "application_date": applied.isoformat(),
        },
        headers={"Authorization": f"Bearer {key}"},
    )


def test_a_taxi_applicant_trains_and_the_licence_check_follows_the_rules(
    page, sign_in, assert_accessible
):
    today = date.today()
    two_years_on = add_months(today, 24)
    licensing = AgencyFactory(name="Marcher Council Licensing", kind=AgencyKind.LICENSING)
    partnership = AgencyFactory(name="Partnership office", kind=AgencyKind.PARTNERSHIP_OFFICE)
    UserFactory(
        role="licensing_officer",
        email="mark@licensing.example.org",
        full_name="Mark Jones",
        agency=licensing,
    )
    UserFactory(
        role="training_coordinator",
        email="lucy@partnership.example.org",
        full_name="Lucy Powell",
        agency=partnership,
    )
    course = Course.objects.create(
        title="Child exploitation awareness",
        audience="Taxi and private hire licence applicants",
        level=Level.AWARENESS,
        learning_outcomes="Recognise the signs of child exploitation",
        certificate_valid_months=36,
        open_to_public=True,
    )
    TrainingSession.objects.create(
        course=course,
        on=today,
        starts_at=time(18),
        ends_at=time(20),
        delivery=Delivery.ONLINE,
        venue="Online",
        trainer="Lucy Powell",
        capacity=12,
    )
    ComplianceRule.objects.create(
        audience=Audience.TAXI_AND_PRIVATE_HIRE,
        version=1,
        in_force_from=date(2020, 1, 1),
        course=course,
        licence_types=LicenceType.drivers(),
        required_at_renewal=True,
        max_age_months=12,
    )
    _, key = issue_key(
        licensing, "Taxi licensing system", by=UserFactory(role="system_administrator")
    )

    # The applicant books without an account; a malformed reference and date of birth come back
    # with their fields' errors.
    page.goto("/training/book/")
    page.get_by_role("link", name=f"Book Child exploitation awareness on {today:%-d %B %Y}").click()
    page.get_by_label("Licence application reference").fill("TX-2026-123")
    page.get_by_label("Full name").fill("Sam Driver")
    _fill_date(page, "Date of birth", date(1980, 2, 1))
    page.get_by_role("group", name="Date of birth").get_by_label("Day").fill("31")
    page.get_by_label("Email address").fill("sam.driver@example.org")
    page.get_by_role("button", name="Book a place").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text(
        "Enter the licence application reference in the correct format, like TX/2026/00123"
    )
    expect(summary).to_contain_text("Date of birth must be a real date")
    assert_accessible(page)
    page.get_by_label("Licence application reference").fill(REFERENCE.lower())
    page.get_by_role("group", name="Date of birth").get_by_label("Day").fill("17")
    page.get_by_role("button", name="Book a place").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You have a place")
    (confirmation,) = mail.outbox
    assert confirmation.to == ["sam.driver@example.org"]
    assert page.url.endswith("/") and page.url.split("/")[-2] in confirmation.body

    # The trainer marks attendance: a certificate is issued and emailed.
    sign_in(page, "lucy@partnership.example.org", PASSWORD)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Manage training").click()
    page.get_by_role(
        "link", name=f"Child exploitation awareness on {today:%-d %B %Y}"
    ).first.click()
    page.get_by_role("link", name="Mark attendance").click()
    page.get_by_label(f"Sam Driver (licence applicant {REFERENCE})").check()
    page.get_by_role("button", name="Save attendance").click()
    expect(page.get_by_role("alert")).to_contain_text("1 certificate issued")
    certificate = Certificate.objects.get()
    assert certificate.display_code in mail.outbox[-1].body
    page.get_by_role("button", name="Sign out").click()

    # Anyone can check the certificate.
    page.goto("/training/certificates/verify/")
    page.get_by_label("Verification code").fill(certificate.display_code)
    page.get_by_role("button", name="Check certificate").click()
    expect(page.get_by_role("heading", name="This certificate is valid")).to_be_visible()

    # The licensing officer: compliant for the first grant, relying on that certificate.
    sign_in(page, "mark@licensing.example.org", PASSWORD)
    first_grant = _check(page, "First grant", today)
    expect(page.get_by_role("heading", level=1)).to_have_text("Compliant")
    expect(page.get_by_text(certificate.display_code)).to_be_visible()
    assert first_grant.startswith(
        f"Child exploitation awareness was completed on {today:%-d %B %Y}"
    )
    assert_accessible(page)

    # Two years later the renewal is not compliant: the certificate is older than 12 months.
    renewal = _check(page, "Renewal", two_years_on)
    expect(page.get_by_role("heading", level=1)).to_have_text("Not compliant")
    assert f"more than 12 months before the application on {two_years_on:%-d %B %Y}" in renewal

    # The licensing system gets the same answers by JSON, and a wrong key gets nothing.
    by_api = _api(page, key, "first_grant", today)
    assert by_api.status == 200
    assert (by_api.json()["compliant"], by_api.json()["reason"]) == (True, first_grant)
    assert by_api.json()["certificate"]["verification_code"] == certificate.display_code
    by_api = _api(page, key, "renewal", two_years_on)
    assert (by_api.json()["compliant"], by_api.json()["reason"]) == (False, renewal)
    refused = _api(page, "sgl_not-the-key", "first_grant", today)
    assert refused.status == 401 and "compliant" not in refused.json()
    page.get_by_role("button", name="Sign out").click()

    # A new rule version, from 18 months on, accepts a certificate up to 36 months old. A check
    # uses the version in force on the application date.
    sign_in(page, "lucy@partnership.example.org", PASSWORD)
    page.goto("/training/manage/rules/new/")
    _choose(page, "Who the rule is for", "Taxi and private hire licence applicants")
    page.get_by_label("Course they must hold").select_option(label="Child exploitation awareness")
    _fill_date(page, "In force from", add_months(today, 18))
    page.get_by_role("group", name="Licences that need the course").get_by_label(
        "Hackney carriage driver"
    ).check()
    page.get_by_label(
        "How many months before the application the course may have been completed"
    ).fill("36")
    page.get_by_role("button", name="Publish version").click()
    expect(page.get_by_role("alert")).to_contain_text("Version 2")
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, "mark@licensing.example.org", PASSWORD)
    _check(page, "Renewal", add_months(today, 13))
    expect(page.get_by_role("heading", level=1)).to_have_text("Not compliant")
    expect(page.get_by_text("Version 1, in force from 1 January 2020")).to_be_visible()
    _check(page, "Renewal", two_years_on)
    expect(page.get_by_role("heading", level=1)).to_have_text("Compliant")
    expect(page.get_by_text("Version 2, in force from")).to_be_visible()
    page.get_by_role("link", name="Check another applicant").click()
    page.get_by_role("link", name="Checks made by your licensing authority").click()
    # Four checks on the page and two answered by the licensing system, all logged.
    expect(page.get_by_role("row")).to_have_count(1 + 6)

"""Issue: foundation. Signing in, search-before-create, and breaking the glass, in Chromium."""

import re

from factories import PASSWORD, AddressFactory, ChildFactory, UserFactory
from playwright.sync_api import expect

from safeguard.access.models import AccessEvent, AccessKind, RestrictedRecord
from safeguard.people.models import Child


def test_a_worker_signs_in_finds_a_child_and_signs_out(page, sign_in, assert_accessible):
    UserFactory(role="social_worker", email="tom@example.org", full_name="Tom Griffiths")
    child = ChildFactory(first_name="Amara", last_name="Lewis")
    sign_in(page, "tom@example.org", PASSWORD)
    expect(page.get_by_text("Tom Griffiths")).to_be_visible()
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Find a child").click()
    page.get_by_label("Last name").fill("Lewis")
    page.get_by_role("button", name="Search").click()
    page.get_by_role("link", name="Amara Lewis").click()
    expect(page.get_by_role("heading", name="Amara Lewis")).to_be_visible()
    expect(page.get_by_text(child.la_child_id)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", name="You have signed out")).to_be_visible()


def test_a_wrong_password_shows_the_error_summary(page, sign_in, assert_accessible):
    UserFactory(role="social_worker", email="tom@example.org")
    sign_in(page, "tom@example.org", "not the password")
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("There is a problem")
    assert_accessible(page)


def test_search_before_create_finds_the_child_and_prevents_the_duplicate(
    page, sign_in, assert_accessible
):
    UserFactory(role="mash_worker", email="sam@example.org")
    known = ChildFactory(first_name="Jayden", last_name="Smith", date_of_birth="2014-03-09")
    AddressFactory(child=known, postcode="HR1 2HX")
    sign_in(page, "sam@example.org", PASSWORD)
    page.goto("/children/add/")
    # A misspelt surname and a known NHS number: the search still finds him.
    page.get_by_label("First name").fill("Jaden")
    page.get_by_label("Last name").fill("Smyth")
    page.get_by_label("Day").fill("9")
    page.get_by_label("Month").fill("3")
    page.get_by_label("Year").fill("2014")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("link", name="Jayden Smith")).to_be_visible()
    expect(page.get_by_text("Likely match")).to_be_visible()
    assert_accessible(page)
    # Going on to add him anyway with his NHS number is refused.
    page.get_by_role("link", name="None of these: add a new child").click()
    page.get_by_label("NHS number").fill(known.nhs_number)
    page.get_by_label("Male", exact=True).check()
    page.get_by_role("button", name="Add child").click()
    expect(page.get_by_role("alert")).to_contain_text("already known")
    assert_accessible(page)
    assert Child.objects.count() == 1


def test_breaking_the_glass_is_logged_and_shown_to_the_dpo(page, sign_in, assert_accessible):
    worker = UserFactory(role="social_worker", email="tom@example.org", full_name="Tom Griffiths")
    UserFactory(role="data_protection_officer", email="fiona@example.org")
    child = ChildFactory(first_name="Ellie", last_name="Morgan")
    RestrictedRecord.objects.create(child=child, reason="Child of staff", restricted_by=worker)
    reason = "Police have asked for an urgent strategy discussion tonight"

    sign_in(page, "tom@example.org", PASSWORD)
    page.goto(f"/children/{child.pk}/")
    expect(page.get_by_role("heading", name="This record is restricted")).to_be_visible()
    expect(page.get_by_text("Ellie Morgan")).to_have_count(0)
    assert_accessible(page)
    page.get_by_label("Why do you need to open this record now?").fill(reason)
    page.get_by_role("button", name="Open the record").click()
    expect(page.get_by_role("heading", name="Ellie Morgan")).to_be_visible()
    assert AccessEvent.objects.filter(
        user=worker, child=child, kind=AccessKind.BREAK_GLASS
    ).exists()
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, "fiona@example.org", PASSWORD)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Access log").click()
    page.get_by_role("link", name=re.compile("Break-glass accesses")).click()
    row = page.get_by_role("row", name=re.compile("Tom Griffiths"))
    expect(row).to_contain_text(reason)
    expect(row).to_contain_text("Ellie Morgan")
    assert_accessible(page)

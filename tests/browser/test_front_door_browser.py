"""Issue: the front door. A police referral through the MASH to a decision, in Chromium."""

import re

from factories import PASSWORD, AgencyFactory, UserFactory
from factories_frontdoor import make_threshold_document
from playwright.sync_api import expect

from safeguard.access.models import AccessEvent, AgencyKind, Outcome
from safeguard.frontdoor.models import Contact, InformationRequest, Referral


def _choose(page, question: str, answer: str) -> None:
    page.get_by_role("group", name=question).get_by_label(answer, exact=True).check()


def test_a_police_referral_is_rated_checked_with_partners_decided_and_fed_back(
    page, sign_in, assert_accessible
):
    police = AgencyFactory(name="West Marcher Police", kind=AgencyKind.POLICE)
    trust = AgencyFactory(name="Marcher Community Health", kind=AgencyKind.HEALTH_TRUST)
    school = AgencyFactory(name="Riverside Primary School", kind=AgencyKind.EDUCATION)
    other_health = AgencyFactory(name="Wyeside Health Visiting", kind=AgencyKind.HEALTH_TRUST)
    council = AgencyFactory(name="Marcher Council", kind=AgencyKind.CHILDRENS_SERVICES)
    UserFactory(
        role="partner_practitioner",
        email="dan@police.example.org",
        agency=police,
        full_name="Dan Morgan",
        job_title="Police constable",
    )
    UserFactory(
        role="mash_manager",
        email="priya@council.example.org",
        agency=council,
        full_name="Priya Shah",
    )
    UserFactory(
        role="partner_practitioner",
        email="hannah@health.example.org",
        agency=trust,
        full_name="Hannah Price",
        job_title="Health visitor",
    )
    outsider = UserFactory(
        role="partner_practitioner",
        email="gwen@wyeside.example.org",
        agency=other_health,
        job_title="Health visitor",
    )
    make_threshold_document()

    # The police officer raises the concern.
    sign_in(page, "dan@police.example.org", PASSWORD)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Raise a concern").click()
    page.get_by_label("Child's first name").fill("Leo")
    page.get_by_label("Child's last name").fill("Hartley")
    born = page.get_by_role("group", name="Child's date of birth")
    born.get_by_label("Day").fill("4")
    born.get_by_label("Month").fill("11")
    born.get_by_label("Year").fill("2016")
    page.get_by_label("Who does the child live with?").fill("Mother, Kerry Hartley, 31")
    page.get_by_label("Domestic abuse").check()
    page.get_by_label("What has happened?").fill(
        "Officers attended a domestic incident at 02:00. Leo was <b>awake</b> and frightened."
    )
    _choose(page, "Is the child in immediate danger?", "No")
    _choose(page, "Has early help been offered to the family?", "No")
    _choose(page, "Does the family know about this referral?", "Yes")
    _choose(
        page,
        "On what basis are you sharing this information?",
        "The family knows and agrees to this referral",
    )
    page.get_by_label("Your phone number").fill("01432 555 0101")
    assert_accessible(page)
    page.get_by_role("button", name="Send referral").click()
    banner = page.get_by_role("alert", name="Success")
    expect(banner).to_contain_text(re.compile(r"Your reference is FD\d\d-\d{6}"))
    expect(page.get_by_text("With the MASH")).to_be_visible()
    # What the officer typed is shown as text, never as markup.
    expect(page.get_by_text("Leo was <b>awake</b> and frightened.")).to_be_visible()
    contact = Contact.objects.get()
    assert contact.source == "6"  # CIN census referral source: police
    page.get_by_role("button", name="Sign out").click()

    # The MASH manager rates it red, links the child and asks health and education.
    sign_in(page, "priya@council.example.org", PASSWORD)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="MASH queue").click()
    page.get_by_role("link", name=contact.reference).click()
    page.get_by_role("link", name=re.compile("Change.*RAG rating")).click()
    _choose(page, "RAG rating", "Red")
    page.get_by_label("Reason").fill("Repeat domestic abuse with a young child present")
    page.get_by_role("button", name="Save rating").click()
    expect(page.get_by_role("alert", name="Success")).to_contain_text("now rated red")
    page.get_by_role("link", name=re.compile("Find or add.*child's record")).click()
    page.get_by_label("None of these: create a new record from the referral").check()
    page.get_by_role("button", name="Link the record").click()
    for agency in ("Marcher Community Health", "Riverside Primary School"):
        page.get_by_role("link", name="Ask an agency").click()
        page.get_by_label("Agency").select_option(label=agency)
        page.get_by_label("What do you need to know?").fill("Is Leo known to you? Any concerns?")
        page.get_by_role("button", name="Send request").click()
        expect(page.get_by_role("alert", name="Success")).to_contain_text(agency)
    assert_accessible(page)
    page.get_by_role("button", name="Sign out").click()

    # The health representative answers for her agency.
    sign_in(page, "hannah@health.example.org", PASSWORD)
    page.get_by_role("navigation", name="Menu").get_by_role(
        "link", name="Information requests"
    ).click()
    page.get_by_role("link", name=contact.reference).click()
    _choose(page, "What is your answer?", "Information shared")
    page.get_by_label("What your agency knows").fill("Missed two health reviews this year.")
    page.get_by_label("Why you are sharing this, or why you are not").fill("Child may be at risk")
    page.get_by_role("button", name="Send answer").click()
    expect(page.get_by_role("alert", name="Success")).to_contain_text(contact.reference)
    page.get_by_role("button", name="Sign out").click()
    assert InformationRequest.objects.filter(agency=trust, answered_at__isnull=False).count() == 1
    assert InformationRequest.objects.filter(agency=school, answered_at__isnull=True).count() == 1

    # The manager decides: strategy discussion, with reasoning.
    sign_in(page, "priya@council.example.org", PASSWORD)
    page.goto(f"/mash/contacts/{contact.pk}/")
    expect(page.get_by_text("Missed two health reviews this year.")).to_be_visible()
    page.get_by_role("link", name="Record the decision").click()
    _choose(page, "Level of need", "Level 4: Child protection")
    _choose(page, "Outcome", "Strategy discussion: possible significant harm")
    page.get_by_label("Primary need").select_option("N1")
    page.get_by_label("Reasoning").fill("Repeat incidents; health disengagement; young child.")
    page.get_by_label("What to tell the referrer").fill("A strategy discussion will be held.")
    page.get_by_role("button", name="Record decision").click()
    expect(page.get_by_role("alert", name="Success")).to_contain_text("Decision recorded")
    referral = Referral.objects.get()
    assert (referral.child.first_name, referral.primary_need) == ("Leo", "N1")
    page.get_by_role("button", name="Sign out").click()

    # The officer sees the outcome under "My referrals".
    sign_in(page, "dan@police.example.org", PASSWORD)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="My referrals").click()
    row = page.get_by_role("row", name=re.compile(contact.reference))
    expect(row).to_contain_text("Strategy discussion")
    row.get_by_role("link", name=contact.reference).click()
    expect(page.get_by_text("A strategy discussion will be held.")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Sign out").click()

    # A health visitor from another agency cannot open it, and the attempt is logged.
    sign_in(page, "gwen@wyeside.example.org", PASSWORD)
    response = page.goto(f"/referrals/{contact.pk}/")
    assert response is not None and response.status == 404
    assert AccessEvent.objects.filter(
        user=outsider, outcome=Outcome.DENIED, child=referral.child
    ).exists()

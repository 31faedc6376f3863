"""The pages around the pathway, through the test client: forms that refuse with GOV.UK messages,
records reached only through their child (and logged), and the plan page's neglect prompt."""

import uuid
from datetime import date

import pytest
from factories import AgencyFactory, ChildFactory, UserFactory, sign_in_as
from pathway_records import child_on_plan, make_staff
from test_around_records import at, catalogue

from safeguard.access.models import AccessEvent, AccessKind, AgencyKind, Outcome
from safeguard.casework import services_early_help, services_missing, services_neglect
from safeguard.casework.codes_around import EarlyHelpRoute
from safeguard.casework.models import (
    CareEpisode,
    ExploitationScreening,
    HomeEducationEntry,
    IndicatorCatalogue,
)
from safeguard.frontdoor.models import Contact, ContactStatus


@pytest.fixture
def staff(db):
    return make_staff()


@pytest.fixture
def child(db):
    return ChildFactory(first_name="Zac", last_name="Hill", date_of_birth=date(2013, 5, 5))


def on(field: str, day: date) -> dict[str, str]:
    return {f"{field}_day": day.day, f"{field}_month": day.month, f"{field}_year": day.year}


def test_the_worker_records_that_a_child_is_looked_after_and_it_is_logged(client, staff, child):
    sign_in_as(client, staff.worker)
    response = client.post(
        f"/casework/children/{child.pk}/looked-after/start/",
        {
            **on("started_on", date(2024, 3, 20)),
            "legal_status": "C1",
            "category_of_need": "N1",
            "placement_type": "U6",
            "placement_provider": "PR1",
            "placement_postcode": "hr4 9ab",
        },
    )
    assert response.status_code == 302
    episode = CareEpisode.objects.get(child=child)
    assert (episode.reason_new, episode.placement_postcode) == ("S", "HR4 9AB")
    assert AccessEvent.objects.filter(
        child_id=child.pk, purpose="Start a period of care", outcome=Outcome.ALLOWED
    ).exists()
    page = client.get(f"/casework/children/{child.pk}/looked-after/")
    assert b"Friday 19 April 2024" in page.content  # the first review, 20 working days on


def test_a_form_left_empty_shows_govuk_errors_and_changes_nothing(client, staff, child):
    sign_in_as(client, staff.worker)
    response = client.post(f"/casework/children/{child.pk}/looked-after/start/", {})
    text = response.content.decode()
    assert "<title>Error: Record that Zac is looked after" in text
    for message in (
        "Enter the start date",
        "Select the legal status",
        "Select the category of need",
        "Select the type of placement",
    ):
        assert message in text
    assert not CareEpisode.objects.exists()


def test_a_late_interview_without_a_reason_is_refused_on_the_page(client, staff, child):
    sign_in_as(client, staff.worker)
    client.post(
        f"/casework/children/{child.pk}/missing/new/",
        {
            "kind": "M",
            **on("started_on", date(2024, 4, 5)),
            "started_time": "21:00",
            "reported_by": "Mother",
        },
    )
    episode = child.missing_episodes.get()
    url = f"/casework/missing-episodes/{episode.pk}/"
    client.post(
        url,
        {
            "action": "return",
            "version": episode.version,
            **on("returned_on", date(2024, 4, 6)),
            "returned_time": "08:00",
            "where_found": "Bus station",
        },
    )
    interview = {
        "action": "interview",
        "outcome": "held",
        **on("held_on", date(2024, 4, 10)),
        "held_time": "10:00",
        "interviewer": "Sam Lee",
        "independent": "yes",
    }
    refused = client.post(url, interview)
    assert "There is a problem" in refused.content.decode()
    assert "enter why it was late" in refused.content.decode()
    done = client.post(url, {**interview, "late_reason": "Zac was staying with his aunt"})
    assert done.status_code == 302
    assert "Late" in client.get(url).content.decode()


def test_the_override_rule_shows_beside_the_suggestion_and_the_screening_is_saved(
    client, staff, child
):
    version = catalogue(by=staff.manager)
    money = version.indicators.get(text="Unexplained money or phones").pk
    sign_in_as(client, staff.worker)
    url = f"/casework/children/{child.pk}/screenings/new/"
    step_one = {
        "action": "suggest",
        "catalogue": version.pk,
        **on("screened_on", date(2024, 4, 2)),
        "indicators": [money],
    }
    suggestion = client.post(url, step_one).content.decode()
    # Score 2 alone suggests low; Zac was 10, so the under-13 rule makes it medium.
    assert "which alone suggests low" in suggestion
    assert "A child under 13 is never graded low (at least medium)" in suggestion
    saved = client.post(
        url,
        {
            **step_one,
            "action": "save",
            "practitioner_band": "medium",
            "reasons": "Two new phones",
            "referred_to_panel": "no",
            **on("review_on", date(2024, 7, 2)),
        },
    )
    screening = ExploitationScreening.objects.get()
    assert saved["Location"] == f"/casework/screenings/{screening.pk}/"
    assert (screening.score_band, screening.suggested_band) == ("low", "medium")


def test_the_business_manager_keeps_the_catalogue_but_cannot_open_a_childs_screenings(
    client, child
):
    manager = UserFactory(role="business_manager")
    sign_in_as(client, manager)
    client.post("/casework/exploitation-indicators/")
    draft = IndicatorCatalogue.objects.get()
    url = f"/casework/exploitation-indicators/{draft.pk}/"
    client.post(url, {"action": "indicator", "area": "criminal", "text": "Runs", "weight": "3"})
    client.post(url, {"action": "publish", **on("in_force_from", date(2024, 4, 1))})
    draft.refresh_from_db()
    assert (draft.is_draft, draft.indicators.count()) == (False, 1)
    assert client.get(f"/casework/children/{child.pk}/screenings/").status_code == 403


def test_the_early_help_lead_opens_their_episode_and_no_one_elses(client, child, db):
    school = AgencyFactory(name="Castle Hill Primary School", kind=AgencyKind.EDUCATION)
    lead = UserFactory(role="early_help_practitioner", agency=school)
    other = UserFactory(role="early_help_practitioner", agency=school)
    episode = services_early_help.start_early_help(
        child, started_on=date(2024, 3, 1), lead=lead, needs="Sleep", route="request", by=lead
    )
    sign_in_as(client, lead)
    assert client.get(f"/casework/early-help/{episode.pk}/").status_code == 200
    assert b"Zac Hill" in client.get("/casework/early-help/").content
    sign_in_as(client, other)
    assert client.get(f"/casework/early-help/{episode.pk}/").status_code == 404
    assert AccessEvent.objects.filter(
        user=other, child_id=child.pk, outcome=Outcome.DENIED
    ).exists()


def test_a_step_up_from_the_page_lands_in_the_mash_queue(client, child, db):
    lead = UserFactory(role="early_help_practitioner", full_name="Amy Watkins")
    episode = services_early_help.start_early_help(
        child,
        started_on=date(2024, 3, 1),
        lead=lead,
        needs="Sleep",
        route=EarlyHelpRoute.REQUEST,
        by=lead,
    )
    sign_in_as(client, lead)
    response = client.post(
        f"/casework/early-help/{episode.pk}/step-up/",
        {
            "idempotency_key": str(uuid.uuid4()),
            "concerns": ["neglect"],
            "reason": "No food in the house for three days",
            "immediate_danger": "no",
            "family_aware": "yes",
            "lawful_basis": "consent",
        },
    )
    assert response.status_code == 302
    contact = Contact.objects.get()
    assert (contact.status, contact.child, contact.referrer) == (ContactStatus.OPEN, child, lead)
    sign_in_as(client, UserFactory(role="mash_worker"))
    assert contact.reference in client.get("/mash/").content.decode()


def test_the_register_lists_flagged_children_first_and_logs_them(client, staff, child):
    quiet = ChildFactory(first_name="Ava", last_name="Able", date_of_birth=date(2012, 1, 1))
    sign_in_as(client, staff.worker)
    for pupil in (quiet, child):
        client.post(
            f"/casework/children/{pupil.pk}/home-education/new/",
            {
                **on("started_on", date(2024, 1, 15)),
                "reason": "health",
                "education_lead": staff.worker.pk,
            },
        )
    assert HomeEducationEntry.objects.count() == 2
    child_on_plan(
        child,
        staff,
        referred_on=date(2024, 3, 4),
        discussed_on=date(2024, 3, 5),
        concluded_on=date(2024, 3, 12),
        conference_on=date(2024, 3, 25),
    )
    text = client.get("/casework/home-education/").content.decode()
    table = text[text.index("<table") :]
    assert table.index("Zac Hill") < table.index("Ava Able")
    assert "On a child protection plan" in text
    assert "Ava Able" not in client.get("/casework/home-education/?show=flagged").content.decode()
    assert AccessEvent.objects.filter(
        child_id=quiet.pk, kind=AccessKind.SEARCH, purpose="Home education register"
    ).exists()


def test_the_plan_page_prompts_until_the_neglect_reasoning_is_recorded(client, staff, child):
    plan = child_on_plan(
        child,
        staff,
        referred_on=date(2024, 3, 4),
        discussed_on=date(2024, 3, 5),
        concluded_on=date(2024, 3, 12),
        conference_on=date(2024, 3, 25),
    ).plan
    sign_in_as(client, staff.worker)
    page = client.get(f"/casework/plans/{plan.pk}/").content.decode()
    assert "This plan is under neglect, but its reasoning is not complete" in page
    assert "Zac has had no neglect assessment in the last 3 months" in page
    client.post(
        f"/casework/children/{child.pk}/neglect/",
        {
            "carer_name": "Kim Hill",
            **on("assessed_on", date.today()),
            "physical_care": "4",
            "safety": "3",
            "love": "2",
            "esteem": "3",
        },
    )
    assessment = child.neglect_assessments.get()
    client.post(
        f"/casework/plans/{plan.pk}/neglect-reasoning/",
        {"assessment": assessment.pk, "reasoning": "Physical care graded 4: no food"},
    )
    assert services_neglect.neglect_prompts(plan) == []
    page = client.get(f"/casework/plans/{plan.pk}/").content.decode()
    assert "its reasoning is not complete" not in page


def test_the_childs_summary_shows_what_each_person_may_open(client, staff, child):
    services_missing.record_missing(
        child, kind="M", started_at=at(date(2024, 4, 5), 9), reported_by="School", by=staff.worker
    )
    sign_in_as(client, staff.worker)
    text = client.get(f"/children/{child.pk}/").content.decode()
    assert "Care, missing, exploitation and support" in text
    assert "1 episode" in text
    assert "Missing now" in text
    sign_in_as(client, staff.chair)
    text = client.get(f"/children/{child.pk}/").content.decode()
    assert "Looked after" in text and "Neglect assessments" not in text

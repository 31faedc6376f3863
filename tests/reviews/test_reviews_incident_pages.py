"""The business manager's pages from incident to review: forms in GOV.UK words, refusals shown
against the answer, and what each page offers next."""

from datetime import date, timedelta

import pytest
from django.utils import timezone
from factories import UserFactory, sign_in_as
from reviews_records import business_manager, finding, notified, police, practice_review

from safeguard.reviews.models import CaseReview, PanelMeeting, SeriousIncident

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager(client):
    user = business_manager()
    sign_in_as(client, user)
    return user


def date_fields(name: str, day: date) -> dict[str, str]:
    return {
        f"{name}_day": str(day.day),
        f"{name}_month": str(day.month),
        f"{name}_year": str(day.year),
    }


def test_recording_an_incident_gives_the_notification_deadline(client, manager):
    agency = police()
    response = client.post(
        "/case-reviews/incidents/new/",
        {
            "name": "Child Q",
            **date_fields("aware_on", date(2023, 12, 21)),
            "what_happened": "A serious injury",
            "agencies": [agency.pk],
        },
        follow=True,
    )
    incident = SeriousIncident.objects.get()
    assert list(incident.agencies.all()) == [agency]
    assert "Notify the national Panel by 2 January 2024" in response.content.decode()


def test_an_empty_incident_form_says_what_to_enter(client, manager):
    page = client.post("/case-reviews/incidents/new/", {}).content.decode()
    for message in [
        "Enter the name the partnership will use for the incident",
        "Enter the date the council became aware of the incident",
        "Enter what happened",
        "Select the agencies involved with the family",
    ]:
        assert message in page
    assert "<title>Error: " in page


def test_a_late_notification_asks_for_the_reason_against_its_box(client, manager):
    incident = SeriousIncident.objects.create(
        name="Child Q",
        aware_on=date(2023, 12, 21),
        what_happened="-",
        notification_due_on=date(2024, 1, 2),
        recorded_by=manager,
    )
    page = client.post(
        f"/case-reviews/incidents/{incident.pk}/notification/",
        {"version": incident.version, **date_fields("notified_on", date(2024, 1, 3))},
    ).content.decode()
    assert 'href="#id_late_reason"' in page
    assert "The notification was after its due date (2 January 2024): enter why it was late" in page


def test_the_list_shows_where_each_incident_is_and_what_is_late(client, manager):
    aware = timezone.localdate() - timedelta(days=60)
    notified(manager, aware, aware, name="Child W")
    page = client.get("/case-reviews/").content.decode()
    assert "Child W" in page and "Rapid review to hold" in page
    assert "Rapid review: overdue" in page


def test_commissioning_a_practice_review_after_the_rapid_review(client, manager):
    found = notified(manager, date(2024, 3, 18), date(2024, 3, 20))
    client.post(
        f"/case-reviews/incidents/{found.pk}/rapid-review/",
        {
            **date_fields("held_on", date(2024, 4, 12)),
            "agencies": [police().pk],
            "decision": "lcspr",
            "rationale": "National learning on information sharing",
        },
    )
    page = client.get(f"/case-reviews/incidents/{found.pk}/").content.decode()
    assert "Commission a practice review" in page
    response = client.post(
        f"/case-reviews/incidents/{found.pk}/review/new/",
        {**date_fields("decided_on", date(2024, 4, 12)), "terms_of_reference": "Scope"},
        follow=True,
    )
    review = CaseReview.objects.get()
    assert review.report_due_on == date(2024, 10, 12)
    assert "The final report is due by 12 October 2024" in response.content.decode()


def test_the_review_page_shows_findings_actions_and_panel_meetings(client, manager):
    review = practice_review(manager, date(2024, 3, 18), date(2024, 3, 20), date(2024, 4, 12))
    client.post(
        f"/case-reviews/{review.pk}/panel-meetings/new/",
        {**date_fields("held_on", date(2024, 5, 8)), "notes": "Scope agreed"},
    )
    found = finding(manager, review, "Cultural context")
    response = client.post(
        f"/case-reviews/findings/{found.pk}/actions/new/",
        {
            "description": "Add a cultural context section",
            "agency": police().pk,
            "owner_name": "DI Ellis",
            **date_fields("due_on", date(2024, 9, 30)),
            "another": "1",
        },
    )
    assert response["Location"] == f"/case-reviews/findings/{found.pk}/actions/new/"
    page = client.get(f"/case-reviews/{review.pk}/").content.decode()
    assert PanelMeeting.objects.get().notes == "Scope agreed"
    assert "Cultural context" in page and "Add a cultural context section" in page
    assert "Overdue" in page


def test_a_social_worker_sees_the_review_but_cannot_change_it(client):
    manager = business_manager()
    review = practice_review(manager, date(2024, 3, 18), date(2024, 3, 20), date(2024, 4, 12))
    sign_in_as(client, UserFactory(role="social_worker"))
    page = client.get(f"/case-reviews/{review.pk}/").content.decode()
    assert "Multi-agency chronology" in page and "Update the review" not in page
    assert client.get(f"/case-reviews/{review.pk}/edit/").status_code == 403

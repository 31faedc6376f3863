"""Learning dissemination: the partnership office publishes briefings, events and training links;
every practitioner can read them."""

from datetime import date

import pytest
from factories import UserFactory, sign_in_as
from reviews_records import business_manager

from safeguard.reviews.models import Briefing, CourseLink, LearningEvent, Theme

pytestmark = pytest.mark.django_db


def test_the_business_manager_publishes_a_7_minute_briefing(client):
    sign_in_as(client, business_manager())
    theme = Theme.objects.get(name="Cultural context")
    response = client.post(
        "/learning/briefings/new/",
        {
            "title": "7-minute briefing: cultural context",
            "published_on_day": "28",
            "published_on_month": "3",
            "published_on_year": "2017",
            "themes": [theme.pk],
            "text": "1. Background\n2. Why it matters",
        },
    )
    briefing = Briefing.objects.get()
    assert response["Location"] == f"/learning/briefings/{briefing.pk}/"
    assert briefing.published_on == date(2017, 3, 28)
    assert list(briefing.themes.all()) == [theme]


def test_a_briefing_without_a_title_or_text_is_refused_in_gov_uk_words(client):
    sign_in_as(client, business_manager())
    page = client.post("/learning/briefings/new/", {}).content.decode()
    assert "Enter the title of the briefing" in page
    assert "Enter the date the briefing was published" in page
    assert "Enter the text of the briefing" in page
    assert not Briefing.objects.exists()


def test_a_police_officer_reads_briefings_but_cannot_add_them(client):
    manager = business_manager()
    briefing = Briefing.objects.create(
        title="Children not brought",
        text="Follow up every missed appointment",
        published_on=date(2025, 1, 6),
        written_by=manager,
    )
    LearningEvent.objects.create(title="Workshop", held_on=date(2025, 2, 3), added_by=manager)
    CourseLink.objects.create(
        course_title="Neglect and the GCP2", url="https://example.org/gcp2", added_by=manager
    )
    sign_in_as(client, UserFactory(role="partner_practitioner"))
    page = client.get("/learning/").content.decode()
    assert "Children not brought" in page and "Workshop" in page and "Neglect and the GCP2" in page
    assert (
        "Follow up every missed appointment"
        in client.get(f"/learning/briefings/{briefing.pk}/").content.decode()
    )
    assert client.get("/learning/briefings/new/").status_code == 403


def test_events_and_courses_are_added_from_their_forms(client):
    sign_in_as(client, business_manager())
    client.post(
        "/learning/events/new/",
        {
            "title": "Learning from Child R",
            "held_on_day": "3",
            "held_on_month": "2",
            "held_on_year": "2027",
            "attended": "",
        },
    )
    client.post("/learning/courses/new/", {"course_title": "Safeguarding disabled children"})
    assert LearningEvent.objects.get().held_on == date(2027, 2, 3)
    assert CourseLink.objects.get().url == ""


def test_a_course_link_must_be_a_web_address(client):
    sign_in_as(client, business_manager())
    page = client.post(
        "/learning/courses/new/", {"course_title": "Neglect", "url": "not a link"}
    ).content.decode()
    assert "Enter the link in the right format" in page

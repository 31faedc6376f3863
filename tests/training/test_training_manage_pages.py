"""The training coordinator sets up courses and sessions; the system administrator issues and
revokes licensing systems' keys."""

import re
from datetime import date, timedelta

import pytest
from factories import AgencyFactory, UserFactory, sign_in_as
from training_records import book_applicant, make_course, make_session

from safeguard.access.models import AgencyKind
from safeguard.training.models import Course, LicensingApiKey, TrainingSession

NEXT_WEEK = date.today() + timedelta(days=7)


def _text(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


@pytest.fixture
def coordinator(client, db):
    user = UserFactory(role="training_coordinator")
    sign_in_as(client, user)
    return user


def test_the_coordinator_adds_a_course_and_a_session(client, coordinator):
    response = client.post(
        "/training/manage/courses/new/",
        {
            "title": "Neglect and the graded care profile",
            "audience": "Practitioners who work with families",
            "level": "2",
            "learning_outcomes": "Use the graded care profile",
            "certificate_valid_months": "36",
        },
    )
    assert response.status_code == 302
    course = Course.objects.get()
    assert (course.level, course.certificate_valid_months, course.open_to_public) == (
        "2",
        36,
        False,
    )
    response = client.post(
        "/training/manage/sessions/new/",
        {
            "course": str(course.pk),
            "on_day": str(NEXT_WEEK.day),
            "on_month": str(NEXT_WEEK.month),
            "on_year": str(NEXT_WEEK.year),
            "starts_at": "09:30",
            "ends_at": "12:30",
            "delivery": "in_person",
            "venue": "Plough Lane, Hereford",
            "trainer": "Jo Trainer",
            "capacity": "20",
        },
    )
    session = TrainingSession.objects.get()
    assert response["Location"] == f"/training/manage/sessions/{session.pk}/"
    assert (session.on, session.capacity, session.created_by) == (NEXT_WEEK, 20, coordinator)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"ends_at": "09:00"}, "The end time must be after the start time"),
        ({"starts_at": "half nine"}, "Enter the start time as hours and minutes, like 09:30"),
        ({"venue": ""}, "Enter the venue of an in-person session"),
        ({"capacity": "0"}, "There must be at least 1 place"),
        ({"on_day": ""}, "The date of the session must include a day"),
        ({"trainer": ""}, "Enter the trainer's name"),
    ],
)
def test_a_wrong_session_gets_a_clear_error(client, coordinator, changes, message):
    course = make_course()
    answers = {
        "course": str(course.pk),
        "on_day": str(NEXT_WEEK.day),
        "on_month": str(NEXT_WEEK.month),
        "on_year": str(NEXT_WEEK.year),
        "starts_at": "09:30",
        "ends_at": "12:30",
        "delivery": "in_person",
        "venue": "Plough Lane",
        "trainer": "Jo Trainer",
        "capacity": "20",
    } | changes
    response = client.post("/training/manage/sessions/new/", answers)
    assert message in _text(response).replace("&#x27;", "'")
    assert not TrainingSession.objects.exists()


def test_the_session_page_lists_places_and_the_waiting_list_in_order(client, coordinator):
    session = make_session(make_course(), NEXT_WEEK, capacity=1)
    for n, name in enumerate(["Ann Placed", "Bob First", "Cat Second"]):
        book_applicant(session, f"TX/2026/0000{n}", name=name, today=date.today())
    page = _text(client.get(f"/training/manage/sessions/{session.pk}/"))
    assert "Places: 1 of 1 taken" in page
    assert re.search(r"1 Bob First .* 2 Cat Second", page)
    assert "You can mark attendance from the day of the session" in page


def test_the_system_administrator_issues_a_key_shown_once_and_revokes_it(client, db):
    licensing = AgencyFactory(name="Marcher Council Licensing", kind=AgencyKind.LICENSING)
    sign_in_as(client, UserFactory(role="system_administrator"))
    response = client.post("/licensing/api-keys/", {"agency": str(licensing.pk), "name": "Taxis"})
    shown = re.search(r'id="new-key">(sgl_[^<]+)<', response.content.decode()).group(1)
    record = LicensingApiKey.objects.get()
    assert shown.startswith(record.prefix)
    assert response["Cache-Control"] == "no-store"
    assert shown not in client.get("/licensing/api-keys/").content.decode()
    assert client.post(f"/licensing/api-keys/{record.pk}/revoke/").status_code == 302
    record.refresh_from_db()
    assert record.revoked_at is not None


def test_keys_are_only_for_licensing_authorities(client, db):
    police = AgencyFactory(name="West Police", kind=AgencyKind.POLICE)
    sign_in_as(client, UserFactory(role="system_administrator"))
    response = client.post("/licensing/api-keys/", {"agency": str(police.pk), "name": "Taxis"})
    assert "Select a valid choice" in _text(response)
    assert not LicensingApiKey.objects.exists()

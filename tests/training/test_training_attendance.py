"""The trainer marks attendance; attending issues a certificate with an unguessable code that
anyone can check on a public page; attendees evaluate the session."""

import re
from datetime import date, timedelta

import pytest
from django.core import mail
from factories import UserFactory, sign_in_as
from training_records import attend, book_applicant, make_course, make_session

from safeguard.training import attendance, bookings
from safeguard.training.models import Certificate, Evaluation
from safeguard.training.references import normalise_code

TODAY = date.today()
LEAP_DAY = date(2024, 2, 29)


def _text(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


@pytest.fixture
def course(db):
    return make_course()


@pytest.fixture
def coordinator(db):
    return UserFactory(role="training_coordinator", full_name="Lucy Powell")


def test_the_trainer_marks_who_came_and_they_get_certificates(
    client, course, coordinator, django_capture_on_commit_callbacks
):
    session = make_session(course, LEAP_DAY)
    came = book_applicant(session, "TX/2026/00001", email="came@example.org", name="Ann Came")
    absent = book_applicant(session, "TX/2026/00002", email="absent@example.org")
    mail.outbox.clear()
    sign_in_as(client, coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/training/manage/sessions/{session.pk}/attendance/", {"attended": [str(came.pk)]}
        )
    assert response.status_code == 302
    came.refresh_from_db()
    absent.refresh_from_db()
    assert (came.status, absent.status) == ("attended", "did_not_attend")
    certificate = Certificate.objects.get()
    # Hand-worked: 36 months after 29 February 2024 is February 2027, which has no 29th, so the
    # certificate runs to its last day.
    assert (
        certificate.holder_name,
        certificate.licence_reference,
        certificate.completed_on,
        certificate.valid_until,
    ) == ("Ann Came", "TX/2026/00001", LEAP_DAY, date(2027, 2, 28))
    assert [m.to for m in mail.outbox] == [["came@example.org"]]
    assert certificate.display_code in mail.outbox[0].body


def test_attendance_cannot_be_marked_before_the_session(course):
    session = make_session(course, TODAY + timedelta(days=1))
    booking = book_applicant(session, "TX/2026/00001", today=TODAY)
    with pytest.raises(bookings.BookingRefused, match="from the day of the session"):
        attendance.mark_attendance(session, {booking.pk}, today=TODAY)
    assert not Certificate.objects.exists()


def test_marking_someone_absent_after_all_withdraws_their_certificate_and_back_restores_it(
    course,
):
    session = make_session(course, TODAY)
    booking = book_applicant(session, "TX/2026/00001")
    (certificate,) = attend(session, booking)
    attendance.mark_attendance(session, set(), today=TODAY)
    certificate.refresh_from_db()
    assert certificate.withdrawn_at is not None
    attendance.mark_attendance(session, {booking.pk}, today=TODAY)
    certificate.refresh_from_db()
    assert certificate.withdrawn_at is None
    assert Certificate.objects.count() == 1


def test_codes_are_sixteen_random_characters_and_all_different(course):
    session = make_session(course, TODAY, capacity=30)
    people = [book_applicant(session, f"TX/2026/{n:05d}") for n in range(20)]
    codes = [c.code for c in attend(session, *people)]
    assert len(set(codes)) == 20
    assert all(re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{16}", code) for code in codes)


def test_the_public_verification_page_shows_only_course_name_date_and_expiry(client, course):
    session = make_session(course, TODAY)
    (certificate,) = attend(session, book_applicant(session, "TX/2026/00001", name="Ann Came"))
    typed = certificate.display_code.lower().replace("-", " ")
    page = _text(client.get("/training/certificates/verify/", {"code": typed}))
    assert "This certificate is valid" in page
    assert "Child exploitation awareness" in page and "Ann Came" in page
    assert f"{TODAY:%-d %B %Y}" in page
    # Nothing else about the holder: not their reference, date of birth or email.
    assert "TX/2026/00001" not in page
    assert "1980" not in page and "sam.driver@example.org" not in page


def test_an_unknown_or_malformed_code_finds_nothing(client, db):
    assert "No certificate has this code" in _text(
        client.get("/training/certificates/verify/", {"code": "AAAA-BBBB-CCCC-DDDD"})
    )
    page = _text(client.get("/training/certificates/verify/", {"code": "short"}))
    assert "Enter the verification code in the correct format" in page


def test_typed_codes_forgive_spaces_hyphens_case_and_the_letters_o_i_l():
    assert normalise_code("7k2m-9qxh 4t1b-8rzd") == "7K2M9QXH4T1B8RZD"
    assert normalise_code("OIL0") == "0110"


def test_an_attendee_evaluates_once_by_their_link(client, course):
    session = make_session(course, TODAY)
    booking = book_applicant(session, "TX/2026/00001")
    url = f"/training/bookings/{booking.token}/evaluation/"
    assert client.get(url).status_code == 404  # not attended yet
    attend(session, booking)
    missing = client.post(url, {})
    assert "Select how useful the session was" in _text(missing)
    response = client.post(
        url, {"usefulness": "5", "outcomes_met": "yes", "comments": "Eye-opening"}
    )
    assert response.status_code == 302
    assert Evaluation.objects.get().usefulness == 5
    assert client.get(url).status_code == 302  # already evaluated: back to the booking


def test_the_coordinator_sees_the_evaluation_summary_without_names(client, course, coordinator):
    session = make_session(course, TODAY)
    people = [book_applicant(session, f"TX/2026/0000{n}", name=f"Person {n}") for n in range(3)]
    attend(session, *people)
    for person, score, met in zip(people, (5, 4, 2), ("yes", "partly", "yes"), strict=True):
        person.refresh_from_db()
        attendance.evaluate(person, usefulness=score, outcomes_met=met, comments="")
    sign_in_as(client, coordinator)
    page = _text(client.get(f"/training/manage/sessions/{session.pk}/"))
    # Hand-worked: (5 + 4 + 2) / 3 = 3.67, shown to one decimal place.
    assert "3 evaluations; average usefulness 3.7 out of 5" in page
    assert "Learning outcomes met: Yes 2" in page

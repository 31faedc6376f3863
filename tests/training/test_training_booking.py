"""Booking: licence applicants without an account, staff when signed in; capacity, the waiting
list, cancelling by the private link, and the emails each step sends."""

import re
from datetime import date, timedelta

import pytest
from django.core import mail
from factories import UserFactory, sign_in_as
from training_records import book_applicant, make_course, make_session

from safeguard.training import bookings
from safeguard.training.codes import BookingStatus
from safeguard.training.models import Booking

TOMORROW = date.today() + timedelta(days=1)


@pytest.fixture
def course(db):
    return make_course()


@pytest.fixture
def session(course):
    return make_session(course, TOMORROW, capacity=2)


def _answers(**changes: str) -> dict[str, str]:
    return {
        "reference": "TX/2026/00123",
        "full_name": "Sam Driver",
        "date_of_birth_day": "17",
        "date_of_birth_month": "5",
        "date_of_birth_year": "1980",
        "email": "sam.driver@example.org",
    } | changes


def _text(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def test_an_applicant_books_without_signing_in_and_gets_the_private_link_by_email(
    client, session, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/training/book/{session.pk}/", _answers(reference="tx/2026/00123"))
    booking = Booking.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/training/bookings/{booking.token}/"
    assert (booking.status, booking.licence_reference, booking.user) == (
        BookingStatus.BOOKED,
        "TX/2026/00123",
        None,
    )
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["sam.driver@example.org"]
    assert f"/training/bookings/{booking.token}/" in mail.outbox[0].body
    assert "You have a place" in _text(client.get(response["Location"]))


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"reference": ""}, "Enter your licence application reference"),
        ({"reference": "TX-2026-123"}, "in the correct format, like TX/2026/00123"),
        ({"reference": "PH/2026/00123"}, "in the correct format, like TX/2026/00123"),
        ({"reference": "TX/26/00123"}, "in the correct format, like TX/2026/00123"),
        (
            {"date_of_birth_day": "", "date_of_birth_month": "", "date_of_birth_year": ""},
            "Enter your date of birth",
        ),
        ({"date_of_birth_month": ""}, "Date of birth must include a month"),
        (
            {"date_of_birth_day": "31", "date_of_birth_month": "2"},
            "Date of birth must be a real date",
        ),
        ({"date_of_birth_year": "80"}, "Year must include 4 numbers"),
        ({"date_of_birth_year": "2999"}, "Date of birth must be in the past"),
        ({"date_of_birth_year": "1899"}, "Date of birth must be the same as or after 1 1 1900"),
        ({"date_of_birth_year": str(date.today().year - 10)}, "You must be 18 or over"),
        ({"full_name": ""}, "Enter your full name"),
        ({"email": "sam.driver"}, "Enter an email address in the correct format"),
    ],
)
def test_a_malformed_answer_gets_the_fields_error_and_books_nothing(
    client, session, changes, message
):
    response = client.post(f"/training/book/{session.pk}/", _answers(**changes))
    assert response.status_code == 200
    assert "<title>Error: " in response.content.decode()
    assert message in _text(response)
    assert not Booking.objects.exists()


def test_the_hint_says_what_a_reference_looks_like(client, session):
    assert "for example TX/2026/00123" in _text(client.get(f"/training/book/{session.pk}/"))


def test_a_session_full_puts_the_next_person_on_the_waiting_list(
    session, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = book_applicant(session, "TX/2026/00001", today=date.today())
        second = book_applicant(session, "TX/2026/00002", today=date.today())
        third = book_applicant(session, "TX/2026/00003", today=date.today())
        fourth = book_applicant(session, "TX/2026/00004", today=date.today())
    assert [b.status for b in (first, second, third, fourth)] == [
        "booked",
        "booked",
        "waiting",
        "waiting",
    ]
    assert (third.waiting_position(), fourth.waiting_position()) == (1, 2)
    assert [m.subject for m in mail.outbox].count("Waiting list: Child exploitation awareness") == 2


def test_cancelling_a_place_gives_it_to_the_first_on_the_waiting_list(
    session, django_capture_on_commit_callbacks
):
    first = book_applicant(session, "TX/2026/00001", today=date.today())
    book_applicant(session, "TX/2026/00002", today=date.today())
    third = book_applicant(session, "TX/2026/00003", email="third@example.org", today=date.today())
    fourth = book_applicant(session, "TX/2026/00004", today=date.today())
    with django_capture_on_commit_callbacks(execute=True):
        promoted = bookings.cancel(first)
    assert promoted == [third]
    third.refresh_from_db()
    fourth.refresh_from_db()
    assert (third.status, fourth.status, fourth.waiting_position()) == ("booked", "waiting", 1)
    assert {m.to[0]: m.subject for m in mail.outbox}["third@example.org"] == (
        "A place for you: Child exploitation awareness"
    )


def test_leaving_the_waiting_list_promotes_nobody(session):
    book_applicant(session, "TX/2026/00001", today=date.today())
    book_applicant(session, "TX/2026/00002", today=date.today())
    waiting = book_applicant(session, "TX/2026/00003", today=date.today())
    last = book_applicant(session, "TX/2026/00004", today=date.today())
    assert bookings.cancel(waiting) == []
    last.refresh_from_db()
    assert (last.status, last.waiting_position()) == ("waiting", 1)


def test_the_cancel_link_needs_the_token_and_cancels_on_post(client, session):
    booking = book_applicant(session, "TX/2026/00001", today=date.today())
    assert client.get("/training/bookings/not-the-token/cancel/").status_code == 404
    page = client.get(f"/training/bookings/{booking.token}/cancel/")
    assert "Are you sure you want to cancel?" in _text(page)
    booking.refresh_from_db()
    assert booking.status == "booked"  # looking is not cancelling
    response = client.post(f"/training/bookings/{booking.token}/cancel/")
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.status == "cancelled"


def test_tokens_are_long_and_different_for_every_booking(session):
    tokens = {
        book_applicant(session, f"TX/2026/0000{n}", today=date.today()).token for n in range(4)
    }
    assert len(tokens) == 4
    assert all(len(token) >= 40 for token in tokens)


def test_the_same_reference_cannot_book_the_same_session_twice(client, session):
    book_applicant(session, "TX/2026/00123", today=date.today())
    response = client.post(f"/training/book/{session.pk}/", _answers())
    assert "There is already a booking for this session under this reference" in _text(response)
    assert Booking.objects.count() == 1


def test_after_cancelling_the_same_reference_may_book_again(session):
    booking = book_applicant(session, "TX/2026/00123", today=date.today())
    bookings.cancel(booking)
    again = book_applicant(session, "TX/2026/00123", today=date.today())
    assert again.status == "booked"


def test_the_public_cannot_book_a_course_for_staff_only(client, db):
    staff_only = make_session(
        make_course(title="The threshold document", open_to_public=False), TOMORROW
    )
    assert client.get(f"/training/book/{staff_only.pk}/").status_code == 404
    with pytest.raises(bookings.BookingRefused, match="partner agency staff only"):
        book_applicant(staff_only, "TX/2026/00123", today=date.today())


def test_a_session_that_has_taken_place_cannot_be_booked(client, course):
    held = make_session(course, date.today() - timedelta(days=1))
    assert client.get(f"/training/book/{held.pk}/").status_code == 404
    with pytest.raises(bookings.BookingRefused, match="already taken place"):
        book_applicant(held, "TX/2026/00123", today=date.today())


def test_staff_of_any_agency_book_when_signed_in(
    client, session, django_capture_on_commit_callbacks
):
    officer = UserFactory(role="partner_practitioner", email="pc.jones@police.example.org")
    sign_in_as(client, officer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/training/sessions/{session.pk}/")
    booking = Booking.objects.get()
    assert response["Location"] == f"/training/bookings/{booking.token}/"
    assert (booking.user, booking.agency, booking.email) == (officer, officer.agency, officer.email)
    assert mail.outbox[0].to == ["pc.jones@police.example.org"]
    again = client.post(f"/training/sessions/{session.pk}/")
    assert "There is already a booking for this session under this account" in _text(again)
    assert "Child exploitation awareness" in _text(client.get("/training/my-training/"))


def test_staff_booking_needs_signing_in(client, session):
    response = client.post(f"/training/sessions/{session.pk}/")
    assert response.status_code == 302 and response["Location"].startswith("/sign-in/")
    assert not Booking.objects.exists()

"""Overbooking is impossible: the session row is locked while its places are counted, so people
booking the last places at the same moment queue for the lock and the late ones join the waiting
list. PostgreSQL runs the real race; SQLite (which serialises writers anyway, and whose in-memory
test database threads cannot share) runs the same bookings one after another."""

import threading
from datetime import date, timedelta

import pytest
from django.db import connection
from training_records import book_applicant, make_course, make_session

from safeguard.training.codes import BookingStatus
from safeguard.training.models import Booking

PEOPLE = 6
PLACES = 2


def test_booking_the_last_places_one_after_another_fills_them_then_the_waiting_list(db):
    session = make_session(make_course(), date.today() + timedelta(days=3), capacity=PLACES)
    statuses = [
        book_applicant(session, f"TX/2026/{n:05d}", today=date.today()).status
        for n in range(PEOPLE)
    ]
    # Hand-worked: two places, six people, so the first two are booked and four wait.
    assert statuses == ["booked"] * PLACES + ["waiting"] * (PEOPLE - PLACES)


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_people_booking_at_the_same_moment_never_take_more_places_than_there_are():
    session = make_session(make_course(), date.today() + timedelta(days=3), capacity=PLACES)
    start = threading.Barrier(PEOPLE)
    outcomes: dict[int, str] = {}

    def book(n: int) -> None:
        try:
            start.wait(timeout=10)
            booking = book_applicant(session, f"TX/2026/{n:05d}", today=date.today())
            outcomes[n] = booking.status
        except Exception as error:  # reported by the assertion below
            outcomes[n] = repr(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=book, args=(n,)) for n in range(PEOPLE)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes.values()) == sorted(
        ["booked"] * PLACES + ["waiting"] * (PEOPLE - PLACES)
    ), outcomes
    assert Booking.objects.filter(status=BookingStatus.BOOKED).count() == PLACES

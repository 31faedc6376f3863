"""`safeguard training send-reminders --days N` emails everyone holding a place on a session N days
from today, once, through Django's email backend (the locmem outbox in tests)."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from training_records import book_applicant, make_course, make_session

from safeguard.training import bookings

TODAY = date.today()


@pytest.fixture
def course(db):
    return make_course()


def test_it_reminds_people_with_a_place_in_n_days_and_only_once(course):
    in_two_days = make_session(course, TODAY + timedelta(days=2), capacity=1)
    in_three_days = make_session(course, TODAY + timedelta(days=3))
    placed = book_applicant(in_two_days, "TX/2026/00001", email="placed@example.org", today=TODAY)
    book_applicant(in_two_days, "TX/2026/00002", email="waiting@example.org", today=TODAY)
    book_applicant(in_three_days, "TX/2026/00003", email="later@example.org", today=TODAY)
    mail.outbox.clear()

    call_command("training", "send-reminders", "--days", "2")

    # Only the person with a place on the session two days away: not the waiting list, not the
    # session in three days.
    assert [m.to for m in mail.outbox] == [["placed@example.org"]]
    reminder = mail.outbox[0]
    assert reminder.subject == "Reminder: Child exploitation awareness"
    assert f"/training/bookings/{placed.token}/" in reminder.body
    assert (TODAY + timedelta(days=2)).strftime("%-d %B %Y") in reminder.body

    call_command("training", "send-reminders", "--days", "2")
    assert len(mail.outbox) == 1


def test_a_cancelled_place_gets_no_reminder(course):
    session = make_session(course, TODAY + timedelta(days=1))
    bookings.cancel(book_applicant(session, "TX/2026/00001", today=TODAY), today=TODAY)
    mail.outbox.clear()
    call_command("training", "send-reminders", "--days", "1")
    assert mail.outbox == []


def test_a_failing_mail_server_leaves_the_reminder_to_be_sent_next_time(course, settings):
    session = make_session(course, TODAY + timedelta(days=2))
    booking = book_applicant(session, "TX/2026/00001", today=TODAY)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_PORT = 9  # nothing listens there
    assert bookings.send_reminders(2, today=TODAY) == 0
    booking.refresh_from_db()
    assert booking.reminder_sent_at is None
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert bookings.send_reminders(2, today=TODAY) == 1

"""Training test data made the way the service makes it.

- `make_course(**fields)`: child exploitation awareness, open to the public, valid 36 months.
- `make_session(course, on, capacity=...)`: a two-hour online session.
- `book_applicant(session, reference, ...)`: a licence applicant's booking through the service,
  made on the session's own day unless told.
- `attend(session, *bookings)`: the trainer marks them attended; returns their certificates.
- `taxi_rule(course, in_force_from, ...)`: a version of the taxi and private hire rule.
"""

from datetime import date, time

from safeguard.training import attendance, bookings
from safeguard.training.codes import Audience, Delivery, Level, LicenceType
from safeguard.training.models import Booking, Certificate, ComplianceRule, Course, TrainingSession


def make_course(**fields: object) -> Course:
    values = {
        "title": "Child exploitation awareness",
        "audience": "Taxi and private hire drivers",
        "level": Level.AWARENESS,
        "learning_outcomes": "Spot the signs of child sexual exploitation",
        "certificate_valid_months": 36,
        "open_to_public": True,
    } | fields
    return Course.objects.create(**values)


def make_session(course: Course, on: date, *, capacity: int = 12) -> TrainingSession:
    return TrainingSession.objects.create(
        course=course,
        on=on,
        starts_at=time(18),
        ends_at=time(20),
        delivery=Delivery.ONLINE,
        venue="Online: the link comes by email",
        trainer="Jo Trainer",
        capacity=capacity,
    )


def book_applicant(
    session: TrainingSession,
    reference: str,
    *,
    name: str = "Sam Driver",
    born: date = date(1980, 5, 17),
    email: str = "sam.driver@example.org",
    today: date | None = None,
) -> Booking:
    return bookings.book_for_applicant(
        session,
        reference=reference,
        full_name=name,
        date_of_birth=born,
        email=email,
        today=today or session.on,
    )


def attend(session: TrainingSession, *attendees: Booking) -> list[Certificate]:
    attendance.mark_attendance(session, {b.pk for b in attendees}, today=session.on)
    return [Certificate.objects.get(booking=b) for b in attendees]


def taxi_rule(
    course: Course,
    in_force_from: date,
    *,
    version: int = 1,
    renewal: bool = True,
    max_age_months: int | None = 12,
    licence_types: list[str] | None = None,
) -> ComplianceRule:
    return ComplianceRule.objects.create(
        audience=Audience.TAXI_AND_PRIVATE_HIRE,
        version=version,
        in_force_from=in_force_from,
        course=course,
        licence_types=LicenceType.drivers() if licence_types is None else licence_types,
        required_at_first_grant=True,
        required_at_renewal=renewal,
        max_age_months=max_age_months,
    )

"""Who may use training, licensing and workforce pages. Licence applicants book, and anyone holding
a booking's private link sees it, without signing in; the JSON licence check takes only POST."""

from datetime import date, time, timedelta

from factories import AgencyFactory
from matrix_rules import ANONYMOUS, DENIED, EVERYONE, NOT_ALLOWED, OK, SIGN_IN, SIGNED_IN, rule

from safeguard.access.models import AgencyKind, Team
from safeguard.training import apikeys, attendance, bookings
from safeguard.training.codes import ApplicationKind, Delivery, Level, LicenceType
from safeguard.training.compliance import record_licence_check
from safeguard.training.models import Course, TrainingSession

PUBLIC = rule(SIGNED_IN, signed_out=OK)
COORDINATOR = rule({"training_coordinator"})
LICENSING = rule({"licensing_officer"})
WORKFORCE = rule({"team_manager", "business_manager", "performance_analyst"})
RETURNS = rule({"team_manager", "business_manager"})

TABLE = {
    "training:public-sessions": PUBLIC,
    "training:public-book": PUBLIC,
    "training:booking": PUBLIC,
    "training:booking-cancel": PUBLIC,
    "training:evaluation": PUBLIC,
    "training:verify": PUBLIC,
    "training:licence-check-api": dict.fromkeys(EVERYONE, NOT_ALLOWED),
    "training:courses": rule(SIGNED_IN),
    "training:session": rule(SIGNED_IN),
    "training:my-training": rule(SIGNED_IN),
    "training:manage": COORDINATOR,
    "training:course-new": COORDINATOR,
    "training:course-edit": COORDINATOR,
    "training:session-new": COORDINATOR,
    "training:session-manage": COORDINATOR,
    "training:attendance": COORDINATOR,
    "training:rules": COORDINATOR,
    "training:rule-new": COORDINATOR,
    "training:staff-compliance": COORDINATOR,
    "training:figures": rule({"training_coordinator", "business_manager", "board_member"}),
    # The check was made by the licensing officer persona, so it is their authority's.
    "training:licence-check": LICENSING,
    "training:licence-checks": LICENSING,
    "training:licence-check-result": LICENSING,
    "training:api-keys": rule({"system_administrator"}),
    "training:api-key-revoke": {
        **dict.fromkeys(SIGNED_IN, DENIED),
        ANONYMOUS: SIGN_IN,
        "system_administrator": NOT_ALLOWED,
    },
    "training:workforce": WORKFORCE,
    "training:workforce-team": WORKFORCE,
    # The team manager persona is a member of the team.
    "training:workforce-return": RETURNS,
    "training:workforce-import": RETURNS,
    "training:workforce-settings": rule({"business_manager"}),
}


def records(personas, found):
    """A course open to the public with a session to come, and an applicant who attended an
    earlier one; a licence check; a licensing system key; a social work team."""
    today = date.today()
    course = Course.objects.create(
        title="Child exploitation awareness",
        audience="Taxi and private hire drivers",
        level=Level.AWARENESS,
        learning_outcomes="Spot the signs",
        certificate_valid_months=36,
        open_to_public=True,
    )
    times = {"starts_at": time(10), "ends_at": time(12), "delivery": Delivery.ONLINE}
    coming = TrainingSession.objects.create(
        course=course, on=today + timedelta(days=10), trainer="A Trainer", capacity=5, **times
    )
    held = TrainingSession.objects.create(
        course=course, on=today - timedelta(days=5), trainer="A Trainer", capacity=5, **times
    )
    booking = bookings.book_for_applicant(
        held,
        reference="TX/2026/00001",
        full_name="Sam Driver",
        date_of_birth=date(1980, 1, 1),
        email="sam@example.org",
        today=held.on,
    )
    attendance.mark_attendance(held, {booking.pk})
    check = record_licence_check(
        reference="TX/2026/00001",
        licence_type=LicenceType.PRIVATE_HIRE_DRIVER,
        application_kind=ApplicationKind.FIRST_GRANT,
        application_date=today,
        user=personas["licensing_officer"],
    )
    licensing = AgencyFactory(name="Matrix Licensing", kind=AgencyKind.LICENSING)
    key, _ = apikeys.issue_key(licensing, "Taxi system", by=personas["system_administrator"])
    team = Team.objects.create(agency=personas["team_manager"].agency, name="Matrix team")
    personas["team_manager"].teams.add(team)
    return {
        "session_id": coming.pk,
        "token": booking.token,
        "course_id": course.pk,
        "check_id": check.pk,
        "key_id": key.pk,
        "team_id": team.pk,
    }

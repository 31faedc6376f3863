"""The annual report's training figures (safeguard.training.figures) against a hand-made year,
1 April 2024 to 31 March 2025.

Sessions (and who held a place):
  CEA 1 May 2024      applicants P1 attended, P2 did not, P3 attended; police officer attended
  CEA 31 Mar 2025     applicant P4 attended; P5 cancelled
  TDB 10 Sep 2024     MASH worker Mo (council) attended; MASH manager Meg (council) did not
  TDB 1 Apr 2025      Meg attended (the next year: not counted)
  TDB 31 Mar 2024     Mo attended (the year before: not counted)
CEA is child exploitation awareness; TDB the threshold document briefing (valid 24 months), which
the MASH staff rule requires.

By course: CEA 2 sessions, 5 places taken, 4 attended (80.0%); TDB 1 session, 2 places,
1 attended (50.0%). Attended by agency: members of the public 3 (all CEA), Marcher Council 1
(TDB), West Police 1 (CEA); 5 in all.

Licence checks in the year: A compliant (page, hackney first grant, June); B not compliant then
compliant (licensing system, private hire renewal, July and August); C not compliant (page,
hackney first grant, September); D in May 2025 is outside the year. So 4 checks, 2 compliant
(50.0%); by application: hackney first grant 2 (1 compliant), private hire renewal 2 (1).
Applicants: A, B and C, whose latest checks were yes, yes, no: 2 of 3 (66.7%). MASH staff on
31 March 2025: Mo holds a valid briefing, Meg none: 1 of 2 (50.0%).
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from factories import AgencyFactory, UserFactory, sign_in_as
from training_records import book_applicant, make_course, make_session

from safeguard.access.models import AgencyKind
from safeguard.frontdoor.figures import Period
from safeguard.training import attendance, bookings, figures
from safeguard.training.codes import Audience, CheckChannel
from safeguard.training.models import ComplianceRule, LicenceCheck

YEAR = Period.reporting_year(2025)
LONDON = ZoneInfo("Europe/London")


def _attend(session, *attended):
    attendance.mark_attendance(session, {b.pk for b in attended}, today=session.on)


@pytest.fixture
def year(db):
    council = AgencyFactory(name="Marcher Council", kind=AgencyKind.CHILDRENS_SERVICES)
    police = AgencyFactory(name="West Police", kind=AgencyKind.POLICE)
    mo = UserFactory(role="mash_worker", agency=council, full_name="Mo")
    meg = UserFactory(role="mash_manager", agency=council, full_name="Meg")
    officer = UserFactory(role="partner_practitioner", agency=police)
    cea = make_course()
    tdb = make_course(
        title="The threshold document briefing", open_to_public=False, certificate_valid_months=24
    )
    ComplianceRule.objects.create(
        audience=Audience.MASH_STAFF, version=1, in_force_from=date(2020, 1, 1), course=tdb
    )

    may = make_session(cea, date(2024, 5, 1))
    p1, _did_not_come, p3 = (book_applicant(may, f"TX/2024/0000{n}") for n in (1, 2, 3))
    police_place = bookings.book_for_staff(may, officer, today=may.on)
    _attend(may, p1, p3, police_place)

    march = make_session(cea, date(2025, 3, 31))
    p4 = book_applicant(march, "TX/2024/00004")
    bookings.cancel(book_applicant(march, "TX/2024/00005"), today=march.on)
    _attend(march, p4)

    september = make_session(tdb, date(2024, 9, 10))
    mo_place = bookings.book_for_staff(september, mo, today=september.on)
    bookings.book_for_staff(september, meg, today=september.on)
    _attend(september, mo_place)

    for day, who in ((date(2025, 4, 1), meg), (date(2024, 3, 31), mo)):
        other = make_session(tdb, day)
        _attend(other, bookings.book_for_staff(other, who, today=day))

    key_holder = UserFactory(role="licensing_officer")
    checks = [
        ("TX/2024/00011", "hackney_carriage_driver", "first_grant", True, CheckChannel.PAGE, 6),
        ("TX/2024/00012", "private_hire_driver", "renewal", False, CheckChannel.API, 7),
        ("TX/2024/00012", "private_hire_driver", "renewal", True, CheckChannel.API, 8),
        ("TX/2024/00013", "hackney_carriage_driver", "first_grant", False, CheckChannel.PAGE, 9),
        ("TX/2024/00014", "hackney_carriage_driver", "first_grant", True, CheckChannel.PAGE, 17),
    ]
    for reference, licence, kind, compliant, channel, month in checks:
        LicenceCheck.objects.create(
            checked_at=datetime(
                2024 + (month - 1) // 12, (month - 1) % 12 + 1, 1, 12, tzinfo=LONDON
            ),
            channel=channel,
            checked_by=key_holder,
            reference=reference,
            licence_type=licence,
            application_kind=kind,
            application_date=date(2024, 6, 1),
            compliant=compliant,
            reason="Hand-made",
        )


def test_sessions_and_attendance_by_course(year):
    rows = figures.sessions_by_course(YEAR)
    assert [
        (r.course, r.sessions, r.places_taken, r.attended, r.attendance_rate) for r in rows
    ] == [
        ("Child exploitation awareness", 2, 5, 4, 80.0),
        ("The threshold document briefing", 1, 2, 1, 50.0),
    ]


def test_attendance_by_agency_and_course(year):
    table = figures.attendances_by_agency(YEAR)
    assert table.courses == ["Child exploitation awareness", "The threshold document briefing"]
    assert table.rows == [
        ("Members of the public (licence applicants)", [3, 0], 3),
        ("Marcher Council", [0, 1], 1),
        ("West Police", [1, 0], 1),
    ]
    assert table.total == 5


def test_licence_checks_and_outcomes(year):
    checks = figures.licence_checks(YEAR)
    assert (checks.total, checks.compliant, checks.not_compliant, checks.compliant_rate) == (
        4,
        2,
        2,
        50.0,
    )
    assert checks.by_channel == [("api", 2), ("page", 2)]
    assert checks.by_application == [
        ("Hackney carriage driver", "First grant", 2, 1),
        ("Private hire driver", "Renewal", 2, 1),
    ]


def test_compliance_by_audience(year):
    rows = figures.compliance_by_audience(YEAR)
    assert [(r.audience, r.people, r.compliant, r.rate) for r in rows] == [
        ("Taxi and private hire licence applicants", 3, 2, 66.7),
        ("MASH staff", 2, 1, 50.0),
    ]


def test_the_figures_page_shows_them_to_the_business_manager(client, year):
    sign_in_as(client, UserFactory(role="business_manager"))
    page = client.get("/training/figures/", {"year": "2025"}).content.decode()
    assert "1 April 2024 to 31 March 2025" in page
    assert "4 checks: 2 compliant, 2 not compliant (50.0% compliant)" in page

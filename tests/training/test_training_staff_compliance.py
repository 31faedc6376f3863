"""The training coordinator's staff compliance report: for each staff group with a rule in force,
who holds a valid certificate of the course it requires.

Hand-made: MASH staff must hold the threshold document briefing (valid 24 months) from 1 January
2020. Mo attended on 10 September 2024 (valid to 10 September 2026); Meg on 1 March 2022 (ran out
1 March 2024); Max never; Min attended but has left (inactive). On 1 June 2025: 1 of 3 (33.3%).
Social workers have no rule, so they are not listed.
"""

import re
from datetime import date

import pytest
from factories import UserFactory, sign_in_as
from training_records import make_course, make_session

from safeguard.training import attendance, bookings
from safeguard.training.codes import Audience
from safeguard.training.compliance import staff_compliance
from safeguard.training.models import ComplianceRule


def _text(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def _attended(user, course, on: date) -> None:
    session = make_session(course, on)
    booking = bookings.book_for_staff(session, user, today=on)
    attendance.mark_attendance(session, {booking.pk}, today=on)


@pytest.fixture
def briefing(db):
    course = make_course(
        title="The threshold document briefing", open_to_public=False, certificate_valid_months=24
    )
    ComplianceRule.objects.create(
        audience=Audience.MASH_STAFF, version=1, in_force_from=date(2020, 1, 1), course=course
    )
    mo = UserFactory(role="mash_worker", full_name="Mo Ahmed")
    meg = UserFactory(role="mash_manager", full_name="Meg Rees")
    UserFactory(role="mash_worker", full_name="Max Hill")
    min_ = UserFactory(role="mash_worker", full_name="Min Lee")
    UserFactory(role="social_worker", full_name="Sid Ward")
    _attended(mo, course, date(2024, 9, 10))
    _attended(meg, course, date(2022, 3, 1))
    _attended(min_, course, date(2024, 9, 10))
    min_.is_active = False
    min_.save()
    return course


def test_the_report_counts_valid_certificates_of_active_staff(briefing):
    (report,) = staff_compliance(date(2025, 6, 1))
    assert report.label == "MASH staff"
    assert [(row.user.full_name, row.compliant) for row in report.rows] == [
        ("Max Hill", False),
        ("Meg Rees", False),
        ("Mo Ahmed", True),
    ]
    assert (report.compliant, report.share) == (1, 33.3)


def test_the_report_uses_the_version_in_force_that_day(briefing):
    other = make_course(title="Working together", open_to_public=False)
    ComplianceRule.objects.create(
        audience=Audience.MASH_STAFF, version=2, in_force_from=date(2026, 1, 1), course=other
    )
    assert staff_compliance(date(2025, 6, 1))[0].rule.version == 1
    (later,) = staff_compliance(date(2026, 1, 1))
    assert (later.rule.version, later.compliant) == (2, 0)


def test_the_coordinator_sees_the_report(client, briefing):
    sign_in_as(client, UserFactory(role="training_coordinator"))
    page = _text(client.get("/training/manage/staff-compliance/"))
    assert "MASH staff:" in page and "Mo Ahmed" in page and "Sid Ward" not in page

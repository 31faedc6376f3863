"""The licensing officer's licence check page, its log, and compliance rule versions published by
the training coordinator."""

import html
import re
from datetime import date

import pytest
from factories import AgencyFactory, UserFactory, sign_in_as
from training_records import attend, book_applicant, make_course, make_session, taxi_rule

from safeguard.access.models import AgencyKind
from safeguard.training.models import ComplianceRule, LicenceCheck

ATTENDED = date(2025, 3, 10)


def _text(response) -> str:
    return html.unescape(" ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split()))


def _answers(**changes: str) -> dict[str, str]:
    return {
        "reference": "TX/2025/00001",
        "licence_type": "hackney_carriage_driver",
        "application_kind": "first_grant",
        "application_date_day": "20",
        "application_date_month": "3",
        "application_date_year": "2025",
    } | changes


@pytest.fixture
def licensing(db):
    return AgencyFactory(name="Marcher Council Licensing", kind=AgencyKind.LICENSING)


@pytest.fixture
def officer(licensing):
    return UserFactory(role="licensing_officer", agency=licensing, full_name="Mark Jones")


@pytest.fixture
def certificate(db):
    course = make_course()
    taxi_rule(course, date(2020, 1, 1))
    session = make_session(course, ATTENDED)
    (certificate,) = attend(
        session,
        book_applicant(session, "TX/2025/00001", name="Sam Driver", email="sam@example.org"),
    )
    return certificate


def test_the_officer_checks_an_applicant_and_the_check_is_logged(client, officer, certificate):
    sign_in_as(client, officer)
    response = client.post("/licensing/check/", _answers())
    check = LicenceCheck.objects.get()
    assert response["Location"] == f"/licensing/checks/{check.pk}/"
    assert (check.checked_by, check.api_key, check.agency, check.channel) == (
        officer,
        None,
        officer.agency,
        "page",
    )
    assert (check.reference, check.licence_type, check.application_kind) == (
        "TX/2025/00001",
        "hackney_carriage_driver",
        "first_grant",
    )
    assert (check.application_date, check.compliant, check.certificate) == (
        date(2025, 3, 20),
        True,
        certificate,
    )
    page = _text(client.get(response["Location"]))
    assert "Compliant" in page and "Not compliant" not in page
    assert certificate.display_code in page and "10 March 2025" in page
    # Nothing the applicant gave us beyond the name on the certificate.
    assert "sam@example.org" not in page and "1980" not in page


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"reference": ""}, "Enter the applicant's licence application reference"),
        ({"reference": "12345"}, "in the correct format, like TX/2026/00123"),
        ({"licence_type": ""}, "Select the licence type"),
        ({"licence_type": "tuk_tuk"}, "Select a valid choice"),
        ({"application_kind": ""}, "Select whether this is a first grant or a renewal"),
        (
            {"application_date_day": "", "application_date_month": "", "application_date_year": ""},
            "Enter the date of the application",
        ),
        ({"application_date_day": "32"}, "The date of the application must be a real date"),
        ({"application_date_year": "1999"}, "must be between 2000 and 2100"),
    ],
)
def test_a_malformed_check_gets_the_fields_error_and_is_not_logged(
    client, officer, changes, message
):
    sign_in_as(client, officer)
    response = client.post("/licensing/check/", _answers(**changes))
    assert response.status_code == 200
    assert "<title>Error: " in response.content.decode()
    assert message in _text(response)
    assert not LicenceCheck.objects.exists()


def test_another_licensing_authority_cannot_open_the_check(client, officer, certificate):
    sign_in_as(client, officer)
    client.post("/licensing/check/", _answers())
    check = LicenceCheck.objects.get()
    elsewhere = AgencyFactory(name="Westshire Licensing", kind=AgencyKind.LICENSING)
    sign_in_as(client, UserFactory(role="licensing_officer", agency=elsewhere))
    assert client.get(f"/licensing/checks/{check.pk}/").status_code == 404
    assert "TX/2025/00001" not in _text(client.get("/licensing/checks/"))


def test_the_coordinator_publishes_versions_numbered_per_audience(client, db):
    course = make_course()
    coordinator = UserFactory(role="training_coordinator")
    sign_in_as(client, coordinator)
    form = {
        "audience": "taxi_private_hire",
        "course": str(course.pk),
        "in_force_from_day": "1",
        "in_force_from_month": "4",
        "in_force_from_year": "2025",
        "licence_types": ["hackney_carriage_driver", "private_hire_driver"],
        "required_at_first_grant": "on",
        "required_at_renewal": "on",
        "max_age_months": "12",
    }
    assert client.post("/training/manage/rules/new/", form).status_code == 302
    assert (
        client.post("/training/manage/rules/new/", form | {"max_age_months": "24"}).status_code
        == 302
    )
    staff = {
        "audience": "mash_staff",
        "course": str(course.pk),
        "in_force_from_day": "1",
        "in_force_from_month": "4",
        "in_force_from_year": "2025",
        "licence_types": ["operator"],
        "max_age_months": "6",
    }
    assert client.post("/training/manage/rules/new/", staff).status_code == 302
    rules = {(r.audience, r.version): r for r in ComplianceRule.objects.all()}
    assert set(rules) == {("taxi_private_hire", 1), ("taxi_private_hire", 2), ("mash_staff", 1)}
    assert rules["taxi_private_hire", 2].max_age_months == 24
    assert rules["taxi_private_hire", 2].published_by == coordinator
    # Licence settings mean nothing for staff rules, so they are not kept.
    assert (rules["mash_staff", 1].licence_types, rules["mash_staff", 1].max_age_months) == (
        [],
        None,
    )


def test_a_taxi_rule_must_name_the_licences(client, db):
    course = make_course()
    sign_in_as(client, UserFactory(role="training_coordinator"))
    response = client.post(
        "/training/manage/rules/new/",
        {
            "audience": "taxi_private_hire",
            "course": str(course.pk),
            "in_force_from_day": "1",
            "in_force_from_month": "4",
            "in_force_from_year": "2025",
        },
    )
    assert "Select the licences that need the course" in _text(response)
    assert not ComplianceRule.objects.exists()


def test_a_check_uses_the_version_in_force_on_the_application_date_not_today(
    client, officer, certificate
):
    # Version 1 (from 2020) allows a certificate 12 months old; version 2, from 1 April 2026,
    # allows 36. Sam's certificate of 10 March 2025 is about 12 and a half months old for both
    # renewals below, checked one after the other today.
    taxi_rule(certificate.course, date(2026, 4, 1), version=2, max_age_months=36)
    sign_in_as(client, officer)
    for day, month in (("31", "3"), ("1", "4")):
        client.post(
            "/licensing/check/",
            _answers(
                application_kind="renewal",
                application_date_day=day,
                application_date_month=month,
                application_date_year="2026",
            ),
        )
    checks = LicenceCheck.objects.order_by("application_date")
    assert [(c.application_date, c.rule.version, c.compliant) for c in checks] == [
        (date(2026, 3, 31), 1, False),
        (date(2026, 4, 1), 2, True),
    ]

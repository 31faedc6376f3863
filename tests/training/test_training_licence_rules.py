"""The licence check: compliant or not, why, and the certificate relied on, by the rule version
in force on the application date.

The story (hand-made): the child exploitation awareness certificate lasts 36 months. Rule version
1, in force from 1 January 2020, asks for it at first grant only; version 2, in force from
1 April 2025, at first grant and every renewal; both accept a certificate completed no more than
12 months before the application, for hackney carriage and private hire drivers only. Sam
(TX/2025/00001) attended on Monday 10 March 2025.
"""

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from training_records import attend, book_applicant, make_course, make_session, taxi_rule

from safeguard.training.codes import ApplicationKind, LicenceType
from safeguard.training.compliance import check_licence

SAM = "TX/2025/00001"
ATTENDED = date(2025, 3, 10)
HACKNEY, PRIVATE_HIRE, OPERATOR = (
    LicenceType.HACKNEY_CARRIAGE_DRIVER,
    LicenceType.PRIVATE_HIRE_DRIVER,
    LicenceType.OPERATOR,
)
FIRST, RENEWAL = ApplicationKind.FIRST_GRANT, ApplicationKind.RENEWAL


@pytest.fixture
def course(db):
    return make_course()


@pytest.fixture
def rules(course):
    return (
        taxi_rule(course, date(2020, 1, 1), version=1, renewal=False),
        taxi_rule(course, date(2025, 4, 1), version=2, renewal=True),
    )


@pytest.fixture
def sams_certificate(course, rules):
    session = make_session(course, ATTENDED)
    (certificate,) = attend(session, book_applicant(session, SAM, name="Sam Driver"))
    return certificate


def test_a_first_grant_soon_after_the_course_is_compliant_and_names_the_certificate(
    sams_certificate, rules
):
    answer = check_licence(SAM, HACKNEY, FIRST, date(2025, 3, 20))
    assert answer.compliant
    assert (answer.certificate, answer.rule) == (sams_certificate, rules[0])
    assert answer.reason == (
        "Child exploitation awareness was completed on 10 March 2025, within the 12 months before "
        "the application that rule version 1 (in force from 1 January 2020) allows."
    )


def test_a_renewal_under_version_1_needs_no_training(sams_certificate, rules):
    answer = check_licence(SAM, PRIVATE_HIRE, RENEWAL, date(2025, 3, 31))
    assert (answer.compliant, answer.certificate, answer.rule) == (True, None, rules[0])
    assert "does not require training at renewal" in answer.reason


def test_the_same_renewal_a_day_later_falls_under_version_2(sams_certificate, rules):
    # 1 April 2025: version 2 is in force, the certificate is 22 days old.
    answer = check_licence(SAM, PRIVATE_HIRE, RENEWAL, date(2025, 4, 1))
    assert (answer.compliant, answer.certificate, answer.rule) == (True, sams_certificate, rules[1])


def test_a_certificate_exactly_twelve_months_old_still_counts(sams_certificate):
    assert check_licence(SAM, HACKNEY, RENEWAL, date(2026, 3, 10)).compliant


def test_a_renewal_a_day_past_twelve_months_is_not_compliant_and_says_why(sams_certificate, rules):
    answer = check_licence(SAM, HACKNEY, RENEWAL, date(2026, 3, 11))
    assert not answer.compliant
    assert (answer.certificate, answer.rule) == (sams_certificate, rules[1])
    assert answer.reason == (
        "The latest Child exploitation awareness certificate was completed on 10 March 2025, more "
        "than 12 months before the application on 11 March 2026. Rule version 2 (in force "
        "from 1 April 2025) requires it to be completed no more than 12 months before the "
        "application."
    )


def test_a_renewal_two_years_on_is_not_compliant(sams_certificate):
    answer = check_licence(SAM, HACKNEY, RENEWAL, date(2027, 3, 10))
    assert not answer.compliant
    assert "more than 12 months before the application on 10 March 2027" in answer.reason


def test_an_operator_licence_needs_no_training_under_either_version(rules):
    answer = check_licence("TX/2025/00777", OPERATOR, FIRST, date(2025, 6, 1))
    assert (answer.compliant, answer.certificate, answer.rule) == (True, None, rules[1])
    assert "does not require training for a private hire operator licence" in answer.reason


def test_an_applicant_without_a_certificate_is_not_compliant(sams_certificate):
    answer = check_licence("TX/2025/00999", HACKNEY, FIRST, date(2025, 6, 1))
    assert (answer.compliant, answer.certificate) == (False, None)
    assert answer.reason.startswith(
        "No Child exploitation awareness certificate is held under reference TX/2025/00999."
    )
    # Nothing about the applicant who does hold one.
    assert "Sam" not in answer.reason and SAM not in answer.reason


def test_the_reference_is_read_as_typed_with_spaces_and_small_letters(sams_certificate):
    assert check_licence(" tx/2025/ 00001 ", HACKNEY, FIRST, date(2025, 3, 20)).compliant


def test_a_withdrawn_certificate_does_not_count(sams_certificate):
    from django.utils import timezone

    sams_certificate.withdrawn_at = timezone.now()
    sams_certificate.save()
    assert not check_licence(SAM, HACKNEY, FIRST, date(2025, 3, 20)).compliant


def test_training_done_after_applying_counts_for_that_application(sams_certificate):
    # Applied on 1 March 2025, trained on 10 March: the licence is not decided until after.
    assert check_licence(SAM, HACKNEY, FIRST, date(2025, 3, 1)).compliant


def test_with_no_rule_in_force_no_certificate_is_needed(rules):
    answer = check_licence("TX/2019/00001", HACKNEY, FIRST, date(2019, 12, 31))
    assert (answer.compliant, answer.rule) == (True, None)
    assert "No training rule for licence applicants was in force on 31 December 2019" in (
        answer.reason
    )


def test_a_certificate_that_has_run_out_does_not_count_even_inside_the_window(db):
    short = make_course(title="Safeguarding for drivers", certificate_valid_months=6)
    taxi_rule(short, date(2020, 1, 1), max_age_months=12)
    session = make_session(short, date(2025, 6, 2))
    attend(session, book_applicant(session, SAM))
    # Valid until 2 December 2025; the application on 15 January 2026 is within 12 months.
    answer = check_licence(SAM, HACKNEY, FIRST, date(2026, 1, 15))
    assert not answer.compliant
    assert answer.reason == (
        "The latest Safeguarding for drivers certificate ran out on 2 December 2025, before the "
        "application on 15 January 2026."
    )


def test_a_later_certificate_is_relied_on_over_an_earlier_one(sams_certificate, course):
    later = make_session(course, date(2026, 2, 2))
    (renewed,) = attend(later, book_applicant(later, SAM))
    answer = check_licence(SAM, HACKNEY, RENEWAL, date(2026, 6, 1))
    assert (answer.compliant, answer.certificate) == (True, renewed)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(days_after=st.integers(min_value=0, max_value=3 * 365))
def test_a_renewal_is_compliant_exactly_up_to_twelve_months_after_the_course(
    sams_certificate, days_after
):
    # Hand-worked: 10 March 2026, twelve months after 10 March 2025, is 365 days later.
    applied = ATTENDED + timedelta(days=days_after)
    assert check_licence(SAM, HACKNEY, RENEWAL, applied).compliant == (days_after <= 365)

"""The training and workforce measures in the registry, over a small hand-made 2024-25 (1 April
2024 to 31 March 2025). Each expected figure is worked out by hand in the test's comments."""

from datetime import UTC, date, datetime, time

import pytest
from factories import AgencyFactory, ChildFactory, TeamFactory, UserFactory

from safeguard.access.models import AgencyKind
from safeguard.casework.models import Allocation
from safeguard.measures import registry
from safeguard.training import attendance, bookings
from safeguard.training.codes import (
    ApplicationKind,
    CheckChannel,
    Delivery,
    Level,
    LicenceType,
    ReturnSource,
)
from safeguard.training.models import Course, LicenceCheck, QuarterlyReturn, TrainingSession

pytestmark = pytest.mark.django_db

YEAR = "2024-25"


@pytest.fixture(autouse=True)
def _council(settings):
    settings.LA_CODE = "884"


def figures(measure_id: str) -> list[tuple]:
    return list(registry.get(measure_id).compute([YEAR]))


def session_on(course, day):
    return TrainingSession.objects.create(
        course=course,
        on=day,
        starts_at=time(18),
        ends_at=time(20),
        delivery=Delivery.ONLINE,
        trainer="Jo Trainer",
        capacity=10,
    )


def test_attendance_counts_the_people_who_attended_sessions_held_in_the_year():
    course = Course.objects.create(
        title="Child exploitation awareness",
        audience="Taxi drivers",
        level=Level.AWARENESS,
        learning_outcomes="Spot the signs",
        certificate_valid_months=36,
        open_to_public=True,
    )
    october, may = session_on(course, date(2024, 10, 10)), session_on(course, date(2025, 5, 5))

    def book(session, reference):
        return bookings.book_for_applicant(
            session,
            reference=reference,
            full_name="Sam Driver",
            date_of_birth=date(1980, 5, 17),
            email=f"{reference.lower()}@example.org",
            today=session.on,
        )

    first, second, _absent = (book(october, ref) for ref in ("TX1", "TX2", "TX3"))
    attendance.mark_attendance(october, {first.pk, second.pk}, today=october.on)
    later = book(may, "TX4")
    attendance.mark_attendance(may, {later.pk}, today=may.on)

    # October: 2 of the 3 booked attended; May 2025 is the next year.
    assert figures("training_attended") == [("884", YEAR, 2, None, 2)]


def test_taxi_applicants_compliant_by_their_latest_check_in_the_year():
    officer = UserFactory(role="licensing_officer")

    def check(reference, day, compliant):
        LicenceCheck.objects.create(
            checked_at=datetime.combine(day, time(12), UTC),
            channel=CheckChannel.PAGE,
            checked_by=officer,
            reference=reference,
            licence_type=LicenceType.PRIVATE_HIRE_DRIVER,
            application_kind=ApplicationKind.FIRST_GRANT,
            application_date=day,
            compliant=compliant,
            reason="-",
        )

    check("TX1", date(2024, 6, 1), False)
    check("TX1", date(2024, 7, 1), True)  # TX1's latest: compliant
    check("TX2", date(2024, 8, 1), True)
    check("TX2", date(2024, 8, 2), False)  # TX2's latest: not compliant
    check("TX3", date(2025, 2, 1), True)
    check("TX4", date(2025, 4, 1), True)  # the next year

    # TX1 and TX3 of TX1, TX2, TX3: 2 of 3.
    assert figures("training_taxi_compliant_pct") == [("884", YEAR, 2, 3, pytest.approx(200 / 3))]


def test_caseloads_at_31_march_from_the_allocations_of_the_social_work_teams():
    council = AgencyFactory(name="Council children's services", kind=AgencyKind.CHILDRENS_SERVICES)
    police = AgencyFactory(name="West Marcher Police", kind=AgencyKind.POLICE)
    team, other = TeamFactory(agency=council), TeamFactory(agency=police)
    manager = UserFactory(role="team_manager", agency=council)
    ann, bob, cat = (UserFactory(role="social_worker", agency=council) for _ in range(3))

    def allocate(worker, started, ended=None, in_team=team):
        Allocation.objects.create(
            child=ChildFactory(),
            worker=worker,
            team=in_team,
            started_on=started,
            ended_on=ended,
            allocated_by=manager,
        )

    allocate(ann, date(2025, 1, 1))
    allocate(ann, date(2025, 1, 1), date(2025, 3, 31))  # ended on the day: not held then
    allocate(ann, date(2025, 2, 1))
    allocate(bob, date(2025, 3, 1))
    allocate(cat, date(2025, 4, 1))  # after the year
    allocate(cat, date(2025, 1, 1), in_team=other)  # not a social work team

    # On 31 March 2025 Ann holds 2 and Bob 1: 3 children, 2 workers, median 1.5, largest 2.
    assert figures("workforce_caseload_median") == [("884", YEAR, 3, 2, 1.5)]
    assert figures("workforce_caseload_max") == [("884", YEAR, 2, None, 2)]


def test_vacancy_and_agency_rates_come_from_the_latest_return_of_the_year():
    council = AgencyFactory(name="Council children's services", kind=AgencyKind.CHILDRENS_SERVICES)
    team = TeamFactory(agency=council)
    by = UserFactory(role="business_manager")
    for quarter, permanent, agency, vacancies in [
        (date(2024, 10, 1), 14, 5, 6),
        (date(2025, 1, 1), 16, 3, 4),
    ]:
        QuarterlyReturn.objects.create(
            team=team,
            quarter_start=quarter,
            establishment=20,
            permanent=permanent,
            agency=agency,
            vacancies=vacancies,
            starters=0,
            leavers=0,
            source=ReturnSource.FORM,
            entered_by=by,
        )

    # January's return: 4 vacancies of 20 posts (20%); 3 agency of 3 + 16 covered (15.8%).
    assert figures("workforce_vacancy_pct") == [("884", YEAR, 4, 20, 20.0)]
    assert figures("workforce_agency_pct") == [("884", YEAR, 3, 19, pytest.approx(300 / 19))]


def test_without_records_the_shares_and_caseloads_are_not_given():
    for measure_id in (
        "training_taxi_compliant_pct",
        "workforce_caseload_median",
        "workforce_caseload_max",
        "workforce_vacancy_pct",
        "workforce_agency_pct",
    ):
        assert figures(measure_id) == [], measure_id
    assert figures("training_attended") == [("884", YEAR, 0, None, 0)]

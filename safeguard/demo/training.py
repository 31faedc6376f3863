"""A year of multi-agency training, licence checks and workforce returns for the demo partnership.

Made through the training app's own services (booking, attendance, the licence check), so the
demo obeys the same rules as real use; no email leaves while it loads. Taxi and private hire
applicants end up in every compliance state: compliant at first grant and at renewal, not compliant
for want of a certificate, for a certificate too old, or for missing the session, and operators and
renewals under the first rule version that need no training. Caseloads come from the pathway
demo's allocations (run it first); past quarters' snapshots are worked out from the allocation
history so the trend has something to show.
"""

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from faker import Faker

from safeguard.access.models import Team, User
from safeguard.casework.caseloads import WorkerCaseload, team_summary
from safeguard.casework.models import Allocation
from safeguard.core.calendar import is_working_day
from safeguard.training import attendance, bookings, emails
from safeguard.training.caseloads import record_snapshots, social_work_teams
from safeguard.training.codes import (
    ApplicationKind,
    Audience,
    Delivery,
    Level,
    LicenceType,
    OutcomesMet,
    ReturnSource,
)
from safeguard.training.compliance import record_licence_check
from safeguard.training.models import (
    Booking,
    CaseloadSnapshot,
    ComplianceRule,
    Course,
    TrainingSession,
    WorkforceSettings,
)
from safeguard.training.quarters import quarter_end, recent_quarters
from safeguard.training.workforce_returns import ReturnFigures, save_return

CEA = "Child exploitation awareness"
DRIVERS = "Safeguarding for taxi and private hire drivers"
NEGLECT = "Neglect and the graded care profile"
THRESHOLD = "The threshold document briefing"
WORKING_TOGETHER = "Working together: multi-agency child protection"

COURSES = [
    (
        CEA,
        "Taxi and private hire licence applicants, and staff of every agency",
        Level.AWARENESS,
        "Recognise the signs that a child is being sexually or criminally exploited.\n"
        "Know how to report a concern, day or night.\nUnderstand how offenders use taxis.",
        36,
        True,
    ),
    (
        DRIVERS,
        "Taxi and private hire drivers",
        Level.AWARENESS,
        "Know your duties when carrying children alone.\nReport a concern about a passenger.",
        36,
        True,
    ),
    (
        NEGLECT,
        "Practitioners who work with families",
        Level.CORE,
        "Use the graded care profile to assess the care a child receives.\n"
        "Recognise cumulative harm.",
        36,
        False,
    ),
    (
        THRESHOLD,
        "MASH staff and anyone who refers to children's social care",
        Level.AWARENESS,
        "Apply the partnership's levels of need.\nKnow what the MASH needs in a referral.",
        24,
        False,
    ),
    (
        WORKING_TOGETHER,
        "Staff of every partner agency",
        Level.CORE,
        "Know each agency's part in a section 47 enquiry and a child protection plan.",
        36,
        False,
    ),
]
# The staff courses in turn, with the taxi courses every other week.
STAFF_ROTATION = [NEGLECT, THRESHOLD, WORKING_TOGETHER]
STAFF_AUDIENCE = {
    NEGLECT: ["social_worker", "team_manager", "early_help_practitioner", "partner_practitioner"],
    THRESHOLD: ["mash_worker", "mash_manager", "partner_practitioner", "social_worker"],
    WORKING_TOGETHER: None,  # everyone
    CEA: ["partner_practitioner", "social_worker", "mash_worker", "early_help_practitioner"],
}
VENUES = [
    (Delivery.IN_PERSON, "Plough Lane offices, Hereford HR4 0LE"),
    (Delivery.IN_PERSON, "Leominster Community Centre, HR6 8HQ"),
    (Delivery.ONLINE, "Online: the joining link comes by email the day before"),
]
TRAINERS = ["Lucy Powell", "DI Sarah Lewis, West Marcher Police", "Dr Anne Moss, designated nurse"]
COMMENTS = [
    "The case studies made it real.",
    "I now know who to call out of hours.",
    "Too much to cover in one morning.",
    "Very useful for night shifts.",
    "",
    "",
]
# Posts per social work team, and how hard each is to recruit to (share of posts vacant).
ESTABLISHMENT = {
    "Multi-agency safeguarding hub (MASH)": (8, 0.10),
    "Assessment team": (16, 0.25),
    "Child protection team": (22, 0.25),
    "Looked after children team": (14, 0.15),
    "Safeguarding and review unit": (6, 0.0),
}


@dataclass
class Demo:
    rng: random.Random
    fake: Faker
    today: date
    coordinator: User
    officer: User
    courses: dict[str, Course] = field(default_factory=dict)
    references: int = 0
    counts: dict[str, int] = field(
        default_factory=lambda: dict.fromkeys(
            ("sessions", "bookings", "certificates", "licence_checks", "returns"), 0
        )
    )

    def reference(self, year: int) -> str:
        self.references += 1
        return f"TX/{year}/{self.references:05d}"


def seed_training(*, seed: int = 2017, today: date | None = None) -> dict[str, int]:
    with emails.held_back():
        return _seed(seed, today or timezone.localdate())


@transaction.atomic
def _seed(seed: int, today: date) -> dict[str, int]:
    fake = Faker("en_GB")
    fake.seed_instance(seed)
    demo = Demo(
        rng=random.Random(seed),
        fake=fake,
        today=today,
        coordinator=User.objects.get(email="lucy.powell@partnership.example.org"),
        officer=User.objects.get(email="mark.jones@licensing.example.org"),
    )
    _courses_and_rules(demo)
    _staff_year(demo)
    _applicants(demo)
    _workforce(demo)
    return demo.counts


def _courses_and_rules(demo: Demo) -> None:
    for title, audience, level, outcomes, months, public in COURSES:
        demo.courses[title], _ = Course.objects.get_or_create(
            title=title,
            defaults={
                "audience": audience,
                "level": level,
                "learning_outcomes": outcomes,
                "certificate_valid_months": months,
                "open_to_public": public,
            },
        )
    drivers = LicenceType.drivers()
    taxi = Audience.TAXI_AND_PRIVATE_HIRE
    rules = [
        # Licensing first asked for the training at first grant only; the board's chair asked for
        # it at every renewal too, which version 2 brought in six months ago.
        (taxi, 1, date(2017, 4, 1), CEA, drivers, False, "Training at first grant."),
        (
            taxi,
            2,
            demo.today - timedelta(days=182),
            CEA,
            drivers,
            True,
            "Training at every renewal as well, as the partnership's board recommended.",
        ),
        (Audience.MASH_STAFF, 1, date(2017, 4, 1), THRESHOLD, [], True, ""),
        (Audience.SOCIAL_CARE_STAFF, 1, date(2017, 4, 1), NEGLECT, [], True, ""),
    ]
    for audience, version, start, course, licences, renewal, summary in rules:
        ComplianceRule.objects.get_or_create(
            audience=audience,
            version=version,
            defaults={
                "in_force_from": start,
                "course": demo.courses[course],
                "licence_types": licences,
                "required_at_renewal": renewal,
                "max_age_months": 12 if audience == taxi else None,
                "summary": summary,
                "published_by": demo.coordinator,
            },
        )


def _working_day(day: date) -> date:
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def _session(demo: Demo, title: str, on: date, capacity: int) -> TrainingSession:
    delivery, venue = demo.rng.choice(VENUES)
    demo.counts["sessions"] += 1
    return TrainingSession.objects.create(
        course=demo.courses[title],
        on=_working_day(on),
        starts_at=time(9, 30) if title not in (CEA, DRIVERS) else time(18),
        ends_at=time(12, 30) if title not in (CEA, DRIVERS) else time(20, 30),
        delivery=delivery,
        venue=venue,
        trainer=demo.rng.choice(TRAINERS),
        capacity=capacity,
        created_by=demo.coordinator,
    )


def _staff_year(demo: Demo) -> None:
    """A staff session most weeks from a year ago to two months ahead."""
    staff = list(
        User.objects.filter(is_active=True, role__isnull=False)
        .select_related("role")
        .order_by("pk")
    )
    for week in range(-52, 9):
        title = STAFF_ROTATION[week % len(STAFF_ROTATION)]
        session = _session(demo, title, demo.today + timedelta(weeks=week, days=1), 16)
        roles = STAFF_AUDIENCE[title]
        pool = [u for u in staff if roles is None or u.role.key in roles]
        wanted = demo.rng.randint(6, 14) if session.on < demo.today else demo.rng.randint(2, 8)
        people = demo.rng.sample(pool, min(wanted, len(pool)))
        places = [_book_staff(demo, session, person) for person in people]
        _attendance(demo, session, places)


def _book_staff(demo: Demo, session: TrainingSession, user: User) -> Booking:
    booking = bookings.book_for_staff(session, user, today=min(session.on, demo.today))
    demo.counts["bookings"] += 1
    return booking


def _attendance(
    demo: Demo, session: TrainingSession, places: list[Booking], rate: float = 0.85
) -> None:
    if session.on >= demo.today or not places:
        return
    came = {b.pk for b in places if demo.rng.random() < rate}
    issued = attendance.mark_attendance(session, came, today=session.on)
    demo.counts["certificates"] += len(issued)
    for certificate in issued:
        if demo.rng.random() < 0.6:
            attendance.evaluate(
                certificate.booking,
                usefulness=demo.rng.choice([3, 4, 4, 5, 5]),
                outcomes_met=demo.rng.choice([OutcomesMet.YES] * 4 + [OutcomesMet.PARTLY]),
                comments=demo.rng.choice(COMMENTS),
            )


def _applicant(demo: Demo, session: TrainingSession, reference: str) -> Booking:
    booking = bookings.book_for_applicant(
        session,
        reference=reference,
        full_name=demo.fake.name(),
        date_of_birth=demo.fake.date_of_birth(minimum_age=21, maximum_age=70),
        email=f"{reference.replace('/', '').lower()}@applicant.example.org",
        today=min(session.on, demo.today),
    )
    demo.counts["bookings"] += 1
    return booking


def _applicants(demo: Demo) -> None:
    """Taxi course sessions: two years ago (certificates now too old to renew on), over the last
    year, and to come, one of them full with a waiting list; each applicant then checked."""
    for weeks_ago in (104, 96, 88, 80):
        session = _session(demo, CEA, demo.today - timedelta(weeks=weeks_ago), 14)
        places = [_applicant(demo, session, demo.reference(session.on.year)) for _ in range(8)]
        _attendance(demo, session, places, rate=1.0)
        for booking in places:
            # They were licensed then; now they renew on a certificate over 12 months old.
            _check(
                demo,
                booking.licence_reference,
                ApplicationKind.FIRST_GRANT,
                session.on + timedelta(days=10),
            )
            _check(
                demo,
                booking.licence_reference,
                ApplicationKind.RENEWAL,
                demo.today - timedelta(days=demo.rng.randint(1, 60)),
            )
    for week in range(-51, 9, 2):
        title = CEA if week % 4 != 1 else DRIVERS
        session = _session(demo, title, demo.today + timedelta(weeks=week, days=3), 12)
        upcoming = session.on >= demo.today
        count = demo.rng.randint(5, 11) if not upcoming else demo.rng.randint(2, 6)
        if week == 3:
            count = session.capacity + 3  # a popular date: full, with a waiting list
        places = [_applicant(demo, session, demo.reference(session.on.year)) for _ in range(count)]
        if title == CEA and not upcoming:
            staff = list(User.objects.filter(role__key__in=STAFF_AUDIENCE[CEA]).order_by("pk"))
            places += [_book_staff(demo, session, u) for u in demo.rng.sample(staff, 2)]
        _attendance(demo, session, places, rate=0.9)
        if title != CEA:
            continue
        for booking in places:
            if booking.user_id is None:
                _check_after(demo, booking, upcoming)
    # Operators need no training; a driver who never booked is not compliant.
    _check(
        demo,
        demo.reference(demo.today.year),
        ApplicationKind.FIRST_GRANT,
        demo.today,
        LicenceType.OPERATOR,
    )
    _check(demo, demo.reference(demo.today.year), ApplicationKind.FIRST_GRANT, demo.today)


def _check_after(demo: Demo, booking: Booking, upcoming: bool) -> None:
    """The licensing officer checks the applicant a few days after their session (or, for one
    still to come, now: not compliant until they attend)."""
    session = booking.session
    applied = demo.today if upcoming else session.on + timedelta(days=demo.rng.randint(1, 20))
    kind = ApplicationKind.RENEWAL if demo.rng.random() < 0.3 else ApplicationKind.FIRST_GRANT
    if applied <= demo.today:
        _check(demo, booking.licence_reference, kind, applied)


def _check(
    demo: Demo,
    reference: str,
    kind: str,
    applied: date,
    licence: str | None = None,
) -> None:
    licence = licence or demo.rng.choice(LicenceType.drivers())
    check = record_licence_check(
        reference=reference,
        licence_type=licence,
        application_kind=kind,
        application_date=applied,
        user=demo.officer,
    )
    checked = timezone.make_aware(
        datetime.combine(min(applied, demo.today), time(10, demo.rng.randint(0, 59)))
    )
    type(check).objects.filter(pk=check.pk).update(checked_at=checked)
    demo.counts["licence_checks"] += 1


def _workforce(demo: Demo) -> None:
    settings = WorkforceSettings.current()
    teams = {team.name: team for team in social_work_teams()}
    manager = User.objects.get(email="rachel.evans@council.example.org")
    # Quarters that have ended, oldest first; the current one has no return yet.
    quarters = list(reversed(recent_quarters(demo.today, 7)[1:]))
    for name, (posts, hard) in ESTABLISHMENT.items():
        team = teams.get(name)
        if team is None:
            continue
        for quarter in quarters:
            vacancies = max(0, round(posts * hard + demo.rng.randint(-1, 1)))
            figures = ReturnFigures(
                establishment=posts,
                permanent=posts - vacancies,
                agency=max(0, vacancies - demo.rng.randint(0, 1)),
                vacancies=vacancies,
                starters=demo.rng.randint(0, 2),
                leavers=demo.rng.randint(0, 2 if hard < 0.2 else 3),
            )
            save_return(team, quarter, figures, by=manager, source=ReturnSource.IMPORT)
            demo.counts["returns"] += 1
            _past_snapshot(team, quarter_end(quarter), settings.caseload_threshold)
    record_snapshots(demo.today)


def _past_snapshot(team: Team, on: date, threshold: int) -> None:
    """The team's caseloads as they stood on a past day, from the allocation history."""
    held = Allocation.objects.filter(team=team, started_on__lte=on).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gt=on)
    )
    counts: dict[tuple[int, str], int] = {}
    for worker_id, worker in held.values_list("worker_id", "worker__full_name"):
        counts[worker_id, worker] = counts.get((worker_id, worker), 0) + 1
    loads = [WorkerCaseload(w, name, team.name, n) for (w, name), n in counts.items()]
    summary = team_summary(loads).get(team.name)
    if summary is None:
        return
    CaseloadSnapshot.objects.update_or_create(
        team=team,
        taken_on=on,
        defaults={
            "children": summary["children"],
            "workers": summary["workers"],
            "median": Decimal(str(summary["median"])),
            "largest": summary["max"],
            "above_threshold": sum(1 for c in loads if c.children > threshold),
            "threshold": threshold,
        },
    )

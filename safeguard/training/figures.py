"""Figures for the annual report and the dashboard: training, compliance, licence checks and the
social work workforce, each over a reporting year (1 April to 31 March).

Counts are exact: these are for the partnership's own pages; a published report applies the
disclosure control in MEASURES.md. Definitions sit beside each figure in DEFINITIONS.
"""

from dataclasses import dataclass, field
from datetime import date
from statistics import median

from django.db.models import Count, Q

from safeguard.casework.caseloads import current_caseloads
from safeguard.frontdoor.figures import Period
from safeguard.training.caseloads import TeamCaseloads, social_work_teams, team_caseloads
from safeguard.training.codes import ApplicationKind, Audience, BookingStatus, LicenceType
from safeguard.training.compliance import staff_compliance
from safeguard.training.models import (
    Booking,
    LicenceCheck,
    QuarterlyReturn,
    TrainingSession,
    WorkforceSettings,
)
from safeguard.training.quarters import quarters_of_year

PUBLIC = "Members of the public (licence applicants)"


def share(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def _sessions(period: Period):
    return TrainingSession.objects.filter(on__gte=period.start, on__lte=period.end)


@dataclass(frozen=True)
class CourseRow:
    course: str
    sessions: int
    places_taken: int
    attended: int

    @property
    def attendance_rate(self) -> float | None:
        return share(self.attended, self.places_taken)


def sessions_by_course(period: Period) -> list[CourseRow]:
    """Sessions held in the period, the places taken on them and how many attended, by course."""
    rows = (
        _sessions(period)
        .values("course__title")
        .annotate(
            sessions=Count("id", distinct=True),
            taken=Count("bookings", filter=Q(bookings__status__in=BookingStatus.holding_a_place())),
            attended=Count("bookings", filter=Q(bookings__status=BookingStatus.ATTENDED)),
        )
        .order_by("course__title")
    )
    return [CourseRow(r["course__title"], r["sessions"], r["taken"], r["attended"]) for r in rows]


@dataclass(frozen=True)
class AttendanceTable:
    courses: list[str]
    rows: list[tuple[str, list[int], int]]  # agency, attended per course, all courses

    @property
    def total(self) -> int:
        return sum(total for _, _, total in self.rows)


def attendances_by_agency(period: Period) -> AttendanceTable:
    """People who attended sessions in the period, by their agency and the course."""
    attended = Booking.objects.filter(
        session__in=_sessions(period), status=BookingStatus.ATTENDED
    ).values("agency__name", "user_id", "session__course__title")
    counts: dict[str, dict[str, int]] = {}
    for row in attended.annotate(n=Count("id")):
        agency = row["agency__name"] or (PUBLIC if row["user_id"] is None else "No agency")
        by_course = counts.setdefault(agency, {})
        course = row["session__course__title"]
        by_course[course] = by_course.get(course, 0) + row["n"]
    courses = sorted({course for by_course in counts.values() for course in by_course})
    rows = [
        (agency, [by_course.get(c, 0) for c in courses], sum(by_course.values()))
        for agency, by_course in sorted(
            counts.items(), key=lambda kv: (-sum(kv[1].values()), kv[0])
        )
    ]
    return AttendanceTable(courses, rows)


@dataclass(frozen=True)
class AudienceCompliance:
    audience: str
    people: int
    compliant: int

    @property
    def rate(self) -> float | None:
        return share(self.compliant, self.people)


def compliance_by_audience(period: Period) -> list[AudienceCompliance]:
    """Staff audiences: members holding a valid certificate the rule in force at the end of the
    period requires. Licence applicants: references checked in the period whose latest check
    was compliant."""
    rows = [
        AudienceCompliance(report.label, len(report.rows), report.compliant)
        for report in staff_compliance(period.end)
    ]
    latest: dict[str, bool] = {}
    for reference, compliant in (
        _checks(period).order_by("checked_at", "id").values_list("reference", "compliant")
    ):
        latest[reference] = compliant
    if latest:
        rows.insert(
            0,
            AudienceCompliance(
                Audience.TAXI_AND_PRIVATE_HIRE.label, len(latest), sum(latest.values())
            ),
        )
    return rows


def _checks(period: Period):
    start, end = period.bounds()
    return LicenceCheck.objects.filter(checked_at__gte=start, checked_at__lt=end)


@dataclass
class LicenceCheckFigures:
    total: int = 0
    compliant: int = 0
    by_channel: list[tuple[str, int]] = field(default_factory=list)
    by_application: list[tuple[str, str, int, int]] = field(default_factory=list)

    @property
    def not_compliant(self) -> int:
        return self.total - self.compliant

    @property
    def compliant_rate(self) -> float | None:
        return share(self.compliant, self.total)


def licence_checks(period: Period) -> LicenceCheckFigures:
    checks = _checks(period)
    figures = LicenceCheckFigures(
        total=checks.count(), compliant=checks.filter(compliant=True).count()
    )
    figures.by_channel = [
        (r["channel"], r["n"])
        for r in checks.values("channel").annotate(n=Count("id")).order_by("channel")
    ]
    figures.by_application = [
        (
            LicenceType(r["licence_type"]).label,
            ApplicationKind(r["application_kind"]).label,
            r["n"],
            r["ok"],
        )
        for r in checks.values("licence_type", "application_kind")
        .annotate(n=Count("id"), ok=Count("id", filter=Q(compliant=True)))
        .order_by("licence_type", "application_kind")
    ]
    return figures


@dataclass
class WorkforceRow:
    team: str
    establishment: int = 0
    permanent: int = 0
    agency: int = 0
    vacancies: int = 0
    starters: int = 0
    leavers: int = 0
    # Permanent staff in post at 30 September, the DfE's date for the turnover rate; None when
    # the team sent no return for July to September.
    in_post_september: int | None = None
    leavers_with_september: int = 0

    @property
    def vacancy_rate(self) -> float | None:
        return share(self.vacancies, self.establishment)

    @property
    def agency_rate(self) -> float | None:
        return share(self.agency, self.agency + self.permanent)

    @property
    def turnover(self) -> float | None:
        if not self.in_post_september:
            return None
        return share(self.leavers_with_september, self.in_post_september)


def workforce(period: Period) -> tuple[list[WorkforceRow], WorkforceRow]:
    """Per team and for all teams over the reporting year ending `period.end`.

    Posts (establishment, permanent, agency, vacancies) are those of the team's latest return in
    the year; starters and leavers add up over the year's returns.
    """
    quarters = quarters_of_year(period.end.year)
    september = quarters[1]  # July to September
    returns = (
        QuarterlyReturn.objects.filter(quarter_start__in=quarters)
        .select_related("team")
        .order_by("team__name", "team_id", "quarter_start")
    )
    rows: dict[int, WorkforceRow] = {}
    for r in returns:
        row = rows.setdefault(r.team_id, WorkforceRow(r.team.name))
        row.establishment, row.permanent = r.establishment, r.permanent
        row.agency, row.vacancies = r.agency, r.vacancies
        row.starters += r.starters
        row.leavers += r.leavers
        if r.quarter_start == september:
            row.in_post_september = r.permanent
    total = WorkforceRow("All teams", in_post_september=0)
    for row in rows.values():
        if row.in_post_september is not None:
            row.leavers_with_september = row.leavers
            total.in_post_september += row.in_post_september
            total.leavers_with_september += row.leavers
        for name in ("establishment", "permanent", "agency", "vacancies", "starters", "leavers"):
            setattr(total, name, getattr(total, name) + getattr(row, name))
    return list(rows.values()), total


@dataclass(frozen=True)
class CaseloadFigures:
    teams: list[TeamCaseloads]
    threshold: int
    workers: int
    children: int
    median: float | None
    largest: int | None
    above_threshold: int


def caseloads() -> CaseloadFigures:
    """Caseloads today across the social work teams, and per team."""
    threshold = WorkforceSettings.current().caseload_threshold
    teams = team_caseloads(social_work_teams(), threshold)
    counts = [w.children for w in current_caseloads([t.team.pk for t in teams])]
    return CaseloadFigures(
        teams=teams,
        threshold=threshold,
        workers=len(counts),
        children=sum(counts),
        median=median(counts) if counts else None,
        largest=max(counts) if counts else None,
        above_threshold=sum(1 for n in counts if n > threshold),
    )


def reporting_year(day: date) -> Period:
    return Period.reporting_year(day.year + 1 if day.month >= 4 else day.year)


DEFINITIONS = {
    "sessions": "Sessions held in the year, the places taken on them (booked, attended or did "
    "not attend) and how many of those attended.",
    "attendance": "People who attended a session held in the year, by the agency they worked "
    "for when they booked; members of the public are licence applicants.",
    "compliance": "Staff: people in each audience holding a valid certificate of the course the "
    "rule in force on the last day of the year requires. Licence applicants: references checked "
    "in the year whose latest check said compliant.",
    "checks": "Licence checks made in the year, on the page or by a licensing system.",
    "vacancy": "Vacancies ÷ posts in the establishment, from each team's latest return in the "
    "year (a vacancy is a post not filled by a permanent worker, as the DfE counts it).",
    "agency": "Posts covered by agency staff ÷ (agency + permanent), from the latest return.",
    "turnover": "Leavers in the year ÷ permanent staff in post at 30 September (the July to "
    "September return), the DfE's definition; teams without that return are left out.",
    "caseloads": "Children allocated to each worker today; a worker holding more than the "
    "threshold is over it, and a team is over when its median worker is.",
}

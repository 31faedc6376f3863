"""The partnership's arrangements for the report's year, from the board's records: the partners,
the board and its sub-groups, who held which seat during the year, attendance at the board by
agency, and the action log. These are about agencies, meetings and staff, not children, so they
are exact (the board's measures in the run roll them up)."""

from dataclasses import dataclass

from django.db.models import Q

from safeguard.board import figures
from safeguard.board.codes import GroupKind, MemberRole, PartnerRole
from safeguard.board.models import BoardGroup, Membership, Partner
from safeguard.board.years import period


@dataclass(frozen=True)
class Seat:
    name: str
    job_title: str
    agency: str
    role: str


@dataclass(frozen=True)
class Arrangements:
    statutory: list[Partner]
    relevant: list[Partner]
    groups: list[BoardGroup]
    seats: list[Seat]
    attendance: figures.AttendanceFigures
    actions: figures.ActionFigures


# Leadership first, as annual reports list their boards.
ROLE_ORDER = [
    MemberRole.CHAIR,
    MemberRole.SCRUTINEER,
    MemberRole.LEAD_PARTNER,
    MemberRole.DELEGATED_PARTNER,
    MemberRole.BUSINESS_MANAGER,
    MemberRole.REPRESENTATIVE,
]


def arrangements(year: str) -> Arrangements:
    span = period(year)
    partners = list(Partner.objects.select_related("agency"))
    held = (
        Membership.objects.filter(group__kind=GroupKind.BOARD, term_start__lte=span.end)
        .filter(Q(term_end__isnull=True) | Q(term_end__gte=span.start))
        .select_related("member__agency")
    )
    seats = sorted(
        {
            Seat(s.member.name, s.member.job_title, s.member.agency_label, s.get_role_display())
            for s in held
        },
        key=lambda seat: (
            [str(r.label) for r in ROLE_ORDER].index(seat.role),
            seat.agency,
            seat.name,
        ),
    )
    return Arrangements(
        statutory=sorted(
            (p for p in partners if p.is_statutory),
            key=lambda p: PartnerRole.statutory().index(p.role),
        ),
        relevant=[p for p in partners if not p.is_statutory],
        groups=list(BoardGroup.objects.all()),
        seats=seats,
        attendance=figures.attendance_by_agency(year),
        actions=figures.actions_due(year),
    )

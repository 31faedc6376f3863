"""Helpers for the board's tests: a small partnership made through the board's services."""

from datetime import date

from factories import AgencyFactory, UserFactory

from safeguard.access.models import AgencyKind
from safeguard.board import services_meetings, services_partnership
from safeguard.board.codes import GroupKind, MemberRole, PartnerRole
from safeguard.board.models import Member
from safeguard.board.services_meetings import Answer

START = date(2016, 4, 1)


def business_manager():
    office = AgencyFactory(name="Partnership business unit", kind=AgencyKind.PARTNERSHIP_OFFICE)
    return UserFactory(role="business_manager", agency=office, full_name="Helen Baker")


def partners() -> dict[str, object]:
    """The council, the police and the ICB as statutory partners; a school as a relevant agency."""
    made = {}
    for key, name, kind, role in [
        ("council", "Council", AgencyKind.CHILDRENS_SERVICES, PartnerRole.LOCAL_AUTHORITY),
        ("police", "Police", AgencyKind.POLICE, PartnerRole.POLICE),
        ("icb", "ICB", AgencyKind.HEALTH_ICB, PartnerRole.HEALTH),
        ("school", "School", AgencyKind.EDUCATION, PartnerRole.RELEVANT_AGENCY),
    ]:
        made[key] = AgencyFactory(name=name, kind=kind)
        services_partnership.add_partner(agency=made[key], role=role)
    return made


def board(name: str = "The board"):
    return services_partnership.add_group(name=name, kind=GroupKind.BOARD)


def sub_group(name: str = "Neglect sub-group"):
    return services_partnership.add_group(name=name, kind=GroupKind.SUB_GROUP)


def member(
    name: str,
    agency,
    group,
    *,
    role: str = MemberRole.REPRESENTATIVE,
    start: date = START,
    end: date | None = None,
    user=None,
) -> Member:
    return services_partnership.add_member(
        name=name,
        job_title="",
        agency=agency,
        user=user,
        group=group,
        role=role,
        term_start=start,
        term_end=end,
    )


def meeting(group, held_on: date, place: str = "Shire Hall"):
    return services_meetings.schedule_meeting(group=group, held_on=held_on, place=place)


def attend(meeting, answers: dict[Member, str], deputies: dict[Member, str] | None = None):
    deputies = deputies or {}
    services_meetings.record_attendance(
        meeting,
        {m.pk: Answer(status, deputies.get(m, "")) for m, status in answers.items()},
        today=date(2030, 1, 1),
    )

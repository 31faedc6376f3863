"""The lead safeguarding partners who sign the report off: the board's members holding a lead
partner seat for one of the three statutory partners (the council, the police, health)."""

from dataclasses import dataclass
from datetime import date

from safeguard.board.codes import GroupKind, MemberRole, PartnerRole
from safeguard.board.models import Member, Membership


@dataclass(frozen=True)
class LeadPartner:
    member: Member
    role: PartnerRole
    partner_name: str


def lead_partners(on: date) -> list[LeadPartner]:
    """Who may sign for each statutory partner on the day, council first, then police, health."""
    statutory = PartnerRole.statutory()
    seats = (
        Membership.objects.on(on)
        .filter(
            role=MemberRole.LEAD_PARTNER,
            group__kind=GroupKind.BOARD,
            member__agency__board_partner__role__in=statutory,
        )
        .select_related("member__agency__board_partner")
        .order_by("member__name", "member_id")
    )
    found = {
        seat.member_id: LeadPartner(
            seat.member,
            PartnerRole(seat.member.agency.board_partner.role),
            seat.member.agency.name,
        )
        for seat in seats
    }
    return sorted(found.values(), key=lambda p: (statutory.index(p.role), p.member.name))


def lead_partner(member: Member, on: date) -> LeadPartner | None:
    return next((p for p in lead_partners(on) if p.member.pk == member.pk), None)

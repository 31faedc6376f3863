"""Setting up the partnership: its partners, the board and sub-groups, members and their seats."""

from datetime import date

from django.db import transaction

from safeguard.access.models import Agency, User
from safeguard.board.codes import GroupKind
from safeguard.board.models import BoardGroup, Member, Membership, Partner
from safeguard.board.rules import Problem, refuse_if


def add_partner(*, agency: Agency, role: str) -> Partner:
    if Partner.objects.filter(agency=agency).exists():
        refuse_if([Problem("agency", f"{agency} is already a partner")])
    return Partner.objects.create(agency=agency, role=role)


def add_group(*, name: str, kind: str, remit: str = "") -> BoardGroup:
    problems = []
    if BoardGroup.objects.filter(name__iexact=name.strip()).exists():
        problems.append(Problem("name", "There is already a group with this name"))
    if kind == GroupKind.BOARD and BoardGroup.objects.filter(kind=GroupKind.BOARD).exists():
        problems.append(
            Problem("kind", "The partnership already has a board: add this as a sub-group")
        )
    refuse_if(problems)
    return BoardGroup.objects.create(name=name.strip(), kind=kind, remit=remit)


def _term_problems(
    member: Member | None,
    group: BoardGroup,
    term_start: date,
    term_end: date | None,
    exclude: Membership | None = None,
) -> list[Problem]:
    problems = []
    if term_end is not None and term_end < term_start:
        problems.append(Problem("term_end", "The end of the term must be on or after its start"))
    if member is not None:
        seats = Membership.objects.filter(member=member, group=group)
        if exclude is not None:
            seats = seats.exclude(pk=exclude.pk)
        for seat in seats:
            # Two terms overlap unless one ends before the other starts.
            if (term_end is None or seat.term_start <= term_end) and (
                seat.term_end is None or term_start <= seat.term_end
            ):
                problems.append(
                    Problem(
                        "term_start",
                        f"{member} already has a seat on {group} from "
                        f"{seat.term_start:%-d %B %Y}: end that term first",
                    )
                )
                break
    return problems


def _user_problems(user: User | None, member: Member | None = None) -> list[Problem]:
    if user is None:
        return []
    taken = Member.objects.filter(user=user)
    if member is not None:
        taken = taken.exclude(pk=member.pk)
    if taken.exists():
        return [Problem("user", f"{user} is already a member: choose another login, or none")]
    return []


@transaction.atomic
def add_member(
    *,
    name: str,
    job_title: str,
    agency: Agency | None,
    user: User | None,
    group: BoardGroup,
    role: str,
    term_start: date,
    term_end: date | None = None,
) -> Member:
    refuse_if(_user_problems(user) + _term_problems(None, group, term_start, term_end))
    member = Member.objects.create(name=name, job_title=job_title, agency=agency, user=user)
    Membership.objects.create(
        member=member, group=group, role=role, term_start=term_start, term_end=term_end
    )
    return member


def update_member(
    member: Member, *, name: str, job_title: str, agency: Agency | None, user: User | None
) -> Member:
    refuse_if(_user_problems(user, member))
    member.name, member.job_title, member.agency, member.user = name, job_title, agency, user
    member.save()
    return member


def add_membership(
    member: Member, *, group: BoardGroup, role: str, term_start: date, term_end: date | None
) -> Membership:
    refuse_if(_term_problems(member, group, term_start, term_end))
    return Membership.objects.create(
        member=member, group=group, role=role, term_start=term_start, term_end=term_end
    )


def change_membership(
    seat: Membership, *, role: str, term_start: date, term_end: date | None
) -> Membership:
    refuse_if(_term_problems(seat.member, seat.group, term_start, term_end, exclude=seat))
    seat.role, seat.term_start, seat.term_end = role, term_start, term_end
    seat.save()
    return seat

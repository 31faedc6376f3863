"""The demo partnership's board, 2015-16 to 2017-18, made through the board's own services.

- Partners: the council, the police and the ICB as statutory partners; the NHS trust, two schools,
  probation, housing, early help and the voluntary sector as relevant agencies.
- The board (about 15 members, one leaving and another joining in 2016-17) and three sub-groups.
- Six board meetings a year and three meetings of each sub-group, each with an agenda, papers,
  minutes, decisions and attendance (some apologies, some deputies). The November 2016 board was
  not quorate: neither police member could come.
- Actions agreed at each meeting, most done on time, some late, a few dropped, and some from
  2017-18 still open, so each meeting carries the open ones over.
- The business plan for 2016-17 with the four priorities of the reference case, and the plan for
  2017-18, each rated every quarter.
- Annual reviews of the board's members for 2015-16 (a few) and 2016-17 (all but the business
  manager).

Deterministic for a seed. Members are linked to the demo's logins where they exist (the police's
David Hughes and the business manager Helen Baker among them), so seed this after the partnership
and the case reviews demo.
"""

import random
from datetime import date, time, timedelta
from itertools import pairwise

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from safeguard.access.models import Agency, User
from safeguard.board import demo_roster as roster
from safeguard.board import services_actions, services_meetings, services_partnership
from safeguard.board.codes import ActionStatus, AttendanceStatus, GroupKind, MemberRole
from safeguard.board.demo_agenda import BOARD_TOPICS, SUB_GROUP_TOPICS, Topic
from safeguard.board.demo_minutes import last_meeting_minutes, opening_minutes, paper_pdf
from safeguard.board.demo_people import seed_plans, seed_reviews
from safeguard.board.models import (
    Action,
    AgendaItem,
    BoardGroup,
    Meeting,
    Member,
    MemberReview,
    Paper,
    Partner,
)
from safeguard.board.papers import attach_paper
from safeguard.core.calendar import is_working_day

YEARS = (2015, 2016, 2017)
BOARD_MONTHS = (5, 7, 9, 11, 1, 3)
SUB_GROUP_MONTHS = (6, 10, 2)
SUB_GROUP_KEYS = {roster.CSE: "cse", roster.QUALITY: "quality", roster.NEGLECT: "neglect"}
PLACES = ("Shire Hall, Marcher", "Police headquarters, Marcher", "Marcher Community Hospital")
# The board meeting the police could not come to, so it was not quorate.
INQUORATE = date(2016, 11, 9)


def seed_board(seed: int = 2017, *, today: date | None = None) -> dict[str, int]:
    with transaction.atomic():
        return _seed(seed, today or timezone.localdate())


def _seed(seed: int, today: date) -> dict[str, int]:
    if BoardGroup.objects.filter(kind=GroupKind.BOARD).exists():
        return dict.fromkeys(("members", "meetings", "actions", "papers", "reviews"), 0)
    rng = random.Random(seed)
    helen = _business_manager()
    agencies = _partners()
    groups = {
        name: services_partnership.add_group(
            name=name,
            kind=GroupKind.BOARD if name == roster.BOARD else GroupKind.SUB_GROUP,
            remit=remit,
        )
        for name, remit in roster.GROUPS
    }
    members = _members(agencies, groups)
    for group in groups.values():
        _meetings(group, members, helen, rng, today)
    seed_plans(groups, helen)
    seed_reviews(members, rng, helen, today)
    return {
        "members": Member.objects.count(),
        "meetings": Meeting.objects.count(),
        "actions": Action.objects.count(),
        "papers": Paper.objects.count(),
        "reviews": MemberReview.objects.count(),
    }


def _business_manager() -> User:
    user = (
        User.objects.filter(email="helen.baker@partnership.example.org").first()
        or User.objects.filter(role__key="business_manager").order_by("pk").first()
    )
    if user is None:
        raise RuntimeError("Seed the partnership's users (safeguard demo seed) before the board")
    return user


def _partners() -> dict[str, Agency]:
    agencies = {}
    for name, kind, role in roster.AGENCIES:
        agency = Agency.objects.get_or_create(name=name, defaults={"kind": kind})[0]
        agencies[name] = agency
        if role is not None:
            Partner.objects.get_or_create(agency=agency, defaults={"role": role})
    return agencies


def _members(agencies: dict[str, Agency], groups: dict[str, BoardGroup]) -> dict[str, Member]:
    members = {}
    for person in roster.PEOPLE:
        user = User.objects.filter(email=person.email).first() if person.email else None
        (group, role, start, end), *more = person.seats
        member = services_partnership.add_member(
            name=person.name,
            job_title=person.job_title,
            agency=agencies[person.agency] if person.agency else None,
            user=user,
            group=groups[group],
            role=role,
            term_start=start,
            term_end=end,
        )
        for group, role, start, end in more:
            services_partnership.add_membership(
                member, group=groups[group], role=role, term_start=start, term_end=end
            )
        members[person.key] = member
    return members


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th given weekday of the month, moved on to a working day if it is a bank holiday."""
    day = date(year, month, 1)
    day += timedelta(days=(weekday - day.weekday()) % 7 + 7 * (n - 1))
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def _dates(group: BoardGroup) -> list[date]:
    months = BOARD_MONTHS if group.is_board else SUB_GROUP_MONTHS
    weekday, n = (2, 2) if group.is_board else (1, 3)  # second Wednesday; third Tuesday
    return [
        _nth_weekday(start if month >= 4 else start + 1, month, weekday, n)
        for start in YEARS
        for month in months
    ]


def _board_topics(index: int, held_on: date, rng: random.Random) -> list[Topic]:
    named = {topic.title: topic for topic in BOARD_TOPICS}
    in_year = index % len(BOARD_MONTHS)
    topics = [
        named["Performance report" if in_year % 2 == 0 else "Business plan: progress by quarter"]
    ]
    if in_year == 1:
        topics.append(named["Annual report: draft"])
    if in_year == 5:
        topics.append(named["Budget and partner contributions"])
    if date(2016, 5, 1) <= held_on <= date(2017, 1, 31):
        topics.append(named["Serious case review: Family K"])
    if held_on >= date(2017, 4, 1) and in_year % 2 == 0:
        topics.append(named["Police and health as equal partners: the new statutory arrangements"])
    pool = [
        t
        for t in BOARD_TOPICS
        if t.title
        in {
            "Child sexual exploitation and missing children: report of the sub-group",
            "Neglect strategy",
            "The early help offer",
            "Section 11 audit: findings",
            "Multi-agency training: report of the year",
            "Voice of the child",
        }
    ]
    topics.append(rng.choice(pool))
    return topics


def _meetings(
    group: BoardGroup, members: dict[str, Member], helen: User, rng: random.Random, today: date
) -> None:
    made = []
    for index, held_on in enumerate(_dates(group)):
        meeting = services_meetings.schedule_meeting(
            group=group,
            held_on=held_on,
            place=PLACES[index % len(PLACES)] if group.is_board else PLACES[0],
            starts_at=time(14, 0) if group.is_board else time(10, 0),
        )
        if held_on <= today:
            _attendance(meeting, rng, today)
        topics = (
            _board_topics(index, held_on, rng)
            if group.is_board
            else [SUB_GROUP_TOPICS[SUB_GROUP_KEYS[group.name]]]
        )
        _agenda(meeting, topics, members, helen, rng, today, made[-1] if made else None)
        made.append(meeting)
    for meeting, following in pairwise(made):
        if following.held_on <= today:
            services_meetings.approve_minutes(
                meeting, version=meeting.version, approved_on=following.held_on
            )


def _attendance(meeting: Meeting, rng: random.Random, today: date) -> None:
    answers = {}
    for seat in services_meetings.expected_members(meeting):
        member = seat.member
        if seat.role in (MemberRole.CHAIR, MemberRole.BUSINESS_MANAGER):
            status = AttendanceStatus.PRESENT
        elif meeting.held_on == INQUORATE and member.agency and member.agency.name == roster.POLICE:
            status = AttendanceStatus.APOLOGIES
        else:
            draw = rng.random()
            status = (
                AttendanceStatus.PRESENT
                if draw < 0.74
                else AttendanceStatus.APOLOGIES
                if draw < 0.86
                else AttendanceStatus.DEPUTY
                if draw < 0.96
                else AttendanceStatus.ABSENT
            )
        deputy = roster.DEPUTIES.get(member.agency.name if member.agency else "", "")
        if status == AttendanceStatus.DEPUTY and not deputy:
            status = AttendanceStatus.APOLOGIES
        answers[member.pk] = services_meetings.Answer(
            status, deputy if status == AttendanceStatus.DEPUTY else ""
        )
    services_meetings.record_attendance(meeting, answers, today=today)


def _owner(key: str, members: dict[str, Member], meeting: Meeting) -> Member:
    """The topic's owner if they sat on the group that day, else the business manager."""
    member = members[key]
    if member.memberships.on(meeting.held_on).filter(group=meeting.group).exists():
        return member
    return members["manager"]


def _agenda(
    meeting: Meeting,
    topics: list[Topic],
    members: dict[str, Member],
    helen: User,
    rng: random.Random,
    today: date,
    previous: Meeting | None,
) -> None:
    chair_key = "chair" if meeting.group.is_board else _chair_key(meeting, members)
    opening = services_meetings.add_item(
        meeting,
        title="Welcome, apologies and declarations of interest",
        presenter=str(members[chair_key]),
    )
    last = services_meetings.add_item(
        meeting,
        title="Minutes of the last meeting and the action log",
        presenter=str(members[chair_key]),
    )
    written = meeting.held_on <= today
    for topic in topics:
        item = services_meetings.add_item(
            meeting,
            title=topic.title,
            presenter=f"{members[topic.presenter]}, {members[topic.presenter].agency_label}",
            confidential=topic.confidential,
        )
        if topic.paper:
            _paper(item, f"{topic.paper}, {meeting.held_on:%B %Y}", topic.minutes, helen)
        if not written:
            continue
        _write(item, topic.minutes)
        if topic.decision:
            services_meetings.record_decision(item, text=topic.decision, by=helen)
        if topic.action:
            _action(meeting, item, topic, members, helen, rng, today)
    aob = services_meetings.add_item(meeting, title="Any other business")
    if written:
        _write(opening, opening_minutes(meeting))
        _write(last, last_meeting_minutes(meeting, previous))
        _write(aob, "There was no other business.")


def _paper(item: AgendaItem, title: str, text: str, helen: User) -> None:
    """A paper as the business unit would upload it: a one-page PDF, through the upload checks."""
    name = title.split(",")[0].lower().replace(" ", "-").replace(":", "") + ".pdf"
    attach_paper(
        item, title=title, upload=SimpleUploadedFile(name, paper_pdf(title, text)), by=helen
    )


def _chair_key(meeting: Meeting, members: dict[str, Member]) -> str:
    chair = meeting.group.memberships.filter(role=MemberRole.CHAIR).first()
    return next(key for key, member in members.items() if member.pk == chair.member_id)


def _write(item: AgendaItem, text: str) -> None:
    services_meetings.update_item(
        item,
        version=item.version,
        title=item.title,
        presenter=item.presenter,
        confidential=item.confidential,
        minutes=text,
    )


def _action(
    meeting: Meeting,
    item: AgendaItem,
    topic: Topic,
    members: dict[str, Member],
    helen: User,
    rng: random.Random,
    today: date,
) -> None:
    due = meeting.held_on + timedelta(weeks=rng.choice((6, 8, 10, 12)))
    action = services_actions.add_action(
        meeting,
        item=item,
        description=topic.action,
        owner=_owner(topic.action_owner, members, meeting),
        due_on=due,
        by=helen,
    )
    last_year = meeting.held_on >= date(2017, 4, 1)
    draw = rng.random()
    on_time, late, dropped = (0.45, 0.62, 0.70) if last_year else (0.66, 0.86, 0.93)
    if draw < on_time:
        done = max(due - timedelta(days=rng.randint(0, 21)), meeting.held_on + timedelta(days=7))
        status, update = ActionStatus.DONE, "Done and reported to the board."
    elif draw < late:
        done = due + timedelta(days=rng.randint(5, 45))
        status, update = ActionStatus.DONE, "Done after the due date: the work took longer."
    elif draw < dropped:
        done = due
        status = ActionStatus.DROPPED
        update = "The board agreed the action was overtaken by the new arrangements."
    else:
        return
    if done > today:
        return
    services_actions.update_action(
        action,
        version=action.version,
        status=status,
        completed_on=done if status == ActionStatus.DONE else None,
        dropped_on=done if status == ActionStatus.DROPPED else None,
        update=update,
        today=today,
    )

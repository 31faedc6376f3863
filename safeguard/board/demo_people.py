"""The demo's business plans and annual member reviews, made through the board's services."""

import random
from datetime import date, timedelta

from safeguard.access.models import User
from safeguard.board import services_plan, services_reviews
from safeguard.board.codes import ActionStatus, GroupKind
from safeguard.board.demo_plan import (
    PLAN_2016,
    PLAN_2017,
    PRIORITIES_2016,
    PRIORITIES_2017,
    PlannedPriority,
)
from safeguard.board.models import BoardGroup, BusinessPlan, Member
from safeguard.core.calendar import is_working_day

# Plan actions due in the year are done by its end; later ones are still open.
_PLAN_YEAR_END = {"2016-17": date(2017, 3, 31), "2017-18": date(2018, 3, 31)}


def seed_plans(groups: dict[str, BoardGroup], helen: User) -> None:
    for year, introduction, planned in (
        ("2016-17", PLAN_2016, PRIORITIES_2016),
        ("2017-18", PLAN_2017, PRIORITIES_2017),
    ):
        plan = services_plan.create_plan(year=year, introduction=introduction)
        for entry in planned:
            _priority(plan, entry, groups, helen)


def _priority(
    plan: BusinessPlan, entry: PlannedPriority, groups: dict[str, BoardGroup], helen: User
) -> None:
    priority = services_plan.add_priority(
        plan,
        title=entry.title,
        lead_group=groups.get(entry.lead_group),
        measure_ids=entry.measure_ids,
    )
    for text in entry.objectives:
        services_plan.add_objective(priority, text=text)
    end = _PLAN_YEAR_END[plan.year]
    for number, (what, lead) in enumerate(entry.actions):
        action = services_plan.add_plan_action(
            priority, description=what, lead=lead, due_on=end - timedelta(days=90 * (2 - number))
        )
        services_plan.update_plan_action(action, version=action.version, status=ActionStatus.DONE)
    for quarter, (rag, narrative) in enumerate(entry.ratings, start=1):
        services_plan.rate_quarter(
            priority, quarter=quarter, rag=rag, narrative=narrative, by=helen
        )


_FEEDBACK = {
    "dcs": "Takes the board's priorities to the council's children's services leadership team "
    "and to the lead member each month.",
    "acc": "Briefs the force's chief officer group after every board.",
    "police": "Shares the board's learning with the public protection unit through its weekly "
    "briefing, and chairs the exploitation sub-group.",
    "nurse": "Reports to the ICB's quality committee after each board.",
    "doctor": "Runs a quarterly safeguarding forum for GPs that carries the board's messages.",
    "trust": "Takes the board's learning to the trust's safeguarding committee and ward leads.",
    "school": "Reports to the schools' designated safeguarding lead network each term.",
    "school2": "Shares board updates with secondary headteachers at their monthly meeting.",
    "probation": "Briefs probation officers through the unit's practice development days.",
    "voluntary": "Circulates a board summary to the voluntary sector forum's members.",
    "housing": "Briefs housing officers through the team meeting cascade.",
    "housing2": "Briefs housing officers through the team meeting cascade.",
    "early_help": "Takes the board's priorities to early help locality team meetings.",
    "safeguarding": "Brings the board's findings to the council's safeguarding and review unit.",
}


def _working_day(day: date) -> date:
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def seed_reviews(members: dict[str, Member], rng: random.Random, helen: User, today: date) -> None:
    chair = members["chair"]
    board = BoardGroup.objects.get(kind=GroupKind.BOARD)
    for year, first_day, keys in (
        ("2015-16", date(2016, 4, 18), ["dcs", "police", "doctor", "school", "voluntary"]),
        ("2016-17", date(2017, 4, 18), [k for k in members if k not in ("manager",)]),
    ):
        span_end = date(int(year[:4]) + 1, 3, 31)
        for key in keys:
            member = members[key]
            seats = member.memberships.filter(group=board, term_start__lte=span_end)
            if not seats.exists():
                continue
            held_on = _working_day(first_day + timedelta(days=rng.randint(0, 30)))
            if held_on > today:
                continue
            services_reviews.record_review(
                member,
                year=year,
                held_on=held_on,
                reviewer="Sarah Mitchell, for the lead safeguarding partners"
                if member == chair
                else str(chair),
                conversation=_conversation(member, year),
                agency_feedback=_FEEDBACK.get(key, "Reports on the board's work to colleagues."),
                agreed="Keep attendance above 80%, and bring one example of the board's learning "
                "changing practice in the agency to the next review.",
                by=helen,
            )


def _conversation(member: Member, year: str) -> str:
    found = services_reviews.member_year(member, year)
    rate = f" ({found.attendance_rate:g}%)" if found.attendance_rate is not None else ""
    deputies = f", sending a deputy {found.deputies} times" if found.deputies else ""
    return (
        f"{member} attended {found.attended} of the {found.expected} meetings expected in "
        f"{year}{rate}{deputies}. Of the {found.actions_owned} actions they owned that fell due, "
        f"{found.actions_on_time} were done on time. They described the board as more challenging "
        "of partners than a year earlier, and asked for shorter performance papers."
    )

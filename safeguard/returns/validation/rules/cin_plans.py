"""Rules on child in need plans, on their own and beside child protection plans.

A plan is open while it has no end date. A CIN plan and a protection plan may meet (one ending
the day the other starts) but not overlap.
"""

# ruff: noqa: S608 - SQL is built from the rules' own constants; a file's values reach DuckDB
# only as table data, never as SQL text.

from safeguard.returns.validation.census import Census
from safeguard.returns.validation.registry import rule
from safeguard.returns.validation.sql import flag, of_child, of_episode, on, pick, same_episode

_OPEN = "NOT present(CINPlanEndDate)"


@rule(
    "4000",
    table="CINplanDates",
    fields=("CINPlanStartDate",),
    message="CIN Plan details provided for a referral with no further action",
)
def no_plan_after_nfa(c: Census) -> str:
    return flag("cin_plan", "CINPlanStartDate", of_episode("e.no_further_action", "cin_plan"))


@rule(
    "4001",
    table="CINplanDates",
    fields=("CINPlanEndDate",),
    message="A CIN Plan cannot run concurrently with a Child Protection Plan",
)
def no_open_plans_of_both_kinds(c: Census) -> str:
    return flag(
        "cin_plan",
        "CINPlanEndDate",
        f"{_OPEN} AND EXISTS (SELECT 1 FROM cpp WHERE {same_episode('cpp', 'cin_plan')} "
        "AND NOT present(cpp.CPPendDate))",
    )


@rule(
    "4003",
    table="Reviews",
    fields=("CPPreviewDate",),
    message="A CPP review date is shown as being held at the same time as an open CIN Plan.",
)
def no_review_during_a_cin_plan(c: Census) -> str:
    # A review conference that ends a protection plan may start the CIN plan that follows.
    return flag(
        "review",
        "CPPreviewDate",
        f"EXISTS (SELECT 1 FROM cin_plan p WHERE {same_episode('p', 'review')} "
        "AND review.reviewed > p.started "
        "AND (NOT present(p.CINPlanEndDate) OR review.reviewed < p.ended))",
    )


@rule(
    "4004",
    table="CINplanDates",
    fields=("CINPlanEndDate",),
    message="This child is showing more than one open CIN Plan, i.e. with no End Date",
)
def one_open_cin_plan(c: Census) -> str:
    return (
        f"SELECT {pick('cin_plan', 'CINPlanEndDate')} FROM (SELECT *, sum(CASE WHEN {_OPEN} "
        "THEN 1 ELSE 0 END) OVER (PARTITION BY child_id) AS open_plans FROM cin_plan "
        f"WHERE child_id IS NOT NULL) cin_plan WHERE {_OPEN} AND open_plans > 1"
    )


@rule(
    "4008",
    table="ChildIdentifiers",
    fields=("CINPlanStartDate",),
    message="CIN Plan shown as starting after the child’s Date of Death.",
)
def cin_plan_starts_in_life(c: Census) -> str:
    return flag("cin_plan", "CINPlanStartDate", of_child("cin_plan.started > ch.died", "cin_plan"))


@rule(
    "4009Q",
    table="ChildIdentifiers",
    fields=("CINPlanEndDate",),
    message="CIN Plan cannot end after the child’s Date of Death",
)
def cin_plan_ends_in_life(c: Census) -> str:
    return flag("cin_plan", "CINPlanEndDate", of_child("cin_plan.ended > ch.died", "cin_plan"))


@rule(
    "4010",
    table="CINplanDates",
    fields=("CINPlanStartDate",),
    message="CIN Plan start date is missing or out of data collection period",
)
def cin_plan_start_in_period(c: Census) -> str:
    return flag(
        "cin_plan", "CINPlanStartDate", f"started IS NULL OR started > {on(c.reference_date)}"
    )


@rule(
    "4011",
    table="CINplanDates",
    fields=("CINPlanEndDate",),
    message="CIN Plan End Date earlier than Start Date",
)
def cin_plan_ends_after_start(c: Census) -> str:
    return flag("cin_plan", "CINPlanEndDate", "ended < started")


@rule(
    "4012Q",
    table="CINplanDates",
    fields=("CINPlanEndDate",),
    message=(
        "Please check and either amend or provide a reason: CIN Plan shown as starting and "
        "ending on the same day"
    ),
)
def cin_plan_lasts_a_day_or_more(c: Census) -> str:
    return flag("cin_plan", "CINPlanEndDate", "ended = started")


@rule(
    "4013",
    table="CINplanDates",
    fields=("CINPlanEndDate",),
    message="CIN Plan end date must fall within the census year",
)
def cin_plan_ends_in_the_census_year(c: Census) -> str:
    return flag(
        "cin_plan",
        "CINPlanEndDate",
        f"ended NOT BETWEEN {on(c.start)} AND {on(c.reference_date)}",
    )


@rule(
    "4014",
    table="CINplanDates",
    fields=("CINPlanStartDate",),
    message="CIN Plan data contains overlapping dates",
)
def cin_plans_do_not_overlap(c: Census) -> str:
    return flag(
        "cin_plan",
        "CINPlanStartDate",
        f"EXISTS (SELECT 1 FROM cin_plan b WHERE {same_episode('b', 'cin_plan')} "
        "AND b.row_id <> cin_plan.row_id AND cin_plan.started >= b.started "
        "AND (NOT present(b.CINPlanEndDate) OR cin_plan.started < b.ended))",
    )


@rule(
    "4015",
    table="CINplanDates",
    fields=("CINPlanStartDate",),
    message="The CIN Plan start date cannot be before the referral date",
)
def cin_plan_after_referral(c: Census) -> str:
    return flag(
        "cin_plan", "CINPlanStartDate", of_episode("cin_plan.started < e.referred", "cin_plan")
    )


@rule(
    "4016",
    table="CINplanDates",
    fields=("CINPlanStartDate",),
    message="A CIN Plan has been reported as open at the same time as a Child Protection Plan.",
)
def cin_plan_not_started_during_protection(c: Census) -> str:
    return flag(
        "cin_plan",
        "CINPlanStartDate",
        f"EXISTS (SELECT 1 FROM cpp WHERE {same_episode('cpp', 'cin_plan')} "
        "AND cin_plan.started >= cpp.started "
        "AND (NOT present(cpp.CPPendDate) OR cin_plan.started < cpp.ended))",
    )


@rule(
    "4017",
    table="CINplanDates",
    fields=("CPPstartDate",),
    message="A CIN Plan has been reported as open at the same time as a Child Protection Plan.",
)
def protection_not_started_during_cin_plan(c: Census) -> str:
    return flag(
        "cpp",
        "CPPstartDate",
        f"EXISTS (SELECT 1 FROM cin_plan p WHERE {same_episode('p', 'cpp')} "
        "AND cpp.started >= p.started "
        "AND (NOT present(p.CINPlanEndDate) OR cpp.started < p.ended))",
    )

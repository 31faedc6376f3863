"""Rules on child protection plans and their review conferences.

A plan starts at an initial conference (ICPC) and is open while it has no end date.
"""

# ruff: noqa: S608 - SQL is built from the rules' own constants; a file's values reach DuckDB
# only as table data, never as SQL text.

from safeguard.returns.validation.census import Census
from safeguard.returns.validation.codes import sql_list
from safeguard.returns.validation.registry import rule
from safeguard.returns.validation.sql import (
    flag,
    of_child,
    of_episode,
    on,
    pick,
    return_level,
    same_episode,
)

_OPEN = "NOT present(CPPendDate)"


def _in_census(c: Census, day: str) -> str:
    return f"{day} BETWEEN {on(c.start)} AND {on(c.reference_date)}"


def _same_plan(one: str, other: str) -> str:
    return f"{same_episode(one, other)} AND {one}.plan_index = {other}.plan_index"


@rule(
    "1105",
    table="ChildProtectionPlans",
    fields=("CPPstartDate",),
    message="The child protection plan start date cannot be before the referral date",
)
def plan_after_referral(c: Census) -> str:
    return flag("cpp", "CPPstartDate", of_episode("cpp.started < e.referred", "cpp"))


@rule(
    "2883",
    table="ChildProtectionPlans",
    fields=("CPPstartDate",),
    message=(
        "There are more child protection plans starting than initial conferences taking place"
    ),
)
def no_more_plans_than_conferences(c: Census) -> str:
    plans = f"(SELECT count(*) FROM cpp WHERE {_in_census(c, 'started')})"
    conferences = (
        f"((SELECT count(*) FROM cin WHERE {_in_census(c, 'conference')}) "
        f"+ (SELECT count(*) FROM s47 WHERE {_in_census(c, 'conference')}))"
    )
    return return_level(
        "ChildProtectionPlans",
        "CPPstartDate",
        f"printf('%d plans started, %d initial conferences', {plans}, {conferences})",
        f"{plans} > {conferences}",
    )


@rule(
    "2885",
    table="ChildProtectionPlans",
    fields=("CPPstartDate",),
    message=(
        "Child protection plan shown as starting a different day to the initial child "
        "protection conference."
    ),
)
def plan_starts_at_its_conference(c: Census) -> str:
    return flag(
        "cpp",
        "CPPstartDate",
        f"{_in_census(c, 'started')} "
        f"AND NOT {of_episode('e.conference = cpp.started', 'cpp')} "
        f"AND NOT EXISTS (SELECT 1 FROM s47 WHERE {same_episode('s47', 'cpp')} "
        "AND s47.conference = cpp.started)",
    )


@rule(
    "8720",
    table="ChildProtectionPlans",
    fields=("CPPstartDate",),
    message="Child Protection Plan Start Date missing or out of data collection period",
)
def plan_start_in_period(c: Census) -> str:
    return flag("cpp", "CPPstartDate", f"started IS NULL OR started > {on(c.reference_date)}")


@rule(
    "8730",
    table="ChildProtectionPlans",
    fields=("NumberOfPreviousCPP",),
    message="Total Number of previous Child Protection Plans missing",
)
def previous_plans_counted(c: Census) -> str:
    # A count of 0 or more (the schema's positiveInteger wrongly refuses 0; the rule allows it).
    return flag(
        "cpp",
        "NumberOfPreviousCPP",
        "NOT coalesce(regexp_full_match(trim(NumberOfPreviousCPP), '[0-9]+'), false)",
    )


@rule(
    "8832",
    table="ChildProtectionPlans",
    fields=("CPPstartDate",),
    message="Child Protection details provided for a referral with no further action.",
)
def no_plan_after_nfa(c: Census) -> str:
    return flag("cpp", "CPPstartDate", of_episode("e.no_further_action", "cpp"))


@rule(
    "8840",
    table="ChildProtectionPlans",
    fields=("CPPendDate",),
    message="Child Protection Plan cannot start and end on the same day",
)
def plan_lasts_a_day_or_more(c: Census) -> str:
    return flag("cpp", "CPPendDate", "ended = started")


@rule(
    "8841",
    table="ChildProtectionPlans",
    fields=("CPPreviewDate",),
    message=(
        "The review date cannot be on the same day or before the Child protection Plan start date."
    ),
)
def review_after_plan_start(c: Census) -> str:
    return flag(
        "review",
        "CPPreviewDate",
        f"EXISTS (SELECT 1 FROM cpp WHERE {_same_plan('cpp', 'review')} "
        "AND review.reviewed <= cpp.started)",
    )


@rule(
    "8842Q",
    table="Reviews",
    fields=("CPPreviewDate",),
    message="Please check and either amend or provide a reason: Review Record has a missing date",
)
def review_has_a_date(c: Census) -> str:
    return flag("review", "CPPreviewDate", "NOT present(CPPreviewDate)")


@rule(
    "8905",
    table="ChildProtectionPlans",
    fields=("InitialCategoryOfAbuse",),
    message=(
        "Initial Category of Abuse code missing or invalid (see Category of Abuse table in CIN "
        "Census code set"
    ),
)
def initial_category_is_a_code(c: Census) -> str:
    codes = sql_list(c.codes.categories_of_abuse)
    return flag(
        "cpp",
        "InitialCategoryOfAbuse",
        f"InitialCategoryOfAbuse IS NULL OR InitialCategoryOfAbuse NOT IN {codes}",
    )


@rule(
    "8910",
    table="ChildProtectionPlans",
    fields=("LatestCategoryOfAbuse",),
    message=(
        "Latest Category of Abuse code missing or invalid (see Category of Abuse table in CIN "
        "Census code set"
    ),
)
def latest_category_is_a_code(c: Census) -> str:
    codes = sql_list(c.codes.categories_of_abuse)
    return flag(
        "cpp",
        "LatestCategoryOfAbuse",
        f"LatestCategoryOfAbuse IS NULL OR LatestCategoryOfAbuse NOT IN {codes}",
    )


@rule(
    "8915",
    table="ChildProtectionPlans",
    fields=("CPPstartDate",),
    message="Child Protection Plan shown as starting after the child’s Date of Death",
)
def plan_starts_in_life(c: Census) -> str:
    return flag("cpp", "CPPstartDate", of_child("cpp.started > ch.died", "cpp"))


@rule(
    "8920",
    table="ChildProtectionPlans",
    fields=("CPPendDate",),
    message="Child Protection Plan cannot end after the child’s Date of Death",
)
def plan_ends_in_life(c: Census) -> str:
    return flag("cpp", "CPPendDate", of_child("cpp.ended > ch.died", "cpp"))


@rule(
    "8925",
    table="ChildProtectionPlans",
    fields=("CPPendDate",),
    message="Child Protection Plan End Date earlier than Start Date",
)
def plan_ends_after_start(c: Census) -> str:
    return flag("cpp", "CPPendDate", "ended < started")


@rule(
    "8930",
    table="ChildProtectionPlans",
    fields=("CPPendDate",),
    message="Child Protection Plan End Date must fall within the census year",
)
def plan_ends_in_the_census_year(c: Census) -> str:
    return flag("cpp", "CPPendDate", f"NOT {_in_census(c, 'ended')}")


@rule(
    "8935",
    table="ChildProtectionPlans",
    fields=("CPPendDate",),
    message=(
        "This child is showing more than one open Child Protection plan, i.e. with no End Date"
    ),
)
def one_open_plan(c: Census) -> str:
    return (
        f"SELECT {pick('cpp', 'CPPendDate')} FROM (SELECT *, sum(CASE WHEN {_OPEN} THEN 1 "
        "ELSE 0 END) OVER (PARTITION BY child_id) AS open_plans FROM cpp "
        f"WHERE child_id IS NOT NULL) cpp WHERE {_OPEN} AND open_plans > 1"
    )


@rule(
    "8940",
    table="ChildProtectionPlans",
    fields=("CPPstartDate",),
    message="Child Protection Plan data contains overlapping dates",
)
def plans_do_not_overlap(c: Census) -> str:
    # Unlike CIN plans and episodes, a protection plan may not start on the day another ends.
    return flag(
        "cpp",
        "CPPstartDate",
        f"EXISTS (SELECT 1 FROM cpp b WHERE {same_episode('b', 'cpp')} "
        "AND b.row_id <> cpp.row_id AND cpp.started >= b.started "
        "AND (NOT present(b.CPPendDate) OR cpp.started <= b.ended))",
    )

"""Rules on the child's gender (to 2023-24) or sex (from 2024-25)."""

# ruff: noqa: S608 - SQL is built from the rules' own constants; a file's values reach DuckDB
# only as table data, never as SQL text.

from safeguard.returns.validation.census import Census, rulesets_from
from safeguard.returns.validation.codes import (
    GENDER_NOT_KNOWN,
    SEX_NOT_KNOWN,
    sql_list,
)
from safeguard.returns.validation.registry import rule
from safeguard.returns.validation.sql import flag, return_level

GENDER_YEARS = rulesets_from("2022-23", "2023-24")
SEX_YEARS = rulesets_from("2024-25")
# More than 2% of the born children without a recorded gender or sex is queried.
MOST_NOT_RECORDED = 0.02


def _recorded(c: Census) -> str:
    return f"gender IN {sql_list(c.codes.genders)}"


def _not_known(c: Census) -> str:
    return f"'{SEX_NOT_KNOWN if c.records_sex else GENDER_NOT_KNOWN}'"


@rule(
    "4180",
    table="ChildIdentifiers",
    fields=("GenderCurrent",),
    message="Gender is missing",
    rulesets=GENDER_YEARS,
)
def gender_is_recorded(c: Census) -> str:
    return flag("child", c.sex_field, f"gender IS NULL OR NOT {_recorded(c)}", value="gender")


@rule(
    "4180",
    table="ChildIdentifiers",
    fields=("Sex",),
    message="Sex must be provided and equal M, F, or U",
    rulesets=SEX_YEARS,
)
def sex_is_recorded(c: Census) -> str:
    return gender_is_recorded(c)


@rule(
    "8750",
    table="ChildIdentifiers",
    fields=("GenderCurrent",),
    message="Gender must equal 0 for an unborn child",
    rulesets=GENDER_YEARS,
)
def unborn_gender_not_known(c: Census) -> str:
    return flag(
        "child",
        c.sex_field,
        f"present(ExpectedPersonBirthDate) AND gender IS DISTINCT FROM {_not_known(c)}",
        value="gender",
    )


@rule(
    "8750",
    table="ChildIdentifiers",
    fields=("Sex",),
    message="Sex must equal U for an unborn child",
    rulesets=SEX_YEARS,
)
def unborn_sex_not_known(c: Census) -> str:
    return unborn_gender_not_known(c)


@rule(
    "2886Q",
    table="ChildIdentifiers",
    fields=("GenderCurrent",),
    message=(
        "Please check and either amend or provide a reason: Percentage of children with no "
        "gender recorded is more than 2% (excluding unborns"
    ),
    rulesets=GENDER_YEARS,
)
def few_children_without_gender(c: Census) -> str:
    share = (
        f"avg(CASE WHEN (gender IS NULL OR gender = {_not_known(c)}) "
        "AND NOT present(ExpectedPersonBirthDate) THEN 1.0 ELSE 0.0 END)"
    )
    return return_level(
        "ChildIdentifiers",
        c.sex_field,
        f"SELECT printf('%.1f%% of children', 100 * {share}) FROM child",
        f"(SELECT {share} FROM child) > {MOST_NOT_RECORDED}",
    )


@rule(
    "2886Q",
    table="ChildIdentifiers",
    fields=("Sex",),
    message=(
        "Please check and either amend or provide a reason: Percentage of children with no "
        "sex recorded is more than 2% (excluding unborns"
    ),
    rulesets=SEX_YEARS,
)
def few_children_without_sex(c: Census) -> str:
    return few_children_without_gender(c)

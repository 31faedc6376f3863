"""Rules on the child's characteristics: ethnicity and disabilities."""

# ruff: noqa: S608 - SQL is built from the rules' own constants; a file's values reach DuckDB
# only as table data, never as SQL text.

from safeguard.returns.validation.census import Census
from safeguard.returns.validation.codes import NO_DISABILITY, sql_list
from safeguard.returns.validation.registry import rule
from safeguard.returns.validation.sql import flag, return_level

# A return using fewer disability codes than this is queried.
FEWEST_DISABILITY_CODES = 8
_WRITTEN = "array_to_string(disabilities, ' ')"
_OTHER_THAN_NONE = f"list_filter(disabilities, lambda d: d <> '{NO_DISABILITY}')"


@rule(
    "4220",
    table="ChildCharacteristics",
    fields=("Ethnicity",),
    message="Ethnicity is missing or invalid (see Ethnicity table",
)
def ethnicity_is_recorded(c: Census) -> str:
    codes = sql_list(c.codes.ethnicities)
    return flag("child", "Ethnicity", f"Ethnicity IS NULL OR Ethnicity NOT IN {codes}")


@rule(
    "8540",
    table="ChildCharacteristics",
    fields=("Disability",),
    message="Child’s disability is missing or invalid (see Disability table",
)
def disability_is_recorded(c: Census) -> str:
    codes = sql_list(c.codes.disabilities)
    return flag(
        "child",
        "Disability",
        "present(PersonBirthDate) AND child_id IN (SELECT child_id FROM cin "
        "WHERE no_further_action = false AND child_id IS NOT NULL) "
        f"AND (coalesce(len(disabilities), 0) = 0 "
        f"OR len(list_filter(disabilities, lambda d: d IS NULL OR d NOT IN {codes})) > 0)",
        value=_WRITTEN,
    )


@rule(
    "8790",
    table="Disabilities",
    fields=("Disability",),
    message="Disability information includes both None and other values",
)
def none_stands_alone(c: Census) -> str:
    return flag(
        "child",
        "Disability",
        f"list_contains(disabilities, '{NO_DISABILITY}') AND len({_OTHER_THAN_NONE}) > 0",
        value=_WRITTEN,
    )


@rule(
    "8794",
    table="Disabilities",
    fields=("Disability",),
    message="Child has two or more disabilities with the same code",
)
def no_disability_twice(c: Census) -> str:
    return flag(
        "child",
        "Disability",
        "len(list_distinct(disabilities)) "
        "< len(list_filter(disabilities, lambda d: d IS NOT NULL))",
        value=_WRITTEN,
    )


@rule(
    "2887Q",
    table="Disabilities",
    fields=("Disability",),
    message=(
        "Please check and either amend or provide a reason: Less than 8 disability codes have "
        "been used in your return"
    ),
)
def many_disability_codes_used(c: Census) -> str:
    codes = sql_list(c.codes.disabilities)
    used = (
        "SELECT count(DISTINCT Disability) FROM disability "
        f"WHERE Disability IN {codes} AND Disability <> '{NO_DISABILITY}'"
    )
    return return_level(
        "Disabilities",
        "Disability",
        f"SELECT printf('%d codes used', ({used}))",
        f"({used}) < {FEWEST_DISABILITY_CODES}",
    )


@rule(
    "2888Q",
    table="Disabilities",
    fields=("Disability",),
    message=(
        "Please check and either amend or provide a reason: Only one disability code is "
        "recorded per child and multiple disabilities should be recorded where possible."
    ),
)
def some_child_has_several_disabilities(c: Census) -> str:
    most = f"SELECT max(len({_OTHER_THAN_NONE})) FROM child"
    return return_level(
        "Disabilities", "Disability", "'at most one code per child'", f"({most}) = 1"
    )

"""Rules on who the child is: the LA's child ID, dates of birth and death, and an episode."""

# ruff: noqa: S608 - SQL is built from the rules' own constants; a file's values reach DuckDB
# only as table data, never as SQL text.

from datetime import date

from safeguard.returns.validation.census import Census, rulesets_from
from safeguard.returns.validation.registry import rule
from safeguard.returns.validation.sql import flag, on, pick

CHILD_IDS_CHECKED_FROM = "2024-25"
LONGEST_CHILD_ID = 20
# An unborn child is expected from March to December of the year the census ends.
EXPECTED_FROM_MONTH, EXPECTED_TO_MONTH = 3, 12
OLDEST_AGE = 25


@rule("8500", table="ChildIdentifiers", fields=("LAchildID",), message="LA Child ID missing")
def child_id_is_present(c: Census) -> str:
    return flag("child", "LAchildID", "NOT present(LAchildID)")


@rule(
    "8510",
    table="ChildIdentifiers",
    fields=("LAchildID",),
    message="More than one child record with the same LA Child ID",
)
def child_id_is_unique(c: Census) -> str:
    return (
        f"SELECT {pick('child', 'LAchildID')} FROM ("
        "SELECT *, count(*) OVER (PARTITION BY LAchildID) AS records FROM child "
        "WHERE present(LAchildID)) child WHERE records > 1"
    )


@rule(
    "1570",
    table="ChildIdentifiers",
    fields=("LAchildID",),
    message="LA Child ID must not be longer than 20 characters",
    rulesets=rulesets_from(CHILD_IDS_CHECKED_FROM),
)
def child_id_is_short_enough(c: Census) -> str:
    return flag("child", "LAchildID", f"length(LAchildID) > {LONGEST_CHILD_ID}")


@rule(
    "1580",
    table="ChildIdentifiers",
    fields=("LAchildID",),
    message="LA Child ID must not contain any non-alphanumeric characters",
    rulesets=rulesets_from(CHILD_IDS_CHECKED_FROM),
)
def child_id_is_letters_and_digits(c: Census) -> str:
    return flag("child", "LAchildID", "regexp_matches(LAchildID, '[^A-Za-z0-9]')")


@rule(
    "8520",
    table="ChildIdentifiers",
    fields=("PersonBirthDate",),
    message=(
        "Date of Birth is after data collection period (must be on or before the end of the "
        "census period"
    ),
)
def born_by_the_end_of_the_census(c: Census) -> str:
    return flag("child", "PersonBirthDate", f"born > {on(c.reference_date)}")


@rule(
    "8525Q",
    table="ChildIdentifiers",
    fields=("PersonBirthDate", "ExpectedPersonBirthDate"),
    message=("Either Date of Birth or Expected Date of Birth must be provided (but not both"),
)
def born_or_expected(c: Census) -> str:
    return flag(
        "child",
        "PersonBirthDate",
        "present(PersonBirthDate) = present(ExpectedPersonBirthDate)",
    )


@rule(
    "8530Q",
    table="ChildIdentifiers",
    fields=("ExpectedPersonBirthDate",),
    message=(
        "Please check and either amend data or provide a reason: Expected Date of Birth is "
        "outside the expected range for this census (March to December of the Census Year end"
    ),
)
def expected_in_the_census_year_end(c: Census) -> str:
    first = date(c.end_year, EXPECTED_FROM_MONTH, 1)
    last = date(c.end_year, EXPECTED_TO_MONTH, 31)
    return flag(
        "child", "ExpectedPersonBirthDate", f"expected NOT BETWEEN {on(first)} AND {on(last)}"
    )


@rule(
    "8535Q",
    table="ChildIdentifiers",
    fields=("PersonDeathDate",),
    message=(
        "Please check and either amend data or provide a reason: Child’s date of death should "
        "not be prior to the date of birth"
    ),
)
def died_after_birth(c: Census) -> str:
    return flag("child", "PersonDeathDate", "died < born")


@rule(
    "8545Q",
    table="ChildIdentifiers",
    fields=("PersonDeathDate",),
    message=(
        "Please check and either amend data or provide a reason: Child's date of death should "
        "be within the census year"
    ),
)
def died_in_the_census_year(c: Census) -> str:
    return flag(
        "child", "PersonDeathDate", f"died NOT BETWEEN {on(c.start)} AND {on(c.reference_date)}"
    )


@rule(
    "8775Q",
    table="ChildIdentifiers",
    fields=("PersonBirthDate",),
    message=("Please check and either amend data or provide a reason: Child is over 25 years old"),
)
def not_over_25(c: Census) -> str:
    return flag("child", "PersonBirthDate", f"born < {on(c.years_before_end(OLDEST_AGE))}")


@rule(
    "8590",
    table="ChildIdentifiers",
    fields=("LAchildID",),
    message="Child does not have a recorded CIN episode.",
)
def has_an_episode(c: Census) -> str:
    return flag(
        "child",
        "LAchildID",
        "present(LAchildID) AND LAchildID NOT IN (SELECT child_id FROM cin WHERE child_id "
        "IS NOT NULL)",
    )

"""Rules on assessments and the factors identified at them.

An assessment is completed when it has an authorisation date (its end date); only a completed
assessment has factors.
"""

# ruff: noqa: S608 - SQL is built from the rules' own constants; a file's values reach DuckDB
# only as table data, never as SQL text.

from safeguard.returns.validation.census import Census, rulesets_from
from safeguard.returns.validation.codes import (
    CLOSED_AFTER_ASSESSMENT,
    NO_FACTORS,
    PHYSICAL_ABUSE_UNSPLIT,
    SEXUAL_ABUSE_UNSPLIT,
    UNSPLIT_FACTORS_FROM,
    sql_list,
)
from safeguard.returns.validation.registry import rule
from safeguard.returns.validation.sql import flag, of_episode, on, pick, same_episode

_OPEN = "NOT present(AssessmentAuthorisationDate)"
_FACTORS = "list_filter(factors, lambda f: f IS NOT NULL)"
_WRITTEN = "array_to_string(factors, ' ')"


@rule(
    "1103",
    table="Assessments",
    fields=("AssessmentActualStartDate",),
    message="The assessment start date cannot be before the referral date",
)
def started_after_referral(c: Census) -> str:
    return flag(
        "assessment",
        "AssessmentActualStartDate",
        of_episode("assessment.started < e.referred", "assessment"),
    )


@rule(
    "8608",
    table="Assessments",
    fields=("AssessmentActualStartDate",),
    message="Assessment Start Date cannot be later than its End Date",
)
def started_before_authorised(c: Census) -> str:
    return flag("assessment", "AssessmentActualStartDate", "started > authorised")


@rule(
    "8614",
    table="Assessments",
    fields=("AssessmentFactors",),
    message=(
        "Parental or child factors at assessment should only be present for a completed assessment."
    ),
)
def factors_only_when_completed(c: Census) -> str:
    return flag(
        "assessment", "AssessmentFactors", f"{_OPEN} AND len({_FACTORS}) > 0", value=_WRITTEN
    )


@rule(
    "8670Q",
    table="Assessments",
    fields=("AssessmentActualStartDate",),
    message=(
        "Please check and either amend data or provide a reason: Assessment started more than "
        "45 working days before the end of the census year. However, there is no Assessment "
        "end date."
    ),
)
def open_assessment_not_overdue(c: Census) -> str:
    return flag(
        "assessment",
        "AssessmentActualStartDate",
        f"{_OPEN} AND started <= {on(c.assessment_overdue_if_started_by)}",
    )


@rule(
    "8696",
    table="Assessments",
    fields=("AssessmentAuthorisationDate",),
    message="Assessment end date must fall within the census year",
)
def authorised_in_the_census_year(c: Census) -> str:
    return flag(
        "assessment",
        "AssessmentAuthorisationDate",
        f"authorised NOT BETWEEN {on(c.start)} AND {on(c.reference_date)}",
    )


@rule(
    "8736",
    table="Assessments",
    fields=("AssessmentActualStartDate",),
    message=(
        "For an Assessment that has not been completed, the start date must fall within the "
        "census year"
    ),
)
def open_assessment_started_in_the_census_year(c: Census) -> str:
    return flag(
        "assessment",
        "AssessmentActualStartDate",
        f"{_OPEN} AND started NOT BETWEEN {on(c.start)} AND {on(c.reference_date)}",
    )


@rule(
    "8863Q",
    table="Assessments",
    fields=("AssessmentActualStartDate",),
    message="An Assessment is shown as starting when there is another Assessment ongoing.",
)
def one_assessment_at_a_time(c: Census) -> str:
    return flag(
        "assessment",
        "AssessmentActualStartDate",
        f"EXISTS (SELECT 1 FROM assessment b WHERE {same_episode('b', 'assessment')} "
        "AND b.row_id <> assessment.row_id AND assessment.started >= b.started "
        "AND (NOT present(b.AssessmentAuthorisationDate) OR assessment.started < b.authorised))",
    )


@rule(
    "8869",
    table="Assessments",
    fields=("AssessmentFactors",),
    message=(
        "The assessment factors code “21” cannot be used in conjunction with any other "
        "assessment factors."
    ),
)
def no_factors_stands_alone(c: Census) -> str:
    return flag(
        "assessment",
        "AssessmentFactors",
        f"list_contains(factors, '{NO_FACTORS}') "
        f"AND len(list_filter(factors, lambda f: f <> '{NO_FACTORS}')) > 0",
        value=_WRITTEN,
    )


@rule(
    "8873Q",
    table="Assessments",
    fields=("ReasonForClosure",),
    message=(
        "Please check and either amend data or provide a reason: When there is only one "
        "assessment on the episode and the factors code “21 No factors identified” has been "
        "used for the completed assessment, the reason for closure ‘RC8’ or 'RC9' should be "
        "used."
    ),
)
def no_factors_closed_after_assessment(c: Census) -> str:
    return (
        f"SELECT {pick('cin', 'ReasonForClosure')} FROM cin JOIN (SELECT child_id, "
        "referral_index FROM assessment GROUP BY child_id, referral_index HAVING count(*) = 1 "
        f"AND bool_or(coalesce(list_contains(factors, '{NO_FACTORS}'), false))) single "
        f"ON {same_episode('single', 'cin')} "
        f"WHERE coalesce(ReasonForClosure NOT IN {sql_list(CLOSED_AFTER_ASSESSMENT)}, true)"
    )


@rule(
    "8896",
    table="Assessments",
    fields=("AssessmentAuthorisationDate",),
    message="Within one CINDetails group there are 2 or more open Assessments groups",
)
def one_open_assessment(c: Census) -> str:
    return (
        f"SELECT {pick('assessment', 'AssessmentAuthorisationDate')} FROM (SELECT *, "
        f"sum(CASE WHEN {_OPEN} THEN 1 ELSE 0 END) OVER (PARTITION BY child_id, "
        f"referral_index) AS open_assessments FROM assessment) assessment "
        f"WHERE {_OPEN} AND open_assessments > 1"
    )


@rule(
    "8897Q",
    table="Assessments",
    fields=("AssessmentFactors",),
    message=(
        "Parental or child factors at assessment information is missing from a completed assessment"
    ),
)
def completed_assessment_has_factors(c: Census) -> str:
    return flag(
        "assessment",
        "AssessmentFactors",
        f"NOT {_OPEN} AND coalesce(len({_FACTORS}), 0) = 0",
        value=_WRITTEN,
    )


@rule(
    "8898",
    table="Assessments",
    fields=("AssessmentFactors",),
    message="The assessment has more than one parental or child factors with the same code",
)
def no_factor_twice(c: Census) -> str:
    return flag(
        "assessment",
        "AssessmentFactors",
        f"len(list_distinct(factors)) < len({_FACTORS})",
        value=_WRITTEN,
    )


@rule(
    "8945Q",
    table="Assessments",
    fields=("AssessmentFactors",),
    message=(
        "Please check and either amend data or provide a reason: the assessment factors code "
        "'18A' should not be used ('18B' or '18C' should be used instead"
    ),
    rulesets=rulesets_from(UNSPLIT_FACTORS_FROM),
)
def physical_abuse_factor_split(c: Census) -> str:
    return flag(
        "assessment",
        "AssessmentFactors",
        f"list_contains(factors, '{PHYSICAL_ABUSE_UNSPLIT}')",
        value=_WRITTEN,
    )


@rule(
    "8950Q",
    table="Assessments",
    fields=("AssessmentFactors",),
    message=(
        "Please check and either amend data or provide a reason: the assessment factors code "
        "'19A' should not be used ('19B' or '19C' should be used instead"
    ),
    rulesets=rulesets_from(UNSPLIT_FACTORS_FROM),
)
def sexual_abuse_factor_split(c: Census) -> str:
    return flag(
        "assessment",
        "AssessmentFactors",
        f"list_contains(factors, '{SEXUAL_ABUSE_UNSPLIT}')",
        value=_WRITTEN,
    )

"""Checks of a value's form that the census schema makes and no DfE rule repeats.

The DfE's rules run on files that have passed the schema, so none of them says that
"2023-02-30" is not a date. A raw file may hold anything; these checks report a value that is
present but cannot be read, where the rules that use it can only treat it as missing. They are
not in the DfE's catalogue, and their codes say so.
"""

from safeguard.returns.validation.census import Census
from safeguard.returns.validation.codes import sql_list
from safeguard.returns.validation.registry import rule
from safeguard.returns.validation.sql import flag, union

# These checks span the census's modules; each issue names the one its value sits in.
ANY_TABLE = ""
# Every date element, as (typed table, element, the date read from it).
DATES = (
    ("header", "ReferenceDate", "reference"),
    ("child", "PersonBirthDate", "born"),
    ("child", "ExpectedPersonBirthDate", "expected"),
    ("child", "PersonDeathDate", "died"),
    ("cin", "CINreferralDate", "referred"),
    ("cin", "CINclosureDate", "closed"),
    ("cin", "DateOfInitialCPC", "conference"),
    ("assessment", "AssessmentActualStartDate", "started"),
    ("assessment", "AssessmentInternalReviewDate", "as_date(AssessmentInternalReviewDate)"),
    ("assessment", "AssessmentAuthorisationDate", "authorised"),
    ("cin_plan", "CINPlanStartDate", "started"),
    ("cin_plan", "CINPlanEndDate", "ended"),
    ("s47", "S47ActualStartDate", "started"),
    ("s47", "InitialCPCtarget", "target"),
    ("s47", "DateOfInitialCPC", "conference"),
    ("cpp", "CPPstartDate", "started"),
    ("cpp", "CPPendDate", "ended"),
    ("review", "CPPreviewDate", "reviewed"),
)


@rule(
    "FORM-DATE",
    table=ANY_TABLE,
    fields=tuple(dict.fromkeys(field for _, field, _ in DATES)),
    message="The value is not a date: write a real date as YYYY-MM-DD, like 2023-03-31",
    in_catalogue=False,
)
def dates_are_dates(c: Census) -> str:
    return union(
        *(
            flag(source, field, f"present({field}) AND {read} IS NULL")
            for source, field, read in DATES
        )
    )


@rule(
    "FORM-FLAG",
    table="Section47",
    fields=("ICPCnotRequired",),
    message="The value is not a yes or no: write true or false (or 1 or 0)",
    in_catalogue=False,
)
def flags_are_yes_or_no(c: Census) -> str:
    return flag("s47", "ICPCnotRequired", "conference_not_required IS NULL")


@rule(
    "FORM-CODE",
    table=ANY_TABLE,
    fields=("UPNunknown", "AssessmentFactors"),
    message="The value is not one of the census's codes for this item",
    in_catalogue=False,
)
def codes_are_codes(c: Census) -> str:
    factors = sql_list(c.codes.assessment_factors)
    return union(
        flag(
            "child",
            "UPNunknown",
            f"present(UPNunknown) AND UPNunknown NOT IN {sql_list(c.codes.upn_unknown)}",
        ),
        flag(
            "assessment",
            "AssessmentFactors",
            f"len(list_filter(factors, lambda f: f IS NULL OR f NOT IN {factors})) > 0",
            value="array_to_string(factors, ' ')",
        ),
    )

"""The CIN census code lists each ruleset checks against, taken from the project's statutory codes.

The lists live with the apps that record them (people, frontdoor, casework); here each year's
differences are applied. Checked against every year's XSD by
tests/returns/test_validation_codes.py.
"""

from dataclasses import dataclass

from safeguard.casework.codes import AssessmentFactor, CategoryOfAbuse
from safeguard.frontdoor.codes import PrimaryNeed, ReferralSource
from safeguard.people.codes import Disability, Ethnicity, Gender, UpnUnknown

# The reasons for closure are frontdoor.models.ReasonForClosure's; importing that models module
# would tie the validator (and its command and benchmark) to a configured Django.
REASONS_FOR_CLOSURE = tuple(f"RC{n}" for n in range(1, 10))
DIED = "RC2"
# Case closed after assessment: with no further action (RC8), or referred to early help (RC9).
CLOSED_AFTER_ASSESSMENT = ("RC8", "RC9")
SEX = ("M", "F", "U")
SEX_NOT_KNOWN = "U"
GENDER_NOT_KNOWN = Gender.NOT_KNOWN.value
NO_DISABILITY = Disability.NONE.value
NO_FACTORS = AssessmentFactor.NO_FACTORS.value
# The physical and sexual abuse factors from before the child-on-child and adult-on-child split.
# From 2024-25 rules 8945Q and 8950Q query them, so they are not also reported as unknown codes.
UNSPLIT_FACTORS_FROM = "2024-25"
PHYSICAL_ABUSE_UNSPLIT = "18A"
SEXUAL_ABUSE_UNSPLIT = "19A"


@dataclass(frozen=True)
class CodeLists:
    referral_sources: tuple[str, ...]
    primary_needs: tuple[str, ...]
    reasons_for_closure: tuple[str, ...]
    genders: tuple[str, ...]
    ethnicities: tuple[str, ...]
    disabilities: tuple[str, ...]
    upn_unknown: tuple[str, ...]
    categories_of_abuse: tuple[str, ...]
    assessment_factors: tuple[str, ...]


def code_lists(ruleset: str, records_sex: bool) -> CodeLists:
    factors = tuple(AssessmentFactor.values)
    if ruleset >= UNSPLIT_FACTORS_FROM:
        factors += (PHYSICAL_ABUSE_UNSPLIT, SEXUAL_ABUSE_UNSPLIT)
    return CodeLists(
        referral_sources=tuple(ReferralSource.values),
        primary_needs=tuple(PrimaryNeed.values),
        reasons_for_closure=REASONS_FOR_CLOSURE,
        genders=SEX if records_sex else tuple(Gender.values),
        ethnicities=tuple(Ethnicity.values),
        disabilities=tuple(Disability.values),
        upn_unknown=tuple(UpnUnknown.values),
        categories_of_abuse=tuple(CategoryOfAbuse.values),
        assessment_factors=factors,
    )


def sql_list(codes: tuple[str, ...]) -> str:
    """A code list as a SQL list literal; codes are our own constants, never input."""
    return "(" + ", ".join(f"'{code}'" for code in codes) + ")"

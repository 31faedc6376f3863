"""Rules on each CIN episode's own details: referral, need, source, closure and the NFA flag."""

from safeguard.returns.validation.census import Census
from safeguard.returns.validation.codes import DIED, sql_list
from safeguard.returns.validation.registry import rule
from safeguard.returns.validation.sql import flag, of_child, on

# A referral may be made at most 40 weeks before the child is born (or expected).
MOST_DAYS_BEFORE_BIRTH = 280


@rule(
    "8600",
    table="CINdetails",
    fields=("CINreferralDate",),
    message="Child referral date missing or after data collection period",
)
def referral_date_in_period(c: Census) -> str:
    return flag("cin", "CINreferralDate", f"referred IS NULL OR referred > {on(c.reference_date)}")


@rule(
    "8606",
    table="CINdetails",
    fields=("CINreferralDate",),
    message="Child referral date is more than 40 weeks before DOB or expected DOB",
)
def referral_not_long_before_birth(c: Census) -> str:
    return flag(
        "cin",
        "CINreferralDate",
        of_child(
            f"(date_diff('day', cin.referred, ch.born) > {MOST_DAYS_BEFORE_BIRTH} "
            f"OR date_diff('day', cin.referred, ch.expected) > {MOST_DAYS_BEFORE_BIRTH})",
            "cin",
        ),
    )


@rule(
    "8555Q",
    table="CINdetails",
    fields=("CINreferralDate",),
    message="Child cannot be referred after its recorded date of death",
)
def referral_before_death(c: Census) -> str:
    return flag("cin", "CINreferralDate", of_child("cin.referred > ch.died", "cin"))


@rule(
    "8568", table="CINdetails", fields=("ReferralNFA",), message="RNFA flag is missing or invalid"
)
def nfa_flag_is_recorded(c: Census) -> str:
    return flag("cin", "ReferralNFA", "no_further_action IS NULL")


@rule(
    "8569Q",
    table="CINdetails",
    fields=("ReferralNFA",),
    message=(
        "A case with referral date before one working day prior to the collection start date "
        "must not be flagged as a no further action case"
    ),
)
def old_referral_not_nfa(c: Census) -> str:
    return flag(
        "cin",
        "ReferralNFA",
        f"referred < {on(c.last_working_day_before_start)} AND no_further_action",
    )


@rule(
    "8610",
    table="CINdetails",
    fields=("PrimaryNeedCode",),
    message="Primary Need code is missing for a referral which led to further action.",
)
def primary_need_when_acted_on(c: Census) -> str:
    return flag(
        "cin", "PrimaryNeedCode", "no_further_action = false AND NOT present(PrimaryNeedCode)"
    )


@rule(
    "8650",
    table="CINdetails",
    fields=("PrimaryNeedCode",),
    message="Primary Need Code invalid (see Primary Need table in CIN census code set",
)
def primary_need_is_a_code(c: Census) -> str:
    return flag(
        "cin",
        "PrimaryNeedCode",
        f"present(PrimaryNeedCode) AND PrimaryNeedCode NOT IN {sql_list(c.codes.primary_needs)}",
    )


@rule(
    "8866",
    table="CINdetails",
    fields=("ReferralSource",),
    message="Source of Referral is missing or an invalid code",
)
def referral_source_is_a_code(c: Census) -> str:
    codes = sql_list(c.codes.referral_sources)
    return flag("cin", "ReferralSource", f"ReferralSource IS NULL OR ReferralSource NOT IN {codes}")


@rule(
    "8620",
    table="CINdetails",
    fields=("CINclosureDate",),
    message="CIN Closure Date present and does not fall within the Census year",
)
def closed_in_the_census_year(c: Census) -> str:
    return flag(
        "cin", "CINclosureDate", f"closed NOT BETWEEN {on(c.start)} AND {on(c.reference_date)}"
    )


@rule(
    "8630",
    table="CINdetails",
    fields=("CINclosureDate",),
    message="CIN Closure Date is before CIN Referral Date for the same CIN episode",
)
def closed_after_referral(c: Census) -> str:
    return flag("cin", "CINclosureDate", "closed < referred")


@rule(
    "8640",
    table="CINdetails",
    fields=("ReasonForClosure",),
    message=(
        "CIN Reason for closure code invalid (see Reason for Closure table in CIN Census code set"
    ),
)
def closure_reason_is_a_code(c: Census) -> str:
    codes = sql_list(c.codes.reasons_for_closure)
    return flag(
        "cin", "ReasonForClosure", f"present(ReasonForClosure) AND ReasonForClosure NOT IN {codes}"
    )


@rule(
    "8805",
    table="CINdetails",
    fields=("ReasonForClosure",),
    message="A CIN case cannot have a CIN closure date without a Reason for Closure",
)
def closure_has_a_reason(c: Census) -> str:
    return flag(
        "cin", "ReasonForClosure", "present(CINclosureDate) AND NOT present(ReasonForClosure)"
    )


@rule(
    "8810",
    table="CINdetails",
    fields=("CINclosureDate",),
    message="A CIN case cannot have a Reason for Closure without a CIN Closure Date",
)
def reason_has_a_closure(c: Census) -> str:
    return flag(
        "cin", "CINclosureDate", "present(ReasonForClosure) AND NOT present(CINclosureDate)"
    )


@rule(
    "8585Q",
    table="CINdetails",
    fields=("ReasonForClosure",),
    message=(
        "Please check and either amend or provide a reason: CIN episode shows Died as the "
        "Closure Reason, however child has no recorded Date of Death"
    ),
)
def died_has_a_death_date(c: Census) -> str:
    return flag(
        "cin",
        "ReasonForClosure",
        f"ReasonForClosure = '{DIED}' AND {of_child('NOT present(ch.PersonDeathDate)', 'cin')}",
    )

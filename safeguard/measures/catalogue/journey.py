"""The child's journey: the national measures of the CIN census (DfE tables A, B, C and D).

Each matches the definition in MEASURES.md and the DfE table named with it. Plans at 31 March
are children: a child with two plans open at once (poor data) is counted once, under the plan
that started last.
"""

import ibis
import ibis.expr.types as ir

from safeguard.casework.codes import CategoryOfAbuse
from safeguard.measures.catalogue.base import (
    POPULATION,
    Context,
    Formula,
    family,
    flag,
    journey_measure,
)
from safeguard.measures.registry import Measure, Period, Polarity, Unit

TWELVE_MONTHS = ibis.interval(months=12)


@family
def _referrals(context: Context) -> ir.Table:
    """Referrals starting in the year; a re-referral when the child had another referral in the
    12 months before it (on or after the same date a year earlier, and before this one's date)."""
    referrals = context.table("referrals")
    starting = context.in_year(referrals, "referral_date")
    earlier = referrals.select(_la="la", _child="child_id", _earlier="referral_date")
    again = (
        starting.join(
            earlier,
            [
                starting.la == earlier._la,
                starting.child_id == earlier._child,
                earlier._earlier < starting.referral_date,
                earlier._earlier >= starting.referral_date - TWELVE_MONTHS,
            ],
        )
        .select(_la="la", _referral="referral_id")
        .distinct()
        .mutate(_again=1)
    )
    marked = starting.left_join(
        again, [starting.la == again._la, starting.referral_id == again._referral]
    )
    return marked.select(
        "la",
        "year",
        "child_id",
        referral=ibis.literal(1),
        nfa=flag(marked.nfa),
        rereferral=flag(marked._again.notnull()),
    )


@family
def _closures(context: Context) -> ir.Table:
    """Referrals (CIN episodes) closing in the year, and whether closed after assessment with no
    further action (RC8)."""
    closing = context.in_year(context.table("referrals"), "closure_date")
    return closing.select(
        "la",
        "year",
        "child_id",
        closed=ibis.literal(1),
        not_in_need=flag(closing.closure_reason == "RC8"),
    )


@family
def _assessments(context: Context) -> ir.Table:
    """Assessments authorised in the year, with their length in working days from the start."""
    authorised = context.in_year(context.table("assessments"), "authorisation_date")
    timed = context.working_days(authorised, "start_date", "authorisation_date", "working_days")
    return timed.select(
        "la",
        "year",
        "child_id",
        "working_days",
        authorised=ibis.literal(1),
        within_45=flag(timed.working_days <= 45),
    )


@family
def _enquiries(context: Context) -> ir.Table:
    """Section 47 enquiries starting in the year."""
    starting = context.in_year(context.table("section47"), "start_date")
    return starting.select("la", "year", "child_id", enquiry=ibis.literal(1))


@family
def _conferences(context: Context) -> ir.Table:
    """Initial conferences held in the year, timed from their enquiry's start; a conference dated
    before its enquiry is left out of the timeliness figure (as the DfE does)."""
    held = context.in_year(context.table("section47"), "icpc_date")
    timed = context.working_days(held, "start_date", "icpc_date", "working_days")
    in_order = timed.icpc_date >= timed.start_date
    return timed.select(
        "la",
        "year",
        "child_id",
        conference=ibis.literal(1),
        timed=flag(in_order),
        within_15=flag(in_order & (timed.working_days <= 15)),
    )


CATEGORIES = {
    "neglect": CategoryOfAbuse.NEGLECT,
    "emotional": CategoryOfAbuse.EMOTIONAL,
    "physical": CategoryOfAbuse.PHYSICAL,
    "sexual": CategoryOfAbuse.SEXUAL,
    "multiple": CategoryOfAbuse.MULTIPLE,
}


@family
def _plans_at_year_end(context: Context) -> ir.Table:
    """Children on a protection plan at 31 March, by the plan's initial category; open two years
    or more when it started on or before 31 March two years earlier."""
    plans = context.open_at_year_end(context.table("cp_plans"), "start_date", "end_date")
    latest_first = ibis.window(
        group_by=[plans.la, plans.year, plans.child_id],
        order_by=[plans.start_date.desc(), plans.cp_plan_id.desc()],
    )
    one_per_child = plans.filter(ibis.row_number().over(latest_first) == 0)
    return one_per_child.select(
        "la",
        "year",
        "child_id",
        on_plan=ibis.literal(1),
        two_years=flag(one_per_child.start_date <= one_per_child.two_years_before),
        **{
            name: flag(one_per_child.initial_category == str(code))
            for name, code in CATEGORIES.items()
        },
    )


@family
def _plan_starts(context: Context) -> ir.Table:
    """Plans starting in the year; a second or subsequent plan when the plan says the child had
    earlier plans, or the dataset holds an earlier one."""
    plans = context.table("cp_plans")
    first_start = plans.start_date.min().over(group_by=[plans.la, plans.child_id])
    starting = context.in_year(plans.mutate(_first_start=first_start), "start_date")
    return starting.select(
        "la",
        "year",
        "child_id",
        started=ibis.literal(1),
        subsequent=flag(
            (starting.previous_plans.fill_null(0) > 0)
            | (starting._first_start < starting.start_date)
        ),
    )


@family
def _children_in_need(context: Context) -> ir.Table:
    """Children with a CIN episode (referral) open at 31 March."""
    referrals = context.table("referrals")
    open_ = context.open_at_year_end(referrals, "referral_date", "closure_date")
    return open_.select("la", "year", "child_id").distinct().mutate(in_need=ibis.literal(1))


REFERRALS_RATE = journey_measure(
    Measure(
        id="referrals_rate",
        title="Referrals per 10,000 children",
        definition=(
            "Referrals to children's social care (children in need episodes) starting in the "
            "year, for every 10,000 children aged 0 to 17 living in the area."
        ),
        numerator="Referrals starting in the year",
        denominator="Children aged 0 to 17 (ONS mid-year estimate)",
        unit=Unit.PER_10K,
        period=Period.YEAR,
        polarity=Polarity.NEITHER,
        priority="journey",
        dfe_table="C1 / A2",
        headline=True,
    ),
    _referrals["referral"],
    POPULATION,
)

REREFERRAL_PCT = journey_measure(
    Measure(
        id="rereferral_pct",
        title="Re-referrals within 12 months",
        definition=(
            "Of the referrals starting in the year, the share about a child who had another "
            "referral in the 12 months before it."
        ),
        numerator="Referrals in the year where the child had a referral in the 12 months before",
        denominator="Referrals starting in the year",
        unit=Unit.PERCENT,
        period=Period.YEAR,
        polarity=Polarity.LOWER_IS_BETTER,
        priority="journey",
        dfe_table="C1",
        headline=True,
    ),
    _referrals["rereferral"],
    _referrals["referral"],
)

REFERRAL_NFA_PCT = journey_measure(
    Measure(
        id="referral_nfa_pct",
        title="Referrals resulting in no further action",
        definition=(
            "Of the referrals starting in the year, the share where children's social care "
            "decided on no further action (the census's ReferralNFA)."
        ),
        numerator="Referrals in the year with no further action",
        denominator="Referrals starting in the year",
        unit=Unit.PERCENT,
        period=Period.YEAR,
        polarity=Polarity.LOWER_IS_BETTER,
        priority="journey",
        dfe_table="C1",
    ),
    _referrals["nfa"],
    _referrals["referral"],
)

ASSESSED_NOT_IN_NEED_PCT = journey_measure(
    Measure(
        id="assessed_not_in_need_pct",
        title="Assessed as not in need",
        definition=(
            "Children in need episodes closed in the year after an assessment found no further "
            "action was needed (reason RC8), as a share of the referrals starting in the year."
        ),
        numerator="Episodes closed in the year with reason RC8",
        denominator="Referrals starting in the year",
        unit=Unit.PERCENT,
        period=Period.YEAR,
        polarity=Polarity.LOWER_IS_BETTER,
        priority="journey",
        dfe_table="C1",
    ),
    _closures["not_in_need"],
    _referrals["referral"],
)

ASSESSMENT_45WD_PCT = journey_measure(
    Measure(
        id="assessment_45wd_pct",
        title="Assessments completed within 45 working days",
        definition=(
            "Of the assessments authorised in the year, the share authorised within 45 working "
            "days of their start."
        ),
        numerator="Assessments authorised in the year within 45 working days",
        denominator="Assessments authorised in the year",
        unit=Unit.PERCENT,
        period=Period.YEAR,
        polarity=Polarity.HIGHER_IS_BETTER,
        priority="journey",
        dfe_table="C2",
        headline=True,
    ),
    _assessments["within_45"],
    _assessments["authorised"],
)

ASSESSMENT_MEDIAN_WD = journey_measure(
    Measure(
        id="assessment_median_wd",
        title="Median length of assessments",
        definition=(
            "The median number of working days from an assessment's start to its authorisation, "
            "over the assessments authorised in the year."
        ),
        numerator="Median working days from start to authorisation",
        denominator="Assessments authorised in the year",
        unit=Unit.WORKING_DAYS,
        period=Period.YEAR,
        polarity=Polarity.LOWER_IS_BETTER,
        priority="journey",
        dfe_table="C2",
    ),
    None,
    _assessments["authorised"],
    median=_assessments["working_days"],
)

S47_RATE = journey_measure(
    Measure(
        id="s47_rate",
        title="Section 47 enquiries per 10,000 children",
        definition=(
            "Section 47 enquiries (into whether a child is suffering or likely to suffer "
            "significant harm) starting in the year, for every 10,000 children aged 0 to 17."
        ),
        numerator="Section 47 enquiries starting in the year",
        denominator="Children aged 0 to 17 (ONS mid-year estimate)",
        unit=Unit.PER_10K,
        period=Period.YEAR,
        polarity=Polarity.NEITHER,
        priority="journey",
        dfe_table="C4",
    ),
    _enquiries["enquiry"],
    POPULATION,
)

ICPC_RATE = journey_measure(
    Measure(
        id="icpc_rate",
        title="Initial child protection conferences per 10,000 children",
        definition=(
            "Initial child protection conferences held in the year, for every 10,000 children "
            "aged 0 to 17."
        ),
        numerator="Initial conferences held in the year",
        denominator="Children aged 0 to 17 (ONS mid-year estimate)",
        unit=Unit.PER_10K,
        period=Period.YEAR,
        polarity=Polarity.NEITHER,
        priority="journey",
        dfe_table="C4",
    ),
    _conferences["conference"],
    POPULATION,
)

ICPC_15WD_PCT = journey_measure(
    Measure(
        id="icpc_15wd_pct",
        title="Initial conferences within 15 working days",
        definition=(
            "Of the initial conferences held in the year, the share held within 15 working days "
            "of the start of the section 47 enquiry (conferences recorded as held before the "
            "enquiry started are left out)."
        ),
        numerator="Initial conferences in the year within 15 working days of the enquiry's start",
        denominator="Initial conferences in the year, not dated before their enquiry",
        unit=Unit.PERCENT,
        period=Period.YEAR,
        polarity=Polarity.HIGHER_IS_BETTER,
        priority="journey",
        dfe_table="C4",
        headline=True,
    ),
    _conferences["within_15"],
    _conferences["timed"],
)

CPP_RATE = journey_measure(
    Measure(
        id="cpp_rate",
        title="Children on a child protection plan per 10,000 children",
        definition=(
            "Children who were the subject of a child protection plan at 31 March, for every "
            "10,000 children aged 0 to 17."
        ),
        numerator="Children on a plan at 31 March",
        denominator="Children aged 0 to 17 (ONS mid-year estimate)",
        unit=Unit.PER_10K,
        period=Period.SNAPSHOT,
        polarity=Polarity.NEITHER,
        priority="journey",
        dfe_table="D1 / A2",
        headline=True,
    ),
    _plans_at_year_end["on_plan"],
    POPULATION,
)


def category_measure(name: str, code: CategoryOfAbuse, priority: str, headline: bool) -> Formula:
    label = code.label.lower()
    return journey_measure(
        Measure(
            id=f"cpp_{name}_pct",
            title=f"Plans at 31 March under {label}",
            definition=(
                f"Of the children on a child protection plan at 31 March, the share whose plan's "
                f"initial category of abuse was {label}."
            ),
            numerator=f"Children on a plan at 31 March with initial category {label}",
            denominator="Children on a plan at 31 March",
            unit=Unit.PERCENT,
            period=Period.SNAPSHOT,
            polarity=Polarity.NEITHER,
            priority=priority,
            dfe_table="A6",
            headline=headline,
        ),
        _plans_at_year_end[name],
        _plans_at_year_end["on_plan"],
    )


# Neglect's share is the board's neglect priority (neglect.py declares it); the others are here.
for _name in ("emotional", "physical", "sexual", "multiple"):
    category_measure(_name, CATEGORIES[_name], "journey", headline=False)

CPP_2YR_PCT = journey_measure(
    Measure(
        id="cpp_2yr_pct",
        title="Plans open two years or more",
        definition=(
            "Of the children on a child protection plan at 31 March, the share whose plan had "
            "lasted two years or more."
        ),
        numerator="Children on a plan at 31 March that started two years or more before",
        denominator="Children on a plan at 31 March",
        unit=Unit.PERCENT,
        period=Period.SNAPSHOT,
        polarity=Polarity.LOWER_IS_BETTER,
        priority="journey",
        dfe_table="D5",
    ),
    _plans_at_year_end["two_years"],
    _plans_at_year_end["on_plan"],
)

CPP_SUBSEQUENT_PCT = journey_measure(
    Measure(
        id="cpp_subsequent_pct",
        title="Second or subsequent child protection plans",
        definition=(
            "Of the child protection plans starting in the year, the share for a child who had "
            "been on a plan before (at any time)."
        ),
        numerator="Plans starting in the year for a child with an earlier plan",
        denominator="Plans starting in the year",
        unit=Unit.PERCENT,
        period=Period.YEAR,
        polarity=Polarity.LOWER_IS_BETTER,
        priority="journey",
        dfe_table="D3",
        headline=True,
    ),
    _plan_starts["subsequent"],
    _plan_starts["started"],
)

CIN_RATE = journey_measure(
    Measure(
        id="cin_rate",
        title="Children in need per 10,000 children",
        definition=(
            "Children with an open children in need episode at 31 March (including those on a "
            "plan or looked after), for every 10,000 children aged 0 to 17."
        ),
        numerator="Children in need at 31 March",
        denominator="Children aged 0 to 17 (ONS mid-year estimate)",
        unit=Unit.PER_10K,
        period=Period.SNAPSHOT,
        polarity=Polarity.NEITHER,
        priority="journey",
        dfe_table="B1",
    ),
    _children_in_need["in_need"],
    POPULATION,
)


def children_in_need(context: Context, among: ir.Table) -> ir.Table:
    """One row per child with a CIN episode open at 31 March, of the children (la, child_id) in
    `among`: for other priorities' measures, which ask about a few children, not all."""
    return _children_in_need.rows(_only(context, among, "referrals"))


def children_on_a_plan(context: Context, among: ir.Table) -> ir.Table:
    """One row per child on a protection plan at 31 March, of the children in `among`."""
    return _plans_at_year_end.rows(_only(context, among, "cp_plans"))


def _only(context: Context, among: ir.Table, name: str) -> Context:
    table = context.table(name)
    only = table.semi_join(among, [table.la == among.la, table.child_id == among.child_id])
    return Context(
        {**context.tables, name: only}, context.years, context.calendar, context.convention
    )

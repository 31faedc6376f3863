"""Neglect: the share of plans under neglect, and plans whose category changed.

"Plans under neglect with a neglect assessment" needs the neglect assessments (Graded Care
Profile style), which live in the casework records and are not in the journey dataset: it is a
partnership measure, computed from the live records, not declared here.
"""

import ibis
import ibis.expr.types as ir

from safeguard.casework.codes import CategoryOfAbuse
from safeguard.measures.catalogue.base import Context, family, flag, journey_measure
from safeguard.measures.catalogue.journey import category_measure
from safeguard.measures.registry import Measure, Period, Polarity, Unit

CPP_NEGLECT_PCT = category_measure("neglect", CategoryOfAbuse.NEGLECT, "neglect", headline=True)


@family
def _plan_endings(context: Context) -> ir.Table:
    """Plans ending in the year, and whether their category at the end differed from the initial
    one. Plans that ended are used because a plan's latest category is the one at the time the
    dataset was made: for a plan still open, it may have changed after the year."""
    ending = context.in_year(context.table("cp_plans"), "end_date")
    return ending.select(
        "la",
        "year",
        "child_id",
        ended=ibis.literal(1),
        category_changed=flag(ending.latest_category != ending.initial_category),
    )


CPP_CATEGORY_CHANGE_PCT = journey_measure(
    Measure(
        id="cpp_category_change_pct",
        title="Plans whose category of abuse changed",
        definition=(
            "Of the child protection plans ending in the year, the share whose category of abuse "
            "at the end was not the one the plan started with. (Whether each change recorded its "
            "reason is checked in the case records: the dataset does not hold the reasons.)"
        ),
        numerator="Plans ending in the year with a different category from their first",
        denominator="Plans ending in the year",
        unit=Unit.PERCENT,
        period=Period.YEAR,
        polarity=Polarity.NEITHER,
        priority="neglect",
    ),
    _plan_endings["category_changed"],
    _plan_endings["ended"],
)

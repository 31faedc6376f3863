"""Children educated at home: the council's register, and the children on it known to social care
(local measures, no DfE table)."""

import ibis
import ibis.expr.types as ir

from safeguard.measures.catalogue.base import Context, family, flag, journey_measure
from safeguard.measures.catalogue.journey import children_in_need, children_on_a_plan
from safeguard.measures.registry import Measure, Period, Polarity, Unit


@family
def _home_education(context: Context) -> ir.Table:
    """Children on the register at 31 March, whether they had a children in need episode open then
    (so known to social care, on a plan and looked after included), and whether on a plan."""
    register = context.open_at_year_end(context.table("home_education"), "start_date", "end_date")
    children = register.select("la", "year", "child_id").distinct()
    registered = register.select("la", "child_id").distinct()
    known = children_in_need(context, registered).select(
        "la", "year", "child_id", _known=ibis.literal(1)
    )
    on_plan = children_on_a_plan(context, registered).select(
        "la", "year", "child_id", _plan=ibis.literal(1)
    )
    marked = children.left_join(known, ["la", "year", "child_id"]).left_join(
        on_plan, ["la", "year", "child_id"]
    )
    return marked.select(
        children.la,
        children.year,
        children.child_id,
        on_register=ibis.literal(1),
        known=flag(marked._known.notnull()),
        on_plan=flag(marked._plan.notnull()),
    )


HOME_EDUCATION_REGISTER = journey_measure(
    Measure(
        id="home_education_register",
        title="Children educated at home",
        definition="Children on the council's register of children educated at home at 31 March.",
        numerator="Children on the register at 31 March",
        denominator="",
        unit=Unit.COUNT,
        period=Period.SNAPSHOT,
        polarity=Polarity.NEITHER,
        priority="home_education",
        headline=True,
    ),
    _home_education["on_register"],
)

HOME_EDUCATION_KNOWN_PCT = journey_measure(
    Measure(
        id="home_education_known_pct",
        title="Children educated at home known to social care",
        definition=(
            "Of the children on the register of children educated at home at 31 March, the share "
            "with a children in need episode open at that date."
        ),
        numerator="Children on the register with an open children in need episode",
        denominator="Children on the register at 31 March",
        unit=Unit.PERCENT,
        period=Period.SNAPSHOT,
        polarity=Polarity.NEITHER,
        priority="home_education",
    ),
    _home_education["known"],
    _home_education["on_register"],
)

HOME_EDUCATION_CPP_PCT = journey_measure(
    Measure(
        id="home_education_cpp_pct",
        title="Children educated at home on a protection plan",
        definition=(
            "Of the children on the register of children educated at home at 31 March, the share "
            "on a child protection plan at that date."
        ),
        numerator="Children on the register on a child protection plan",
        denominator="Children on the register at 31 March",
        unit=Unit.PERCENT,
        period=Period.SNAPSHOT,
        polarity=Polarity.NEITHER,
        priority="home_education",
    ),
    _home_education["on_plan"],
    _home_education["on_register"],
)

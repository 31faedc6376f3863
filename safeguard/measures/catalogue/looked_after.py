"""Children looked after: the SSDA903 measures (DfE SFR50/2017 and its missing-incident table)."""

import ibis
import ibis.expr.types as ir

from safeguard.measures.catalogue.base import POPULATION, Context, family, flag, journey_measure
from safeguard.measures.registry import Measure, Period, Polarity, Unit

MISSING = "M"  # SSDA903: missing, rather than away from placement without authorisation ("A")


@family
def _looked_after_at_year_end(context: Context) -> ir.Table:
    """Children with an episode of care open at 31 March."""
    episodes = context.open_at_year_end(context.table("cla_episodes"), "start_date", "end_date")
    return episodes.select("la", "year", "child_id").distinct().mutate(looked_after=ibis.literal(1))


def went_missing(context: Context) -> ir.Table:
    """Each child with a missing episode (not an absence) starting in the year: la, year,
    child_id."""
    missing = context.table("missing_episodes")
    starting = context.in_year(missing.filter(missing.kind == MISSING), "start_date")
    return starting.select("la", "year", "child_id").distinct()


@family
def _looked_after_in_year(context: Context) -> ir.Table:
    """Children looked after at some time in the year, and whether they went missing in it."""
    episodes = context.open_during_year(context.table("cla_episodes"), "start_date", "end_date")
    children = episodes.select("la", "year", "child_id").distinct()
    missing = went_missing(context).mutate(_missing=ibis.literal(1))
    marked = children.left_join(missing, ["la", "year", "child_id"])
    return marked.select(
        children.la,
        children.year,
        children.child_id,
        looked_after=ibis.literal(1),
        went_missing=flag(marked._missing.notnull()),
    )


CLA_RATE = journey_measure(
    Measure(
        id="cla_rate",
        title="Children looked after per 10,000 children",
        definition=(
            "Children looked after by the council at 31 March, for every 10,000 children aged "
            "0 to 17 (the DfE publishes this rate rounded to a whole number)."
        ),
        numerator="Children looked after at 31 March",
        denominator="Children aged 0 to 17 (ONS mid-year estimate)",
        unit=Unit.PER_10K,
        period=Period.SNAPSHOT,
        polarity=Polarity.NEITHER,
        priority="looked_after",
        dfe_table="CLA A1",
        headline=True,
    ),
    _looked_after_at_year_end["looked_after"],
    POPULATION,
)

CLA_MISSING_PCT = journey_measure(
    Measure(
        id="cla_missing_pct",
        title="Children looked after who went missing",
        definition=(
            "Of the children looked after at any time in the year, the share with at least one "
            "missing incident starting in the year (absences without authorisation are not "
            "counted)."
        ),
        numerator="Children looked after in the year with a missing incident in it",
        denominator="Children looked after at any time in the year",
        unit=Unit.PERCENT,
        period=Period.YEAR,
        polarity=Polarity.LOWER_IS_BETTER,
        priority="looked_after",
        dfe_table="CLA missing",
        headline=True,
    ),
    _looked_after_in_year["went_missing"],
    _looked_after_in_year["looked_after"],
)

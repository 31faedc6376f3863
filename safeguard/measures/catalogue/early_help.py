"""Early help: episodes started, and episodes ending with a step up to children's social care
(local measures, no DfE table)."""

import ibis
import ibis.expr.types as ir

from safeguard.casework.codes_around import EarlyHelpOutcome
from safeguard.measures.catalogue.base import Context, family, flag, journey_measure
from safeguard.measures.registry import Measure, Period, Polarity, Unit


@family
def _early_help_starts(context: Context) -> ir.Table:
    starting = context.in_year(context.table("early_help"), "start_date")
    return starting.select("la", "year", "child_id", started=ibis.literal(1))


@family
def _early_help_endings(context: Context) -> ir.Table:
    ending = context.in_year(context.table("early_help"), "end_date")
    return ending.select(
        "la",
        "year",
        "child_id",
        ended=ibis.literal(1),
        stepped_up=flag(ending.outcome == EarlyHelpOutcome.STEPPED_UP.value),
    )


EARLY_HELP_STARTED = journey_measure(
    Measure(
        id="early_help_started",
        title="Early help episodes started",
        definition="Early help episodes (family support a practitioner leads) started in the year.",
        numerator="Early help episodes starting in the year",
        denominator="",
        unit=Unit.COUNT,
        period=Period.YEAR,
        polarity=Polarity.NEITHER,
        priority="early_help",
        headline=True,
    ),
    _early_help_starts["started"],
)

EARLY_HELP_STEPPED_UP_PCT = journey_measure(
    Measure(
        id="early_help_stepped_up_pct",
        title="Early help stepped up to social care",
        definition=(
            "Of the early help episodes ending in the year, the share that ended with a step up "
            "to children's social care."
        ),
        numerator="Early help episodes ending in the year stepped up to social care",
        denominator="Early help episodes ending in the year",
        unit=Unit.PERCENT,
        period=Period.YEAR,
        polarity=Polarity.NEITHER,
        priority="early_help",
    ),
    _early_help_endings["stepped_up"],
    _early_help_endings["ended"],
)

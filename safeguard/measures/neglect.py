"""The neglect measures the board asked for, from the live casework records.

The journey dataset holds plans and their categories but not neglect assessments or the
reasoning tying a plan to them, so these are partnership measures computed from casework (which
sits below measures and cannot register them itself). Both use the consistency rule the plan page
prompts with (casework.services_neglect), on 31 March (today, for the year in progress).
"""

from collections.abc import Iterator

from django.conf import settings

from safeguard.casework.services_neglect import neglect_consistency
from safeguard.measures.periods import as_at
from safeguard.measures.registry import Figure, Measure, Period, Polarity, Unit, register


def with_assessment(years: list[str]) -> Iterator[Figure]:
    for year in years:
        found = neglect_consistency(as_at(year))
        if found.plans:
            assessed = found.plans - found.without_recent_assessment
            yield settings.LA_CODE, year, assessed, found.plans, 100 * assessed / found.plans


def with_reasoning(years: list[str]) -> Iterator[Figure]:
    for year in years:
        found = neglect_consistency(as_at(year))
        if found.plans:
            reasoned = found.plans - found.without_reasoning
            yield settings.LA_CODE, year, reasoned, found.plans, 100 * reasoned / found.plans


def register_measures() -> None:
    common = {
        "unit": Unit.PERCENT,
        "period": Period.SNAPSHOT,
        "polarity": Polarity.HIGHER_IS_BETTER,
        "priority": "neglect",
    }
    register(
        Measure(
            id="neglect_assessed_pct",
            title="Plans under neglect with a recent neglect assessment",
            definition="Child protection plans open at 31 March under the neglect category whose "
            "child had a neglect assessment in the months before (the partnership's setting, "
            "3 months by default) ÷ plans open under neglect.",
            numerator="plans under neglect with a recent neglect assessment",
            denominator="plans open at 31 March under neglect",
            headline=True,
            compute=with_assessment,
            **common,
        )
    )
    register(
        Measure(
            id="neglect_reasoned_pct",
            title="Plans under neglect with recorded reasoning",
            definition="Child protection plans open at 31 March under the neglect category with "
            "reasoning recorded that links the category to the assessed concerns ÷ plans open "
            "under neglect.",
            numerator="plans under neglect with recorded reasoning",
            denominator="plans open at 31 March under neglect",
            compute=with_reasoning,
            **common,
        )
    )

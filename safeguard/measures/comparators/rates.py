"""Rates per 10,000 children for the counts the DfE publishes without one.

Made from the ONS mid-year estimate that goes with the reporting year (mid-2016 for 2016-17), as
the DfE makes them. The population file in the store is the later series rebased on the 2021
census, so a rate made here can differ slightly from the one first published (England's plans at
31 March 2017: 51,080 ÷ 11,671,521 per 10,000 = 43.8, where the DfE first printed 43.3).
"""

from safeguard.measures.comparators.models import (
    Basis,
    ComparatorFigure,
    PopulationEstimate,
    Symbol,
)

PER = 10_000

Children = dict[tuple[str, str], int]  # (area, year) → children aged 0-17


def children() -> Children:
    rows = PopulationEstimate.objects.filter(children__isnull=False)
    return {(area, year): n for area, year, n in rows.values_list("area", "year", "children")}


def rate(numerator: float, population: int | None) -> tuple[float | None, float | None, str]:
    """(denominator, value, symbol) of a count per 10,000 children."""
    if not population:
        return None, None, Symbol.NO_POPULATION
    return float(population), numerator * PER / population, Symbol.PUBLISHED


def derive() -> int:
    """Remake the stored rates from the populations now in the store (after a population file is
    imported); returns how many figures changed."""
    known = children()
    changed = []
    for figure in ComparatorFigure.objects.filter(basis=Basis.POPULATION, numerator__isnull=False):
        made = rate(figure.numerator, known.get((figure.area, figure.year)))
        if (figure.denominator, figure.value, figure.symbol) != made:
            figure.denominator, figure.value, figure.symbol = made
            changed.append(figure)
    ComparatorFigure.objects.bulk_update(
        changed, ["denominator", "value", "symbol"], batch_size=500
    )
    return len(changed)

"""Comparators: the DfE's published figures for England, its regions and every council.

    from safeguard.measures import comparators
    comparators.comparison("cpp_rate", "884", "2016-17", neighbours_model="2021")
    comparators.population("884", "2016-17")

`safeguard comparators import FILE|FOLDER…` fills the store (importer.py); england.py holds
England's figures for 2012-13 to 2016-17 so a comparison works before anything is imported.
"""

from safeguard.measures.comparators.compare import (
    LARGE_DIFFERENCE,
    NEIGHBOUR_MODELS,
    Comparison,
    comparison,
    comparisons,
    neighbours,
    population,
)

__all__ = [
    "LARGE_DIFFERENCE",
    "NEIGHBOUR_MODELS",
    "Comparison",
    "comparison",
    "comparisons",
    "neighbours",
    "population",
]

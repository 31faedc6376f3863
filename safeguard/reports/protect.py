"""Disclosure control for the report's figures: the same rule, in the same place, as the
dashboard's published figures (measures.publishing over measures.disclosure), so the board never
reads a figure in its report that its dashboard withholds, or the other way round.
"""

from collections.abc import Iterable

from safeguard.measures.models import MeasureResult
from safeguard.measures.publishing import suppressed_cells


def withheld(results: Iterable[MeasureResult]) -> set[tuple[str, str]]:
    """(measure id, year) of every result of one council the report may not publish."""
    return {(measure_id, year) for measure_id, _la, year in suppressed_cells(results)}

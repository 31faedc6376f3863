"""The measure registry: every measure the partnership reports, declared once.

A measure says what it counts in words a board member reads (title, definition, numerator,
denominator) and how it is published (unit, period, polarity, the DfE table it matches, its
disclosure rule). Journey measures are Ibis expressions over the journey dataset (see engine.py);
partnership measures (training, case reviews, workforce, the board) are computed from the live
records by the app that owns them, which registers them here from its AppConfig.ready.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum


class Unit(StrEnum):
    PER_10K = "per 10,000 children"
    PERCENT = "%"
    COUNT = "count"
    WORKING_DAYS = "working days"  # a median length
    RATIO = "ratio"


class Period(StrEnum):
    YEAR = "year"  # 1 April to 31 March
    SNAPSHOT = "snapshot"  # at 31 March


class Polarity(StrEnum):
    HIGHER_IS_BETTER = "higher is better"
    LOWER_IS_BETTER = "lower is better"
    NEITHER = "neither"


# The board's priorities, in the order the dashboard and the annual report show them.
PRIORITIES: dict[str, str] = {
    "journey": "The front door and the child's journey",
    "neglect": "Neglect",
    "exploitation": "Exploitation and missing children",
    "early_help": "Early help",
    "looked_after": "Children looked after",
    "home_education": "Children educated at home",
    "workforce": "Workforce",
    "training": "Multi-agency training",
    "reviews": "Case reviews and learning",
    "board": "The board",
}


# One result of a partnership measure: la, year ("2016-17"), numerator, denominator, value.
Figure = tuple[str, str, float | None, float | None, float | None]


@dataclass(frozen=True)
class Measure:
    id: str
    title: str
    definition: str
    numerator: str
    denominator: str
    unit: Unit
    period: Period
    polarity: Polarity
    priority: str
    dfe_table: str = ""
    # How a published figure is protected: "counts" suppresses counts of 1 to 5 and anything
    # built on them (disclosure.py); "none" for figures about staff and meetings, not children.
    disclosure: str = "counts"
    headline: bool = False  # shown first on the dashboard and in the report
    # For partnership measures: the function that computes figures for the given years.
    compute: Callable[[list[str]], Iterable[Figure]] | None = field(default=None, compare=False)


_REGISTRY: dict[str, Measure] = {}


def register(measure: Measure) -> Measure:
    if measure.priority not in PRIORITIES:
        raise ValueError(f"Measure {measure.id}: unknown priority {measure.priority!r}")
    if measure.id in _REGISTRY and _REGISTRY[measure.id] != measure:
        raise ValueError(f"Measure {measure.id} is declared twice")
    _REGISTRY[measure.id] = measure
    return measure


def measures() -> list[Measure]:
    _declare_journey_measures()
    return list(_REGISTRY.values())


def get(measure_id: str) -> Measure:
    _declare_journey_measures()
    return _REGISTRY[measure_id]


def _declare_journey_measures() -> None:
    """The journey measures are declared beside their Ibis expressions in the engine's catalogue;
    importing it (once, on first use) registers them, so no caller can see the registry without
    them."""
    import safeguard.measures.catalogue  # noqa: F401

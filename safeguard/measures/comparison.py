"""A council's figure beside England, its region and its statistical neighbours, as the dashboard
words it (the figures and the judgement of a large difference come from comparators)."""

from dataclasses import dataclass

from django.db.models import Count, Max

from safeguard.measures import comparators
from safeguard.measures.comparators.models import ComparatorFigure, ComparatorFile, Level
from safeguard.measures.publishing import value_text
from safeguard.measures.registry import Measure

NEIGHBOURS_MODEL = "2021"
METHOD = comparators.LARGE_DIFFERENCE
THIS_COUNCIL = "This council"


@dataclass(frozen=True)
class Compared:
    unit: str
    england: float | None
    region_name: str
    region: float | None
    neighbours: float | None
    neighbours_model: str
    large: bool | None
    direction: str

    @property
    def england_text(self) -> str:
        return value_text(self.unit, self.england)

    @property
    def neighbours_text(self) -> str:
        return value_text(self.unit, self.neighbours)

    @property
    def sentence(self) -> str:
        parts = []
        if self.england is not None:
            parts.append(f"England {self.england_text}")
        if self.region is not None:
            parts.append(f"{self.region_name} {value_text(self.unit, self.region)}")
        if self.neighbours is not None:
            parts.append(
                f"statistical neighbours ({self.neighbours_model} model) {self.neighbours_text}"
            )
        if not parts:
            return "No published comparators for this measure."
        said = "Compared with " + "; ".join(parts) + "."
        if self.large is True:
            said += f" The difference from England is large ({self.direction})."
        elif self.large is False:
            said += " The difference from England is not large."
        return said


def compare(measure: Measure, la: str, year: str, value: float | None) -> Compared | None:
    """`value` is the council's figure as shown (None when missing or suppressed, so a withheld
    figure is not judged either)."""
    found = comparators.comparison(measure.id, la, year, NEIGHBOURS_MODEL, value=value)
    if found.england is None and found.region is None and found.neighbours is None:
        return None
    return Compared(
        unit=str(measure.unit),
        england=found.england,
        region_name=found.region_name,
        region=found.region,
        neighbours=found.neighbours,
        neighbours_model=found.neighbours_model,
        large=found.large if value is not None else None,
        direction=found.direction,
    )


def comparators_version() -> str:
    """Changes whenever comparator files are imported, so cached panels are redrawn."""
    files = ComparatorFile.objects.aggregate(n=Count("id"), latest=Max("imported_at"))
    latest = files["latest"].isoformat() if files["latest"] else ""
    return f"{files['n']}-{latest}"


def council_name(la: str) -> str:
    name = (
        ComparatorFigure.objects.filter(level=Level.LOCAL, area=la)
        .values_list("area_name", flat=True)
        .first()
    )
    return name or THIS_COUNCIL

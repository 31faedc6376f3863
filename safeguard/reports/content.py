"""What the annual report holds, assembled before any of it is written out (assemble.py), so the
HTML template and the tests read the same thing.

A council figure is a `Cell` naming the measure, year and field of the stored result it shows,
and the template writes those names into the page, so every number in the report can be traced
to its run (and the tests check that it can).
"""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from safeguard.measures.comparison import Compared
from safeguard.measures.registry import Measure


@dataclass(frozen=True)
class Cell:
    measure_id: str
    year: str
    field: str  # "value" or "numerator" of the MeasureResult
    text: str
    value: float | None  # as published: None when missing or suppressed
    suppressed: bool = False


@dataclass(frozen=True)
class YearRow:
    year: str
    value: Cell
    numerator: Cell
    england: str
    region: str
    neighbours: str


@dataclass(frozen=True)
class MeasureFigure:
    measure: Measure
    anchor: str
    rows: list[YearRow]  # the trend years, oldest first
    compared: Compared | None  # this year's comparators
    change: str  # this year against last, in words
    chart: str = ""  # an inline SVG, for the measures drawn in full
    show_numerator: bool = False

    @property
    def this_year(self) -> YearRow:
        return self.rows[-1]

    @property
    def last_year(self) -> YearRow | None:
        return self.rows[-2] if len(self.rows) > 1 else None


@dataclass(frozen=True)
class Chapter:
    """A chapter of figures: one or more of the registry's priority groups."""

    anchor: str
    heading: str
    intro: str
    drawn: list[MeasureFigure]  # in full: chart and table
    listed: list[MeasureFigure]  # in the chapter's table of other figures
    elsewhere: list[MeasureFigure]  # drawn under a priority; the chapter links to them
    extra: str = ""  # a template of the chapter's own tables (case reviews, training…)


@dataclass(frozen=True)
class PriorityPart:
    number: int
    title: str
    anchor: str
    lead_group: str
    narrative: str
    objectives: list[str]
    ratings: list[tuple[str, str, str, str]]  # quarter, RAG value, RAG label, narrative
    figures: list[MeasureFigure]  # drawn here
    elsewhere: list[MeasureFigure]  # drawn under an earlier priority that also names them
    not_measured: list[str]  # measures the plan names with no figures in the run


@dataclass(frozen=True)
class Provenance:
    run_number: int
    run_label: str
    run_made_at: datetime
    run_fingerprint: str
    dataset_fingerprint: str
    years: list[str]
    council: str
    la: str
    region: str
    neighbours_model: str
    method: str
    comparator_files: list[tuple[str, str, str]]  # table, file name, sha256 (first 12)


@dataclass
class AnnualReportContent:
    partnership: str
    year: str
    year_label: str
    period_label: str
    edition: int
    signed_off: bool
    sign_offs: list[Any]
    narrative: dict[str, str]  # section kind: text
    headings: dict[str, str]  # section kind: heading
    headlines: list[MeasureFigure]
    arrangements: dict[str, Any]
    priorities: list[PriorityPart]
    chapters: list[Chapter]
    extras: dict[str, Any] = field(default_factory=dict)  # case reviews, training, workforce
    provenance: Provenance | None = None

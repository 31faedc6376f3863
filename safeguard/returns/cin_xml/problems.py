"""What a file says that does not fit, gathered so the first few can be listed by line."""

from dataclasses import dataclass, field

from safeguard.returns.cin_xml.errors import ReturnFileError
from safeguard.returns.cin_xml.years import CensusYear

SHOWN = 10


# The element each raw table's rows stand for, whose line a row carries.
RECORDS = {
    "header": "Header",
    "children": "Child",
    "cin_details": "CINdetails",
    "assessments": "Assessments",
    "cin_plans": "CINPlanDates",
    "section47": "Section47",
    "cp_plans": "ChildProtectionPlans",
    "cp_reviews": "CPPreviewDate",
}


@dataclass(frozen=True)
class Problem:
    line: int | None
    record: str
    element: str
    value: str | None
    expected: str

    def __str__(self) -> str:
        found = "is missing" if self.value is None else f"is “{self.value}”"
        where = (
            f"line {self.line}"
            if self.record == self.element
            else f"line {self.line} (<{self.record}>)"
        )
        return f"{where}: <{self.element}> {found}: expected {self.expected}"


@dataclass
class Problems:
    """Every problem counted; the first few of each kind kept, which include the first overall."""

    total: int = 0
    first: list[Problem] = field(default_factory=list)

    def note(
        self, record: str, lines: list, values: list, element: str, expected: str, total: int
    ) -> None:
        self.total += total
        for line, value in zip(lines[:SHOWN], values[:SHOWN], strict=True):
            self.first.append(Problem(line, record, element, value, expected))

    def refuse_if_any(self, source: str, year: CensusYear) -> None:
        if not self.total:
            return
        shown = sorted(self.first, key=lambda p: (p.line or 0, p.element))[:SHOWN]
        lines = "\n".join(f"  {problem}" for problem in shown)
        more = f"\n  … and {self.total - len(shown)} more" if self.total > len(shown) else ""
        values = "1 value does" if self.total == 1 else f"{self.total} values do"
        raise ReturnFileError(
            f"{source}: not read, because {values} not fit the {year} CIN census; "
            f"nothing was loaded.\n{lines}{more}"
        )

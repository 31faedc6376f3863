"""What a return says that does not fit, gathered so the first few can be listed by file and
line."""

from dataclasses import dataclass, field

from safeguard.returns.cin_xml.errors import ReturnFileError

SHOWN = 10


@dataclass(frozen=True)
class Problem:
    source: str
    line: int | None
    record: str | None  # the XML element a row stands for; None for a CSV row
    field: str
    value: str | None
    expected: str

    def __str__(self) -> str:
        found = "is missing" if self.value is None else f"is “{self.value}”"
        if self.record is None:
            return (
                f"{self.source}, line {self.line}: {self.field} {found}: expected {self.expected}"
            )
        return (
            f"{self.source}, line {self.line} (<{self.record}>): <{self.field}> {found}: "
            f"expected {self.expected}"
        )


@dataclass
class Problems:
    """Every problem counted; the first few of each kind kept, which include the first overall."""

    total: int = 0
    first: list[Problem] = field(default_factory=list)

    def note(self, problems: list[Problem], total: int) -> None:
        self.total += total
        self.first.extend(problems[:SHOWN])

    def refuse_if_any(self, name: str, which: str) -> None:
        """ReturnFileError listing the first problems; `which` names the return's year."""
        if not self.total:
            return
        shown = sorted(self.first, key=lambda p: (p.source, p.line or 0, p.field))[:SHOWN]
        lines = "\n".join(f"  {problem}" for problem in shown)
        more = f"\n  … and {self.total - len(shown)} more" if self.total > len(shown) else ""
        values = "1 value does" if self.total == 1 else f"{self.total} values do"
        raise ReturnFileError(
            f"{name}: not read, because {values} not fit {which}; nothing was loaded.\n"
            f"{lines}{more}"
        )

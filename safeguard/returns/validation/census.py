"""The census a ruleset checks: its years, its dates, and the working-day cut-offs of its rules.

The DfE publishes a set of validation rules for each collection year. We know 2022-23 (the base
set), 2023-24 and 2024-25 (each changing a few rules), and treat 2025-26 as 2024-25 until its
own changes are published.

Every date rule measures from the census year, never from the header of the file being checked:
a file whose <ReferenceDate> is wrong gets rule 100, not a shifted year.

Every working-day rule in the catalogue counts back from a census date (the start of the year,
or its end), so each cut-off is one date per census, worked out here through the project's
calendar with the DfE's convention that the first day counted is day 1.
"""

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property

from safeguard.core.calendar import is_working_day
from safeguard.returns.validation.codes import CodeLists, code_lists

RULESETS = ("2022-23", "2023-24", "2024-25", "2025-26")
_LABEL = re.compile(r"(?:cin)?(\d{4})[-_](\d{2})")
_ONE_DAY = timedelta(days=1)
# From 2024-25 the census records a child's sex (M, F, U) where it recorded gender (0, 1, 2, 9).
SEX_FROM = "2024-25"


class UnknownRuleset(ValueError):
    """A ruleset we have no rules for; the message lists the ones we have."""


def ruleset_label(text: str) -> str:
    """The ruleset written "2022-23" (also accepting the catalogue's "cin2022_23")."""
    match = _LABEL.fullmatch(text.strip().lower())
    label = f"{match[1]}-{match[2]}" if match else text.strip()
    if label not in RULESETS:
        raise UnknownRuleset(
            f"There are no CIN census validation rules for “{text}”: "
            f"the rulesets are {', '.join(RULESETS)}"
        )
    return label


def rulesets_from(first: str, last: str | None = None) -> tuple[str, ...]:
    """The rulesets from `first` to `last` (to the newest when `last` is not given)."""
    end = RULESETS.index(last) + 1 if last else len(RULESETS)
    return RULESETS[RULESETS.index(first) : end]


def nth_working_day_back(before: date, n: int) -> date:
    """The latest date D such that n working days, counting D as day 1, all fall before `before`.

    Equivalently, add_working_days(D, n, START_IS_DAY_1) < `before`, and that fails for D + 1 day.
    """
    day, counted = before, 0
    while counted < n:
        day -= _ONE_DAY
        if is_working_day(day):
            counted += 1
    return day


@dataclass(frozen=True)
class Census:
    ruleset: str

    @property
    def end_year(self) -> int:
        return int(self.ruleset[:4]) + 1

    @property
    def start(self) -> date:
        return date(self.end_year - 1, 4, 1)

    @property
    def reference_date(self) -> date:
        """The last day of the census year, which every file's header must give."""
        return date(self.end_year, 3, 31)

    @property
    def records_sex(self) -> bool:
        return self.ruleset >= SEX_FROM

    @property
    def sex_field(self) -> str:
        return "Sex" if self.records_sex else "GenderCurrent"

    @cached_property
    def codes(self) -> CodeLists:
        return code_lists(self.ruleset, self.records_sex)

    def years_before_end(self, years: int) -> date:
        return date(self.end_year - years, 3, 31)

    @cached_property
    def last_working_day_before_start(self) -> date:
        """Rule 8569Q: a referral made on this day may be closed with no further action."""
        return nth_working_day_back(self.start, 1)

    @cached_property
    def assessment_overdue_if_started_by(self) -> date:
        """Rule 8670Q: an assessment started on or before this day ran past 45 working days."""
        return self._overdue_if_started_by(45)

    @cached_property
    def enquiry_overdue_if_started_by(self) -> date:
        """Rule 8675Q: an enquiry started on or before this day ran past 15 working days."""
        return self._overdue_if_started_by(15)

    def _overdue_if_started_by(self, working_days: int) -> date:
        # Overdue at the end of the census year: the last of its working days (the start being
        # day 1) fell before the reference date.
        return nth_working_day_back(self.reference_date, working_days)

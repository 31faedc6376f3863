"""The one registry of CIN census validation rules.

Each rule module registers its rules with `@rule(...)`. A rule's check takes the census being
checked and returns one SQL query over the typed tables (safeguard.returns.validation.tables)
selecting the offending values as rows of (child_id, line, "table", field, value) — built with
the helpers in safeguard.returns.validation.sql, so that every rule reports alike.

A code the DfE changed between years is registered once per version, each with its rulesets.
"""

import enum
from collections.abc import Callable
from dataclasses import dataclass

from safeguard.returns.validation.census import RULESETS, Census


class RuleType(enum.StrEnum):
    ERROR = "error"
    # A query must be checked and either corrected or explained; its code ends in Q.
    QUERY = "query"


Check = Callable[[Census], str]


@dataclass(frozen=True)
class Rule:
    code: str
    rulesets: tuple[str, ...]
    message: str
    # The DfE module the catalogue files the rule under (ChildIdentifiers, Section47, ...).
    table: str
    # The census elements the rule points at; every issue it raises names one of them.
    fields: tuple[str, ...]
    check: Check
    # False for our checks of a value's form, which are not in the DfE's catalogue.
    in_catalogue: bool = True

    @property
    def type(self) -> RuleType:
        return RuleType.QUERY if self.code.endswith("Q") else RuleType.ERROR


_RULES: list[Rule] = []


class DuplicateRule(ValueError):
    pass


def rule(
    code: str,
    *,
    table: str,
    fields: tuple[str, ...],
    message: str,
    rulesets: tuple[str, ...] = RULESETS,
    in_catalogue: bool = True,
) -> Callable[[Check], Check]:
    """Register the decorated check as rule `code` for `rulesets` (every ruleset by default)."""

    def register(check: Check) -> Check:
        clash = [r for r in _RULES if r.code == code and set(r.rulesets) & set(rulesets)]
        if clash:
            raise DuplicateRule(f"Rule {code} is registered twice for {clash[0].rulesets}")
        _RULES.append(Rule(code, rulesets, message, table, fields, check, in_catalogue))
        return check

    return register


def rules_for(ruleset: str) -> list[Rule]:
    """Every rule of a ruleset, in the order they were registered."""
    # Importing the rules package registers them; done here so the registry has no import cycle.
    from safeguard.returns.validation import rules  # noqa: F401

    return [r for r in _RULES if ruleset in r.rulesets]

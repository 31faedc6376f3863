"""Refusals for reviews, audits and actions, in the pathway's shape: (field, message) problems
that a service raises together and a form shows against its answers."""

from safeguard.casework.rules import Problem, not_before, not_in_future, reason_when_late
from safeguard.core.refusals import Refused

__all__ = [
    "Problem",
    "ReviewError",
    "not_before",
    "not_in_future",
    "reason_when_late",
    "refuse_if",
]


class ReviewError(Refused):
    """A refusal by the rules for reviews, audits and actions."""


def refuse_if(problems: list[Problem]) -> None:
    if problems:
        raise ReviewError(problems)

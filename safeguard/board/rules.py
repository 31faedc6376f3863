"""Refusals for the board's records: (field, message) problems that a service raises together and
a form shows against its answers, in the shape the pathway and reviews use."""

from safeguard.core.refusals import Problem, Refused

__all__ = ["BoardError", "Problem", "refuse_if"]


class BoardError(Refused):
    """A refusal by the rules for the board's records."""


def refuse_if(problems: list[Problem]) -> None:
    if problems:
        raise BoardError(problems)

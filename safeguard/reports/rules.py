"""Refusals for the annual report and the cabinet item: (field, message) problems that a service
raises together and a form shows against its answers, in the shape the board and reviews use."""

from safeguard.core.refusals import Problem, Refused

__all__ = ["Problem", "ReportError", "refuse_if"]


class ReportError(Refused):
    """A refusal by the rules for the annual report and the cabinet item."""


def refuse_if(problems: list[Problem]) -> None:
    if problems:
        raise ReportError(problems)

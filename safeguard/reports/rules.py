"""Refusals for the annual report and the cabinet item: (field, message) problems that a service
raises together and a form shows against its answers, in the shape the board and reviews use."""

from safeguard.casework.rules import Problem

__all__ = ["Problem", "ReportError", "refuse_if"]


class ReportError(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(p.message for p in problems))
        self.problems = problems


def refuse_if(problems: list[Problem]) -> None:
    if problems:
        raise ReportError(problems)

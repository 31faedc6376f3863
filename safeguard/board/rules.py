"""Refusals for the board's records: (field, message) problems that a service raises together and
a form shows against its answers, in the shape the pathway and reviews use."""

from safeguard.casework.rules import Problem

__all__ = ["BoardError", "Problem", "refuse_if"]


class BoardError(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(p.message for p in problems))
        self.problems = problems


def refuse_if(problems: list[Problem]) -> None:
    if problems:
        raise BoardError(problems)

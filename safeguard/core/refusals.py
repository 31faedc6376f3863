"""A service's refusal, and how a page shows it.

Services check their rules first and refuse with every problem at once, as (field, message) pairs
in words a practitioner can act on; nothing is changed. Each app raises its own kind of refusal
(PathwayError, ReviewError, BoardError, ReportError) so a caller can tell whose rule it was; a
view runs the service through `attempt`, which puts the problems on the form against the answers
they are about.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from django.forms import Form

from safeguard.core.models import StaleEdit

T = TypeVar("T")

STALE_EDIT = (
    "Someone else changed this record while you were working on it. "
    "Reload the page to see their changes, then make yours again."
)


@dataclass(frozen=True)
class Problem:
    field: str | None
    message: str


class Refused(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(p.message for p in problems))
        self.problems = problems


def attempt(form: Form, action: Callable[[], T]) -> T | None:
    """Run a service call; a refusal becomes the form's errors and changes nothing."""
    try:
        return action()
    except Refused as refused:
        for problem in refused.problems:
            form.add_error(problem.field if problem.field in form.fields else None, problem.message)
    except StaleEdit:
        form.add_error(None, STALE_EDIT)
    return None

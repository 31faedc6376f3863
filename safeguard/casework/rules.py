"""The rules that keep a child's pathway in order: the same meaning as the DfE's CIN census
validation rules, applied when the record is made so that a council's data is right at source.

Each check returns the problems it finds as (field, message) pairs, in words a practitioner can
act on; services refuse an action with problems and forms show them against the field.
"""

from datetime import date

from safeguard.core.refusals import Problem, Refused
from safeguard.frontdoor.models import Referral

__all__ = ["PathwayError", "Problem", "refuse_if"]


class PathwayError(Refused):
    """A refusal by the pathway's rules."""


def refuse_if(problems: list[Problem]) -> None:
    if problems:
        raise PathwayError(problems)


def on_open_referral(referral: Referral, day: date, field: str, what: str) -> list[Problem]:
    """Nothing happens before a referral, and nothing more once it has closed."""
    problems = []
    if day < referral.referral_date:
        problems.append(
            Problem(
                field,
                f"The {what} cannot be before the referral ({referral.referral_date:%-d %B %Y})",
            )
        )
    if referral.closed_on is not None:
        # Work after closure belongs on a new referral, or the returns would show it twice.
        problems.append(
            Problem(
                None,
                f"This referral closed on {referral.closed_on:%-d %B %Y}: "
                "record new work on a new referral",
            )
        )
    return problems


def not_in_future(day: date, today: date, field: str, what: str) -> list[Problem]:
    return [Problem(field, f"The {what} cannot be in the future")] if day > today else []


def not_before(day: date, earlier: date, field: str, what: str, earlier_what: str) -> list[Problem]:
    if day < earlier:
        return [
            Problem(field, f"The {what} cannot be before the {earlier_what} ({earlier:%-d %B %Y})")
        ]
    return []


def reason_when_late(day: date, due: date, reason: str, field: str, what: str) -> list[Problem]:
    if day > due and not reason.strip():
        return [
            Problem(
                field, f"The {what} was after its due date ({due:%-d %B %Y}): enter why it was late"
            )
        ]
    return []

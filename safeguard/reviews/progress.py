"""Progress on actions, rolled up by review (or audit), by theme and by agency.

Every count is "as at" a day, from the actions' own dates, so that last year's position can be
reported after this year's work has moved it on: an action counts once it was agreed (added_on),
is complete once completed_on has passed, and is overdue while open after its due date.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet

from safeguard.reviews.models import Action


@dataclass
class Tally:
    label: str
    total: int = 0
    complete: int = 0
    signed_off: int = 0
    overdue: int = 0

    @property
    def open(self) -> int:
        return self.total - self.complete

    @property
    def complete_share(self) -> float | None:
        return round(100 * self.complete / self.total, 1) if self.total else None

    def add(self, action: Action, as_at: date) -> None:
        self.total += 1
        if action.completed_on is not None and action.completed_on <= as_at:
            self.complete += 1
            if action.signed_off_on is not None and action.signed_off_on <= as_at:
                self.signed_off += 1
        elif action.due_on < as_at:
            self.overdue += 1


def actions_for_progress(actions: QuerySet[Action] | None = None) -> QuerySet[Action]:
    actions = Action.objects.all() if actions is None else actions
    return actions.select_related(
        "agency", "finding__review__incident", "finding__audit"
    ).prefetch_related("finding__themes")


def source_label(action: Action) -> str:
    finding = action.finding
    if finding.review_id:
        return finding.review.name
    return f"Audit: {finding.audit.title}"


def _roll_up(
    actions: Iterable[Action], as_at: date, keys: Callable[[Action], Iterable[str]]
) -> list[Tally]:
    tallies: dict[str, Tally] = {}
    for action in actions:
        if action.added_on > as_at:
            continue
        for key in keys(action):
            tallies.setdefault(key, Tally(key)).add(action, as_at)
    return sorted(tallies.values(), key=lambda t: t.label)


def by_source(actions: Iterable[Action], as_at: date) -> list[Tally]:
    return _roll_up(actions, as_at, lambda a: [source_label(a)])


def by_theme(actions: Iterable[Action], as_at: date) -> list[Tally]:
    """An action counts under every theme of its finding, so the rows add up to more."""
    return _roll_up(actions, as_at, lambda a: [t.name for t in a.finding.themes.all()])


def by_agency(actions: Iterable[Action], as_at: date) -> list[Tally]:
    return _roll_up(actions, as_at, lambda a: [a.agency.name])


def overall(actions: Iterable[Action], as_at: date) -> Tally:
    rows = _roll_up(actions, as_at, lambda a: ["All actions"])
    return rows[0] if rows else Tally("All actions")

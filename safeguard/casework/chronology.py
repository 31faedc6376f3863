"""A child's chronology: one timeline of everything the system knows, made from the records.

Each app registers a source that turns its records about a child into entries (and the kinds of
entry it makes, for the filter); practitioners' own entries, marked significant with their
analysis, sit among them.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from safeguard.people.models import Child


@dataclass(frozen=True)
class Entry:
    on: date
    kind: str
    title: str
    detail: str = ""
    significant: bool = False
    analysis: str = ""
    recorded_by: str = ""
    url: str = ""


Source = Callable[[Child], Iterable[Entry]]
_sources: list[Source] = []
_kinds: set[str] = set()


def register_source(source: Source, kinds: Iterable[str]) -> None:
    _sources.append(source)
    _kinds.update(kinds)


def kinds() -> list[str]:
    return sorted(_kinds)


def entries_for(
    child: Child, *, kind: str = "", start: date | None = None, end: date | None = None
) -> list[Entry]:
    """The child's entries, newest first, filtered by kind and dates."""
    entries = [e for source in _sources for e in source(child)]
    return sorted(
        (
            e
            for e in entries
            if (not kind or e.kind == kind)
            and (not start or e.on >= start)
            and (not end or e.on <= end)
        ),
        key=lambda e: e.on,
        reverse=True,
    )

"""The measures a priority names, read through the measure registry.

Ids are kept as text. While the registry is being filled a plan may name a measure it does not
know yet: such an id is kept and shown as it is, and a person choosing measures may keep it but
not add a new unknown one.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from safeguard.measures import registry


@dataclass(frozen=True)
class LinkedMeasure:
    id: str
    title: str
    known: bool


def known_ids() -> set[str]:
    return {m.id for m in registry.measures()}


def linked(measure_ids: Sequence[str]) -> list[LinkedMeasure]:
    known = {m.id: m for m in registry.measures()}
    return [LinkedMeasure(i, known[i].title if i in known else i, i in known) for i in measure_ids]


def choices(keep: Sequence[str]) -> list[tuple[str, str]]:
    """Every registered measure in the registry's priority order, then ids kept from before."""
    order = {key: n for n, key in enumerate(registry.PRIORITIES)}
    ordered = sorted(registry.measures(), key=lambda m: (order.get(m.priority, 99), m.title))
    found = [(m.id, f"{m.title} ({registry.PRIORITIES[m.priority]})") for m in ordered]
    known = {m.id for m in ordered}
    return found + [(i, f"{i} (not in the measure registry)") for i in keep if i not in known]


def unknown(measure_ids: Sequence[str], keep: Sequence[str] = ()) -> list[str]:
    """Ids neither registered nor already linked; none while the registry is empty."""
    known = known_ids()
    if not known:
        return []
    return [i for i in measure_ids if i not in known and i not in keep]

"""Status badges on a child's summary. Later apps register what they know (CIN, CP, CLA)."""

from collections.abc import Callable
from dataclasses import dataclass

from safeguard.people.models import Child


@dataclass(frozen=True)
class Badge:
    label: str
    colour: str  # a GOV.UK tag colour: red, blue, purple, orange, grey…
    description: str = ""


BadgeRule = Callable[[Child], list[Badge]]
_rules: list[BadgeRule] = []


def register_badges(rule: BadgeRule) -> None:
    _rules.append(rule)


def badges_for(child: Child) -> list[Badge]:
    return [badge for rule in _rules for badge in rule(child)]


def _restricted(child: Child) -> list[Badge]:
    from safeguard.access.models import RestrictedRecord

    if RestrictedRecord.objects.filter(child=child).exists():
        return [Badge("Restricted", "red", "Only people given access may open this record")]
    return []


def _unborn(child: Child) -> list[Badge]:
    return [Badge("Unborn", "purple")] if child.is_unborn else []


register_badges(_restricted)
register_badges(_unborn)

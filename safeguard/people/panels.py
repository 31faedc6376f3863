"""Panels on a child's summary page. Apps above `people` register what they show about the
child (the social care episodes, looked-after status…), so the summary never imports them."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.http import HttpRequest

from safeguard.people.models import Child


@dataclass
class Panel:
    title: str
    template: str
    context: dict[str, object] = field(default_factory=dict)
    actions: list[tuple[str, str]] = field(default_factory=list)  # (label, url)


PanelMaker = Callable[[HttpRequest, Child], Panel | None]
_makers: list[PanelMaker] = []


def register_panel(maker: PanelMaker) -> None:
    _makers.append(maker)


def panels_for(request: HttpRequest, child: Child) -> list[Panel]:
    return [panel for maker in _makers if (panel := maker(request, child)) is not None]

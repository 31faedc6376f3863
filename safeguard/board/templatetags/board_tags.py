from django import template
from django.http import HttpRequest
from django.urls import reverse

from safeguard.board import capabilities as cap
from safeguard.board import plan_measures
from safeguard.board.plan_measures import LinkedMeasure

register = template.Library()

_SECTIONS = [
    ("Overview", "board:home", cap.READ),
    ("Meetings", "board:meetings", cap.READ),
    ("Action log", "board:actions", cap.READ),
    ("Partnership and members", "board:partnership", cap.READ),
    ("Attendance and actions figures", "board:figures", cap.READ),
    ("Member reviews", "board:reviews", cap.MANAGE),
    ("Your annual review", "board:my-reviews", cap.OWN_REVIEW),
    ("Quorum and papers settings", "board:settings", cap.MANAGE),
]


@register.inclusion_tag("board/_subnav.html", takes_context=True)
def board_subnav(context: template.Context) -> dict[str, object]:
    """The board's pages this user may open, the current one marked."""
    request: HttpRequest = context["request"]
    links = [
        (label, reverse(name), request.path == reverse(name))
        for label, name, capability in _SECTIONS
        if request.user.can(capability)
    ]
    return {"links": links}


@register.filter
def measures(measure_ids: list[str]) -> list[LinkedMeasure]:
    return plan_measures.linked(measure_ids)


@register.filter
def percent(value: float | None) -> str:
    return "–" if value is None else f"{value:g}%"

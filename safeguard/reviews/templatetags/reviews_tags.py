from datetime import date

from django import template
from django.http import HttpRequest
from django.urls import reverse

from safeguard.reviews import capabilities as cap
from safeguard.reviews.models import Action

register = template.Library()

_SECTIONS = [
    ("Incidents and reviews", "reviews:incidents", cap.VIEW),
    ("Case file audits", "reviews:audits", cap.VIEW),
    ("All actions", "reviews:actions", cap.RUN),
    ("Progress", "reviews:progress", cap.PROGRESS),
    ("Figures for the annual report", "reviews:figures", cap.PROGRESS),
    ("Themes", "reviews:themes", cap.RUN),
]


@register.inclusion_tag("reviews/_subnav.html", takes_context=True)
def reviews_subnav(context: template.Context) -> dict[str, object]:
    """The pages of the case reviews section this user may open, the current one marked."""
    request: HttpRequest = context["request"]
    links = [
        (label, reverse(name), request.path == reverse(name))
        for label, name, capability in _SECTIONS
        if request.user.can(capability)
    ]
    return {"links": links}


@register.filter
def overdue_on(action: Action, today: date) -> bool:
    return action.is_overdue(today)

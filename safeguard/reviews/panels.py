"""The "Case reviews" panel on a child's summary, for people who see reviews."""

from django.http import HttpRequest

from safeguard.people.models import Child
from safeguard.people.panels import Panel, register_panel
from safeguard.reviews import capabilities as cap
from safeguard.reviews.models import IncidentChild


def _case_reviews(request: HttpRequest, child: Child) -> Panel | None:
    if not request.user.can(cap.VIEW):
        return None
    links = IncidentChild.objects.filter(child=child).select_related("incident")
    if not links:
        return None
    return Panel("Serious incidents and case reviews", "reviews/panel.html", {"links": links})


def register() -> None:
    register_panel(_case_reviews)

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse

from safeguard.access import navigation as nav


def navigation(request: HttpRequest) -> dict[str, object]:
    context: dict[str, object] = {
        "nav_items": nav.items_for(request),
        "partnership_name": getattr(
            settings, "PARTNERSHIP_NAME", "Safeguarding children partnership"
        ),
    }
    if request.user.is_authenticated:
        context |= {
            "session_timeout_seconds": settings.SESSION_INACTIVITY_SECONDS,
            "session_warning_seconds": settings.SESSION_WARNING_SECONDS,
            "session_keepalive_url": reverse("access:keep-alive"),
            "session_timeout_url": reverse("access:timed-out"),
        }
    return context

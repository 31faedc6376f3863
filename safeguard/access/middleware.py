"""Session rules: sign out after inactivity, and a second factor where the role requires it."""

import logging
import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

LAST_ACTIVITY = "last_activity"

logger = logging.getLogger("safeguard.security")


class InactivityTimeoutMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        signed_in = request.user.is_authenticated  # loads the session, if there is one
        cookie = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
        # Loading a session the store does not hold leaves it without a key.
        if cookie and request.session.session_key is None:
            # Someone sent a session we never issued, or one that has ended: they see nothing
            # but the sign-in page, and the attempt is on record.
            logger.warning(
                "Unknown or expired session cookie from %s for %s",
                request.META.get("REMOTE_ADDR", "?"),
                request.path,
            )
        if signed_in:
            now = time.time()
            last = request.session.get(LAST_ACTIVITY, now)
            if now - last > settings.SESSION_INACTIVITY_SECONDS:
                logout(request)
                return redirect(reverse("access:timed-out"))
            request.session[LAST_ACTIVITY] = now
        return self.get_response(request)


# Pages a signed-in user without a verified second factor may still reach.
_SECOND_FACTOR_EXEMPT = ("access:two-factor", "access:sign-out", "access:keep-alive")


class SecondFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            settings.OTP_REQUIRED_FOR_CHILD_DATA
            and user.is_authenticated
            and user.role is not None
            and user.role.sees_child_data
            and not user.is_verified()
            and not request.path.startswith(settings.STATIC_URL)
            and request.path not in {reverse(name) for name in _SECOND_FACTOR_EXEMPT}
        ):
            return redirect(reverse("access:two-factor"))
        return self.get_response(request)

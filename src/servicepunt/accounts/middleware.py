"""Session rules after the user is known: the idle timeout, and the second factor."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django_otp import user_has_device

from servicepunt.accounts.models import User
from servicepunt.accounts.second_factor import second_factor_required
from servicepunt.core.api import API_PREFIX, problem_http_response

LAST_ACTIVITY_KEY = "servicepunt_last_activity"
SIGNED_IN_AT_KEY = "servicepunt_signed_in_at"
# The stored moment is renewed at most this often, so not every request writes the session.
ACTIVITY_RESOLUTION_SECONDS = 60


def _go_to(request: HttpRequest, url: str) -> HttpResponse:
    """Send the browser to `url`: htmx swaps nothing and loads the page; the API answers 401/403."""
    if request.headers.get("HX-Request") == "true":  # read here: django-htmx runs later
        response = HttpResponse(status=204)
        response["HX-Redirect"] = url
        return response
    return HttpResponseRedirect(url)


class IdleTimeoutMiddleware:
    """Ends a session that made no request for SERVICEPUNT_IDLE_TIMEOUT_MINUTES (htmx requests
    count), and one older than SESSION_COOKIE_AGE however active it was. Django renews a
    session's expiry whenever the session is saved, so the absolute age is kept here too: the
    moment of signing in is in the session."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            now = int(time.time())
            session = request.session
            last, signed_in = session.get(LAST_ACTIVITY_KEY), session.get(SIGNED_IN_AT_KEY)
            if isinstance(last, int) and now - last > int(settings.SERVICEPUNT_IDLE_TIMEOUT_MINUTES) * 60:
                return _sign_out(request, _("U was te lang niet actief. Log opnieuw in om verder te gaan."))
            if isinstance(signed_in, int) and now - signed_in > int(settings.SESSION_COOKIE_AGE):
                return _sign_out(request, _("U bent al lang ingelogd. Log opnieuw in om verder te gaan."))
            if not isinstance(signed_in, int):
                session[SIGNED_IN_AT_KEY] = now
            if not isinstance(last, int) or now - last >= ACTIVITY_RESOLUTION_SECONDS:
                session[LAST_ACTIVITY_KEY] = now
        return self.get_response(request)


def _sign_out(request: HttpRequest, message: str) -> HttpResponse:
    logout(request)
    if request.path.startswith(API_PREFIX):
        return _problem(401, message, "session-expired")
    messages.info(request, message)
    query = urlencode({"next": request.path}, safe="/") if request.method == "GET" else ""
    return _go_to(request, reverse(settings.LOGIN_URL) + (f"?{query}" if query else ""))


def _problem(status: int, detail: str, code: str) -> HttpResponse:
    return problem_http_response(status_code=status, detail=detail, code=code)


# The pages a signed-in user without a second factor may still open.
OPEN_WITHOUT_SECOND_FACTOR = frozenset(
    {
        "accounts:login",
        "accounts:logout",
        "accounts:second-factor",
        "accounts:second-factor-setup",
        "admin:logout",
        "set_language",
        "core:health",
    }
)


class SecondFactorMiddleware:
    """Staff who must use a second factor (accounts.second_factor) and have not passed it in this
    session see only the step itself: the code, or setting up the app the first time."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Callable[..., Any], args: Any, kwargs: Any
    ) -> HttpResponse | None:
        user = request.user
        if not isinstance(user, User) or user.is_verified():  # type: ignore[attr-defined]
            return None
        match = request.resolver_match
        if match is not None and match.view_name in OPEN_WITHOUT_SECOND_FACTOR:
            return None
        if not second_factor_required(user, request):
            return None
        if request.path.startswith(API_PREFIX):
            return _problem(403, _("Log eerst in met uw tweede stap (de code uit uw app)."), "second-factor-required")
        step = "accounts:second-factor" if user_has_device(user) else "accounts:second-factor-setup"
        query = urlencode({"next": request.path}, safe="/") if request.method == "GET" else ""
        return _go_to(request, reverse(step) + (f"?{query}" if query else ""))

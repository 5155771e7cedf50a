"""No answer of ours is kept in a browser's or proxy's cache.

Nearly every page shows personal data (a resident, a case, the full BSN after a reveal, the
resident's own appointment page), and a shared counter PC keeps its browser cache after the
employee signs out. The simplest rule that is safe: every answer that passes here gets
`Cache-Control: no-store`. Static files never get here (WhiteNoise answers them above this
middleware), so they keep their long cache."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers


class NoStoreMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if "no-store" not in response.get("Cache-Control", ""):
            # Replaces whatever a view set: max-age=0, no-cache, no-store, must-revalidate, private.
            del response["Cache-Control"]
            add_never_cache_headers(response)
        return response

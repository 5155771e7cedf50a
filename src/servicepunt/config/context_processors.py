"""Template context shared by every page: the navigation the signed-in user may use, and the theme."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from servicepunt.config.navigation import navigation_for


def navigation(request: HttpRequest) -> dict[str, Any]:
    return {
        "navigation": navigation_for(request.user, request.path),
        "theme_stylesheet": settings.THEME_STYLESHEET,
        "theme_class": settings.THEME_CLASS,
    }

"""Meeting links for video appointments. The default provider makes a link to a self-hosted
Jitsi-compatible server with an unguessable room name; another provider can be plugged in with
the setting SERVICEPUNT_VIDEO_PROVIDER (dotted path to a callable returning a URL)."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import cast

from django.conf import settings
from django.utils.module_loading import import_string

DEFAULT_BASE_URL = "https://meet.example.org"
ROOM_PREFIX = "servicepunt"
ROOM_TOKEN_BYTES = 18  # 144 random bits: a room name nobody can guess


def jitsi_room_url() -> str:
    base = str(getattr(settings, "SERVICEPUNT_VIDEO_BASE_URL", DEFAULT_BASE_URL)).rstrip("/")
    return f"{base}/{ROOM_PREFIX}-{secrets.token_urlsafe(ROOM_TOKEN_BYTES)}"


def meeting_url_new() -> str:
    provider_path = getattr(settings, "SERVICEPUNT_VIDEO_PROVIDER", "")
    provider = cast(Callable[[], str], import_string(provider_path)) if provider_path else jitsi_room_url
    return provider()

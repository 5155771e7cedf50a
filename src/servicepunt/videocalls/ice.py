"""The ICE servers a call's browser may use, from settings: STUN to learn its public address and
TURN to relay media through strict firewalls (coturn with `use-auth-secret`). TURN credentials are
minted per participant and expire (coturn's REST scheme: the user name is "<expiry>:<participant>",
the password the base64 HMAC-SHA1 of it under the shared secret), so a leaked page gives no
lasting relay. With nothing configured the list is empty, and the browser contacts no server
beyond ours: janus.js would otherwise fall back to Google's public STUN server."""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
from typing import Any

from django.conf import settings


def turn_credential(username: str, secret: str) -> str:
    digest = hmac.new(secret.encode(), username.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


def ice_servers(participant: str, *, now: float | None = None) -> list[dict[str, Any]]:
    """The browser's `iceServers` for this participant (empty when none are configured)."""
    servers: list[dict[str, Any]] = []
    stun = list(settings.SERVICEPUNT_STUN_URLS)
    if stun:
        servers.append({"urls": stun})
    turn, secret = list(settings.SERVICEPUNT_TURN_URLS), str(settings.SERVICEPUNT_TURN_SECRET)
    if turn and secret:
        expiry = int(now if now is not None else time.time()) + int(settings.SERVICEPUNT_TURN_TTL_SECONDS)
        username = f"{expiry}:{participant}"
        servers.append({"urls": turn, "username": username, "credential": turn_credential(username, secret)})
    return servers

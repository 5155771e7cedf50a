"""Deploy checks of the video calls: the media server's secrets must be set, long and not the
development defaults, or anyone on the network could create rooms (API secret), reconfigure Janus
(admin secret) or mint themselves access to any call (token secret)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, Tags, register

JANUS_PROVIDER = "servicepunt.videocalls.media.janus.JanusProvider"
JANUS_SECRETS = ("SERVICEPUNT_JANUS_API_SECRET", "SERVICEPUNT_JANUS_ADMIN_SECRET", "SERVICEPUNT_JANUS_TOKEN_SECRET")
SHORTEST_SECRET = 32  # characters, as docs/operations.md asks; secrets.token_urlsafe(32) gives 43
DEVELOPMENT_PREFIX = "development-"


@register(Tags.security, deploy=True)
def media_secrets_check(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    if settings.SERVICEPUNT_MEDIA_PROVIDER != JANUS_PROVIDER:
        return []
    messages: list[CheckMessage] = []
    for name in JANUS_SECRETS:
        value = str(getattr(settings, name, "") or "")
        if len(value) < SHORTEST_SECRET or value.startswith(DEVELOPMENT_PREFIX):
            messages.append(
                Error(
                    f"{name} is empty, short or the development default.",
                    hint=f"Set it to a random value of at least {SHORTEST_SECRET} characters.",
                    id="servicepunt.E020",
                )
            )
    return messages

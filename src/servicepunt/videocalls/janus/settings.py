"""The Janus configuration the settings describe (for `servicepunt janus`)."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings

from servicepunt.videocalls.janus import JanusConfig


def config_from_settings() -> JanusConfig:
    url = urlsplit(settings.SERVICEPUNT_JANUS_URL)
    if url.hostname not in ("127.0.0.1", "localhost") or url.port is None:
        raise ValueError(
            "SERVICEPUNT_JANUS_URL must name a port on 127.0.0.1: the project's Janus listens on loopback."
        )
    public = urlsplit(settings.SERVICEPUNT_PUBLIC_URL)
    return JanusConfig(
        port=url.port,
        admin_port=settings.SERVICEPUNT_JANUS_ADMIN_PORT,
        api_secret=settings.SERVICEPUNT_JANUS_API_SECRET,
        admin_secret=settings.SERVICEPUNT_JANUS_ADMIN_SECRET,
        token_auth_secret=settings.SERVICEPUNT_JANUS_TOKEN_SECRET,
        rtp_port_range=settings.SERVICEPUNT_JANUS_RTP_PORTS,
        allow_origin=f"{public.scheme}://{public.netloc}",
    )

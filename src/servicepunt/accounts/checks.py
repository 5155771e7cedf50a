"""Deploy checks (`servicepunt check --deploy`) for signing in: a second factor, the idle
timeout, the Content-Security-Policy and, where switched on, single sign-on."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, Tags, Warning, register
from django.db import DatabaseError

from servicepunt.accounts.oidc import role_for_groups

OIDC_REQUIRED = (
    "OIDC_RP_CLIENT_ID",
    "OIDC_RP_CLIENT_SECRET",
    "OIDC_OP_AUTHORIZATION_ENDPOINT",
    "OIDC_OP_TOKEN_ENDPOINT",
    "OIDC_OP_USER_ENDPOINT",
    "OIDC_OP_JWKS_ENDPOINT",
)
UNSAFE_SOURCES = ("'unsafe-inline'", "'unsafe-eval'", "*")


def _oidc_messages() -> list[CheckMessage]:
    if not settings.SERVICEPUNT_OIDC_ENABLED:
        return []
    messages: list[CheckMessage] = [
        Error(f"Single sign-on is on but {name} is empty.", id="servicepunt.E012")
        for name in OIDC_REQUIRED
        if not getattr(settings, name, "")
    ]
    if not settings.OIDC_OP_LOGOUT_ENDPOINT:
        messages.append(
            Warning(
                "Single sign-on is on but OIDC_OP_LOGOUT_ENDPOINT is empty: logging out here leaves the "
                "session at the identity provider open, and the next person at the desk signs in as this user.",
                id="servicepunt.W012",
            )
        )
    mapping = settings.SERVICEPUNT_OIDC_ROLE_MAPPING
    if not isinstance(mapping, dict) or not mapping:
        messages.append(Error("SERVICEPUNT_OIDC_ROLE_MAPPING maps no group to a role.", id="servicepunt.E013"))
    else:
        messages += [
            Error(
                f"SERVICEPUNT_OIDC_ROLE_MAPPING: group {group!r} maps to {target!r}, which is no role "
                "(or a partner role without a known organisation code).",
                id="servicepunt.E013",
            )
            for group, target in mapping.items()
            if role_for_groups([group]) is None
        ]
    return messages


@register(Tags.security, deploy=True)
def sign_in_check(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    messages: list[CheckMessage] = []
    if not settings.SERVICEPUNT_2FA_REQUIRED or settings.SERVICEPUNT_2FA_EXEMPT_DEMO_ACCOUNTS:
        messages.append(
            Error(
                "Staff who see personal data can sign in without a second factor.",
                hint="Set SERVICEPUNT_2FA_REQUIRED on and SERVICEPUNT_2FA_EXEMPT_DEMO_ACCOUNTS off.",
                id="servicepunt.E010",
            )
        )
    idle = int(settings.SERVICEPUNT_IDLE_TIMEOUT_MINUTES)
    if idle <= 0 or idle * 60 > int(settings.SESSION_COOKIE_AGE):
        messages.append(
            Warning(
                f"SERVICEPUNT_IDLE_TIMEOUT_MINUTES is {idle}: no idle timeout within the session's age.",
                id="servicepunt.W010",
            )
        )
    directives = settings.CONTENT_SECURITY_POLICY.get("DIRECTIVES", {})
    for directive in ("default-src", "script-src", "style-src"):
        if set(directives.get(directive, [])) & set(UNSAFE_SOURCES):
            messages.append(
                Error(f"The Content-Security-Policy allows unsafe sources in {directive}.", id="servicepunt.E011")
            )
    try:  # a partner's organisation in the mapping is looked up in the database
        messages += _oidc_messages()
    except DatabaseError as error:
        messages.append(Warning(f"Single sign-on's role mapping could not be checked: {error}", id="servicepunt.W011"))
    return messages

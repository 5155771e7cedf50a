"""The security log: every sign-in event as a row (`SecurityEvent`), so an attack on an account
shows — many failed second steps, a recovery code used at night, an app set up again (BIO 12.4.1).
Django's sign-in signals record signing in and out and failed sign-ins; the second-step views call
`security_event_record` themselves. Nothing about residents is in it."""

from __future__ import annotations

import datetime as dt
import ipaddress
from typing import TYPE_CHECKING, Any

from axes.helpers import get_client_ip_address
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed

from servicepunt.accounts.choices import SecurityEventKind
from servicepunt.accounts.models import SecurityEvent, User

if TYPE_CHECKING:
    from django.http import HttpRequest

USERNAME_LENGTH = 150
SSO_BACKEND = "servicepunt.accounts.oidc.RoleMappingOIDCBackend"


def _address(request: HttpRequest | None) -> str | None:
    """The client address as the login lockout sees it (django-axes, behind a proxy too), so the
    security log and the lockout name the same address; None when there is none."""
    value = get_client_ip_address(request) if request is not None else None
    try:
        return str(ipaddress.ip_address(value or ""))
    except ValueError:
        return None


def security_event_record(
    *,
    kind: SecurityEventKind,
    request: HttpRequest | None,
    user: User | None = None,
    username: str = "",
    means: str = "",
) -> SecurityEvent:
    """Record one sign-in event. A failed sign-in names the username as typed (cut to the field's
    length: it is evidence, not an identity)."""
    known = user if isinstance(user, User) and user.pk is not None else None
    return SecurityEvent.objects.create(
        kind=kind,
        user=known,
        username=(known.username if known is not None else username)[:USERNAME_LENGTH],
        address=_address(request),
        means=means,
    )


def security_events_expire(*, before: dt.datetime, apply: bool) -> int:
    """The events older than `before` (the retention rule's cutoff); deleted when `apply`."""
    due = SecurityEvent.objects.filter(at__lt=before)
    count = due.count()
    if apply and count:
        due.delete()
    return count


def _signed_in(sender: Any, request: HttpRequest, user: User, **kwargs: Any) -> None:
    means = "sso" if getattr(user, "backend", "") == SSO_BACKEND else "wachtwoord"
    security_event_record(kind=SecurityEventKind.SIGNED_IN, request=request, user=user, means=means)


def _sign_in_failed(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    username = str(credentials.get("username", ""))
    security_event_record(kind=SecurityEventKind.SIGN_IN_FAILED, request=request, username=username)


def _signed_out(sender: Any, request: HttpRequest, user: User | None, **kwargs: Any) -> None:
    if user is not None:
        security_event_record(kind=SecurityEventKind.SIGNED_OUT, request=request, user=user)


def connect_signals() -> None:
    user_logged_in.connect(_signed_in, dispatch_uid="servicepunt.security_log.signed_in")
    user_login_failed.connect(_sign_in_failed, dispatch_uid="servicepunt.security_log.sign_in_failed")
    user_logged_out.connect(_signed_out, dispatch_uid="servicepunt.security_log.signed_out")

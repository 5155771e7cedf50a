"""SMS as a pluggable channel. SERVICEPUNT_SMS_BACKEND names the provider class (a dotted path)
that implements SmsBackend; empty means no provider, and an SMS is then recorded as failed
("no-sms-provider"), never as sent.

LoggingSmsBackend is for development only: it sends nothing, logs the length and the number of
segments (never the number or the text) and keeps nothing. It says so with `delivers = False`;
outside development (SERVICEPUNT_SMS_LOGGING_ALLOWED off) its messages are recorded as failed
("sms-logging-only"), and `servicepunt check --deploy` reports it as an error."""

from __future__ import annotations

from typing import ClassVar, Protocol, cast

import structlog
from django.conf import settings
from django.utils.module_loading import import_string

log = structlog.get_logger(__name__)
SEGMENT = 160  # characters in one plain SMS
LOGGING_BACKEND = "servicepunt.appointments.notify.sms.LoggingSmsBackend"


class SmsBackend(Protocol):
    """An SMS provider. `delivers` is False for a backend that only pretends to send."""

    delivers: ClassVar[bool]

    def send(self, *, to: str, text: str) -> None:
        """Send `text` to the E.164 number `to`, or raise."""


def segments(text: str) -> int:
    """How many plain SMS messages `text` takes."""
    return -(-len(text) // SEGMENT)


class LoggingSmsBackend:
    """Sends nothing and keeps nothing: logs `sms_logged` with the length and segments only."""

    delivers: ClassVar[bool] = False

    def send(self, *, to: str, text: str) -> None:
        log.info("sms_logged", characters=len(text), segments=segments(text))


def sms_backend_path() -> str:
    return str(getattr(settings, "SERVICEPUNT_SMS_BACKEND", "") or "")


def sms_backend() -> SmsBackend | None:
    """A new instance of the configured provider, or None when none is configured."""
    path = sms_backend_path()
    if not path:
        return None
    backend_class = import_string(path)
    return cast(SmsBackend, backend_class())


def sms_counts_as_sent(backend: SmsBackend) -> bool:
    """Whether what `backend` does may be recorded as sent: a real provider always, the logging
    backend only where development allows it."""
    return bool(getattr(backend, "delivers", True)) or bool(settings.SERVICEPUNT_SMS_LOGGING_ALLOWED)

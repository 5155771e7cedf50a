"""SMS as a pluggable channel. SERVICEPUNT_SMS_BACKEND names the class (a dotted path); it has
`send(*, to, text)`. The default, LoggingSmsBackend, sends nothing: it logs that a message would
go out (never the number or the text) and keeps it in memory for tests and development."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Protocol, cast

import structlog
from django.conf import settings
from django.utils.module_loading import import_string

log = structlog.get_logger(__name__)
SEGMENT = 160  # characters in one plain SMS


class SmsBackend(Protocol):
    def send(self, *, to: str, text: str) -> None:
        """Send `text` to the E.164 number `to`, or raise."""


@dataclass(frozen=True)
class Sms:
    to: str
    text: str


class LoggingSmsBackend:
    """Sends nothing. Logs `sms_logged` with the length only, and keeps the message in `outbox`
    (like Django's in-memory e-mail backend); tests empty it."""

    outbox: ClassVar[list[Sms]] = []

    def send(self, *, to: str, text: str) -> None:
        self.outbox.append(Sms(to=to, text=text))
        log.info("sms_logged", characters=len(text), segments=-(-len(text) // SEGMENT))


def sms_backend() -> SmsBackend:
    """A new instance of the configured backend."""
    backend_class = import_string(str(settings.SERVICEPUNT_SMS_BACKEND))
    return cast(SmsBackend, backend_class())

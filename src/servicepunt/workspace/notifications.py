"""Confirmations go out after the booking is committed, never for a booking that rolled back."""

from __future__ import annotations

from typing import Any

import structlog
from django.db import transaction

from servicepunt.appointments.notify import confirmation_send

log = structlog.get_logger(__name__)


def confirm_after_commit(*, appointment: Any = None, arrangement: Any = None) -> None:
    def send() -> None:
        try:
            confirmation_send(appointment=appointment, arrangement=arrangement)
        except Exception:  # a failing mail server must not undo or hide a booking
            log.exception("confirmation_failed")

    transaction.on_commit(send)

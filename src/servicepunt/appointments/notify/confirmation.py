"""The confirmation of a booking (or of a move): one e-mail for an appointment, or for all booked
parts of a combination, with the calendar file. The booking services queue it in their own
transaction, so a rolled-back booking is never confirmed and a committed one always is (or its
record says why not)."""

from __future__ import annotations

import structlog

from servicepunt.appointments.choices import NotificationChannel, NotificationKind, NotificationStatus
from servicepunt.appointments.models import Appointment, Arrangement, Notification
from servicepunt.appointments.notify.content import booked_parts
from servicepunt.appointments.notify.delivery import message_queue
from servicepunt.cases.choices import ContactPreference

log = structlog.get_logger(__name__)


def confirmation_queue(
    *, appointment: Appointment | None = None, arrangement: Arrangement | None = None
) -> list[Notification]:
    """Queue the confirmation e-mail when the resident has an e-mail address (unless they asked
    for no contact at all): one record row per appointment covered. A part of a combination
    confirms the whole combination. Without an address nothing is queued and the rows say why
    (the letter is then the way: letter_pdf)."""
    parts = booked_parts(appointment=appointment, arrangement=arrangement)
    resident = next((part.resident for part in parts if part.resident is not None), None)
    uuids = [str(part.uuid) for part in parts]
    if resident is None:
        log.info("confirmation_skipped", appointments=uuids, reason="no-resident")
        return []
    reason = ""
    if resident.contact_preference == ContactPreference.NONE:
        reason = "preference-none"
    elif not resident.email:
        reason = "no-address"
    kind, channel = NotificationKind.CONFIRMATION, NotificationChannel.EMAIL
    if reason:
        log.info("confirmation_skipped", appointments=uuids, reason=reason)
        return message_queue(parts, kind=kind, channel=channel, status=NotificationStatus.SKIPPED, reason=reason)
    log.info("confirmation_queued", appointments=uuids, channel=channel.value)
    return message_queue(parts, kind=kind, channel=channel)

"""The confirmation of a booking: one e-mail for an appointment, or for all booked parts of a
combination, with the calendar file. The booking pages call it after the booking commits
(transaction.on_commit), so a rolled-back booking is never confirmed."""

from __future__ import annotations

import structlog

from servicepunt.appointments.models import (
    Appointment,
    Arrangement,
    Notification,
    NotificationChannel,
    NotificationKind,
    NotificationStatus,
)
from servicepunt.appointments.notify.content import booked_parts, notice_for
from servicepunt.appointments.notify.log import notifications_record
from servicepunt.appointments.notify.messages import confirmation_email
from servicepunt.cases.models.resident import ContactPreference

log = structlog.get_logger(__name__)


def confirmation_send(
    *, appointment: Appointment | None = None, arrangement: Arrangement | None = None
) -> list[Notification]:
    """E-mail the confirmation when the resident has an e-mail address (unless they asked for no
    contact at all), and record it in the notification log: one row per appointment covered. A
    part of a combination confirms the whole combination. Without an address nothing is sent and
    the rows say why (the letter is then the way: letter_pdf)."""
    parts = booked_parts(appointment=appointment, arrangement=arrangement)
    notice = notice_for(parts)
    uuids = [str(part.uuid) for part in parts]
    if notice is None:
        log.info("confirmation_skipped", appointments=uuids, reason="no-resident")
        return []
    resident = notice.resident
    reason = ""
    if resident.contact_preference == ContactPreference.NONE:
        reason = "preference-none"
    elif not resident.email:
        reason = "no-address"
    if reason:
        log.info("confirmation_skipped", appointments=uuids, reason=reason)
        return notifications_record(
            parts,
            kind=NotificationKind.CONFIRMATION,
            channel=NotificationChannel.EMAIL,
            status=NotificationStatus.SKIPPED,
            reason=reason,
        )
    confirmation_email(notice, to=resident.email).send()
    log.info("confirmation_sent", appointments=uuids, channel="email", language=notice.language)
    return notifications_record(
        parts, kind=NotificationKind.CONFIRMATION, channel=NotificationChannel.EMAIL, status=NotificationStatus.SENT
    )

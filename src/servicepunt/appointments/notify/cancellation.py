"""The message to the resident when the Servicepunt cancels their appointment: by the channel
they chose (e-mail, or SMS for "phone"), in their language, with the reason. Queued by the
cancelling service in its own transaction."""

from __future__ import annotations

from collections.abc import Sequence

import structlog

from servicepunt.appointments.choices import NotificationKind, NotificationStatus
from servicepunt.appointments.models import Appointment, Notification
from servicepunt.appointments.notify.delivery import message_queue, resident_channel

log = structlog.get_logger(__name__)


def cancellation_queue(appointments: Sequence[Appointment]) -> list[Notification]:
    """Queue one cancellation message about these (just cancelled) appointments of one resident,
    or record why none goes out (no resident, letter, no contact, no address)."""
    rows = [row for row in appointments if row.resident_id is not None]
    uuids = [str(row.uuid) for row in appointments]
    if not rows:
        log.info("cancellation_message_skipped", appointments=uuids, reason="no-resident")
        return []
    channel, reason = resident_channel(rows[0].resident)
    if reason:
        log.info("cancellation_message_skipped", appointments=uuids, reason=reason)
        return message_queue(
            rows,
            kind=NotificationKind.CANCELLATION,
            channel=channel,
            status=NotificationStatus.SKIPPED,
            reason=reason,
        )
    log.info("cancellation_message_queued", appointments=uuids, channel=channel.value)
    return message_queue(rows, kind=NotificationKind.CANCELLATION, channel=channel)

"""Writing the notification log: one row per appointment a message was (or was not) about."""

from __future__ import annotations

from collections.abc import Iterable

from servicepunt.appointments.models import (
    Appointment,
    Notification,
    NotificationChannel,
    NotificationKind,
    NotificationStatus,
)


def notifications_record(
    appointments: Iterable[Appointment],
    *,
    kind: NotificationKind,
    channel: NotificationChannel,
    status: NotificationStatus,
    reason: str = "",
) -> list[Notification]:
    return [
        Notification.objects.create(
            appointment=appointment,
            kind=kind,
            channel=channel,
            status=status,
            starts_at=appointment.start,
            reason=reason,
        )
        for appointment in appointments
    ]

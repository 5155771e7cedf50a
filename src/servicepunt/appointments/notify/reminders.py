"""Reminders the day before, by the channel the resident chose: e-mail, or SMS for "phone";
nothing for "letter" or "no contact" (recorded as skipped). A combination gets one reminder for
its parts on that day.

Idempotent: each appointment's reminder is claimed in the notification log (unique per
appointment, kind, channel and start) in the same transaction that queues its delivery task,
with the appointment rows locked; a second run finds the rows and queues nothing. The task sends
it and retries a failing mail server or SMS provider (notify.delivery); the record shows where it
stands."""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

import structlog
from django.db import transaction
from django.utils import timezone

from servicepunt.appointments.choices import AppointmentStatus, NotificationKind, NotificationStatus
from servicepunt.appointments.engine import AMSTERDAM
from servicepunt.appointments.models import Appointment, Notification
from servicepunt.appointments.notify.delivery import message_enqueue, resident_channel

log = structlog.get_logger(__name__)


class Outcome(enum.StrEnum):
    QUEUED = "queued"  # claimed and handed to the job queue, which sends it
    SKIPPED = "skipped"
    ALREADY = "already"  # an earlier run sent it (or decided to skip it)
    FAILED = "failed"


@dataclass(frozen=True)
class ReminderResult:
    appointments: tuple[uuid.UUID, ...]
    arrangement: uuid.UUID | None
    channel: str
    outcome: Outcome
    reason: str = ""


def reminder_day_default(now: dt.datetime | None = None) -> dt.date:
    """Tomorrow in Amsterdam."""
    return (now or timezone.now()).astimezone(AMSTERDAM).date() + dt.timedelta(days=1)


@transaction.atomic
def _remind(pks: Sequence[int]) -> ReminderResult | None:
    # No select_related here: PostgreSQL cannot lock the nullable side of an outer join.
    rows = list(
        Appointment.objects.select_for_update().filter(pk__in=pks, status=AppointmentStatus.BOOKED).order_by("pk")
    )
    if not rows:
        return None  # cancelled meanwhile
    channel, reason = resident_channel(rows[0].resident)
    status = NotificationStatus.SKIPPED if reason else NotificationStatus.QUEUED
    message, claimed = uuid.uuid4(), []
    for row in rows:
        _log_row, created = Notification.objects.get_or_create(
            appointment=row,
            kind=NotificationKind.REMINDER,
            channel=channel,
            starts_at=row.start,
            defaults={"status": status, "reason": reason, "message": message},
        )
        if created:
            claimed.append(row)
    arrangement = rows[0].arrangement.uuid if rows[0].arrangement else None
    uuids = tuple(row.uuid for row in (claimed or rows))
    if not claimed:
        return ReminderResult(uuids, arrangement, channel.value, Outcome.ALREADY)
    if status == NotificationStatus.QUEUED:
        message_enqueue(message)
    return ReminderResult(uuids, arrangement, channel.value, Outcome(status.value), reason)


def _groups(day: dt.date) -> list[list[int]]:
    """The booked appointments starting on `day` (Amsterdam) and not over yet, one group per
    combination."""
    start = dt.datetime.combine(day, dt.time(), tzinfo=AMSTERDAM)
    end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tzinfo=AMSTERDAM)
    rows = Appointment.objects.filter(
        status=AppointmentStatus.BOOKED, start__gte=start, start__lt=end, end__gt=timezone.now()
    ).order_by("start", "pk")
    groups: dict[tuple[str, int], list[int]] = {}
    for pk, arrangement_id in rows.values_list("pk", "arrangement_id"):
        key = ("arrangement", arrangement_id) if arrangement_id else ("appointment", pk)
        groups.setdefault(key, []).append(pk)
    return list(groups.values())


def reminders_send(*, day: dt.date) -> list[ReminderResult]:
    """Queue the reminder of every resident with an appointment on `day`, once. One group that
    cannot be queued is logged and does not stop the others; the next run tries it again."""
    results = []
    for pks in _groups(day):
        try:
            result = _remind(pks)
        except Exception:
            uuids = tuple(Appointment.objects.filter(pk__in=pks).values_list("uuid", flat=True))
            log.exception("reminder_failed", appointments=[str(u) for u in uuids])
            results.append(ReminderResult(uuids, None, "", Outcome.FAILED))
            continue
        if result is None:
            continue
        event = f"reminder_{result.outcome.value}"
        log.info(
            event,
            appointments=[str(u) for u in result.appointments],
            channel=result.channel,
            reason=result.reason or None,
        )
        results.append(result)
    return results

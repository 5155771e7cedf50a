"""Delivering messages to the resident as tasks on the job queue.

`message_queue` writes the delivery record (one Notification row per appointment the message is
about) and enqueues `notification_deliver` for it. Both are written in the caller's transaction
(the database task backend inserts its row there too): a booking that rolls back leaves neither,
and a committed one cannot lose its message.

The task renders the message when it runs, in the resident's language, and sends it by the
record's channel. A failure is retried with exponential backoff (it enqueues itself again with
`run_after`) until SERVICEPUNT_NOTIFY_MAX_ATTEMPTS tries, and then the record says failed. It is
idempotent: the rows are locked while it sends, and a record that is no longer queued (sent,
failed or skipped) is left alone, so a task run twice sends once. Logs carry the message's uuid,
kind, channel, tries and the error's class, never an address or the text."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING

import structlog
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from servicepunt.appointments.choices import (
    AppointmentStatus,
    EventKind,
    NotificationChannel,
    NotificationKind,
    NotificationStatus,
)
from servicepunt.appointments.models import Appointment, AppointmentEvent, Notification
from servicepunt.appointments.notify.content import Notice, notice_for, selected
from servicepunt.appointments.notify.messages import (
    cancellation_email,
    cancellation_sms,
    confirmation_email,
    reminder_email,
    reminder_sms,
)
from servicepunt.appointments.notify.sms import sms_backend, sms_counts_as_sent
from servicepunt.cases.choices import ContactPreference

if TYPE_CHECKING:
    from servicepunt.cases.models import Resident

log = structlog.get_logger(__name__)
ERROR_NAME_LENGTH = 100  # Notification.last_error


class NotSent(Exception):
    """This message will not go out, whatever the number of tries: `status` is skipped (nothing
    to send any more) or failed (it cannot be sent as configured), `reason` a code for the record."""

    def __init__(self, status: NotificationStatus, reason: str) -> None:
        super().__init__(reason)
        self.status, self.reason = status, reason


def max_attempts() -> int:
    return int(settings.SERVICEPUNT_NOTIFY_MAX_ATTEMPTS)


def retry_delay(attempts: int) -> dt.timedelta:
    """How long to wait after the `attempts`-th failed try: the base, doubled after every try."""
    return dt.timedelta(seconds=int(settings.SERVICEPUNT_NOTIFY_RETRY_BASE_SECONDS) * 2 ** (attempts - 1))


def message_queue(
    appointments: Sequence[Appointment],
    *,
    kind: NotificationKind,
    channel: NotificationChannel,
    status: NotificationStatus = NotificationStatus.QUEUED,
    reason: str = "",
) -> list[Notification]:
    """Record one message about `appointments` and, when it is to be sent, enqueue its delivery,
    in the current transaction. A message that will not be sent (`status` skipped) is only
    recorded, with its reason."""
    message = uuid.uuid4()
    rows = [
        Notification.objects.create(
            message=message,
            appointment=appointment,
            kind=kind,
            channel=channel,
            status=status,
            starts_at=appointment.start,
            reason=reason,
        )
        for appointment in appointments
    ]
    if rows and status == NotificationStatus.QUEUED:
        message_enqueue(message)
    return rows


def message_enqueue(message: uuid.UUID, *, after: dt.datetime | None = None) -> None:
    """Enqueue the delivery of `message` (now, or not before `after`) in the current transaction."""
    deliver = notification_deliver.using(run_after=after) if after is not None else notification_deliver
    deliver.enqueue(str(message))


def resident_channel(resident: Resident | None) -> tuple[NotificationChannel, str]:
    """The channel the resident chose for reminders and cancellations (e-mail, or SMS for
    "phone") and, when nothing is to be sent, why."""
    if resident is None:
        return NotificationChannel.NONE, "no-resident"
    preference = resident.contact_preference
    if preference == ContactPreference.EMAIL:
        return NotificationChannel.EMAIL, "" if resident.email else "no-address"
    if preference == ContactPreference.PHONE:
        return NotificationChannel.SMS, "" if resident.phone else "no-address"
    if preference == ContactPreference.LETTER:
        return NotificationChannel.LETTER, "preference-letter"
    return NotificationChannel.NONE, "preference-none"


def _cancellation_reason(parts: Sequence[Appointment]) -> str:
    event = (
        AppointmentEvent.objects.filter(appointment__in=parts, kind=EventKind.CANCELLED).order_by("-at", "-id").first()
    )
    return event.reason if event is not None else ""


def _email(kind: str, notice: Notice, to: str, parts: Sequence[Appointment]) -> EmailMultiAlternatives:
    if kind == NotificationKind.CONFIRMATION:
        return confirmation_email(notice, to=to)
    if kind == NotificationKind.REMINDER:
        return reminder_email(notice, to=to)
    return cancellation_email(notice, to=to, reason=_cancellation_reason(parts))


def _sms_text(kind: str, notice: Notice, parts: Sequence[Appointment]) -> str:
    if kind == NotificationKind.CANCELLATION:
        return cancellation_sms(notice, reason=_cancellation_reason(parts))
    return reminder_sms(notice)


def _send(first: Notification, appointments: Sequence[Appointment]) -> None:
    """Render and send the message of these rows; NotSent when it will never go out."""
    parts = selected(appointments)
    if first.kind != NotificationKind.CANCELLATION:
        # A confirmation or reminder of an appointment cancelled meanwhile is not sent.
        parts = [part for part in parts if part.status == AppointmentStatus.BOOKED]
        if not parts:
            raise NotSent(NotificationStatus.SKIPPED, "cancelled")
    notice = notice_for(parts)
    if notice is None:
        raise NotSent(NotificationStatus.SKIPPED, "no-resident")
    resident = notice.resident
    if first.channel == NotificationChannel.EMAIL:
        if not resident.email:
            raise NotSent(NotificationStatus.SKIPPED, "no-address")
        _email(first.kind, notice, resident.email, parts).send()
        return
    if first.channel == NotificationChannel.SMS:
        if not resident.phone:
            raise NotSent(NotificationStatus.SKIPPED, "no-address")
        backend = sms_backend()
        if backend is None:
            raise NotSent(NotificationStatus.FAILED, "no-sms-provider")
        if not sms_counts_as_sent(backend):
            raise NotSent(NotificationStatus.FAILED, "sms-logging-only")
        backend.send(to=resident.phone, text=_sms_text(first.kind, notice, parts))
        return
    raise NotSent(NotificationStatus.SKIPPED, f"channel-{first.channel}")


def _update(rows: Sequence[Notification], **fields: object) -> None:
    Notification.objects.filter(pk__in=[row.pk for row in rows]).update(**fields)


def message_deliver(message: uuid.UUID) -> NotificationStatus | None:
    """One try to send `message`; returns the record's state afterwards (None: no such record).
    Used by the task, and by tests and the shell to try a message at once."""
    with transaction.atomic():
        # Lock only the record's rows (not the appointments): a slow mail server must not block
        # a booking change while this message is being sent.
        rows = list(
            Notification.objects.select_for_update(of=("self",))
            .filter(message=message)
            .select_related("appointment")
            .order_by("pk")
        )
        if not rows:
            log.warning("notification_missing", message=str(message))
            return None
        first = rows[0]
        if first.status != NotificationStatus.QUEUED:
            log.info("notification_already_done", message=str(message), status=first.status)
            return NotificationStatus(first.status)
        attempt, now = first.attempts + 1, timezone.now()
        context = {"message": str(message), "kind": first.kind, "channel": first.channel, "attempt": attempt}
        try:
            # A savepoint: a database error while rendering must not break the record's update.
            with transaction.atomic():
                _send(first, [row.appointment for row in rows])
        except NotSent as refused:
            _update(rows, status=refused.status, reason=refused.reason, attempts=attempt, next_attempt_at=None)
            log.warning("notification_not_sent", status=refused.status, reason=refused.reason, **context)
            return refused.status
        except Exception as error:  # any failure of the mail server or provider: try again later
            name = type(error).__name__[:ERROR_NAME_LENGTH]
            if attempt >= max_attempts():
                _update(rows, status=NotificationStatus.FAILED, attempts=attempt, last_error=name, next_attempt_at=None)
                log.error("notification_failed", error=name, **context)
                return NotificationStatus.FAILED
            after = now + retry_delay(attempt)
            _update(rows, attempts=attempt, last_error=name, next_attempt_at=after)
            message_enqueue(message, after=after)
            log.warning("notification_retry", error=name, next_attempt_at=after.isoformat(), **context)
            return NotificationStatus.QUEUED
        _update(rows, status=NotificationStatus.SENT, attempts=attempt, sent_at=now, next_attempt_at=None)
        log.info("notification_sent", **context)
        return NotificationStatus.SENT


@task()
def notification_deliver(message: str) -> str:
    """The task: one try to deliver the message with this uuid. It never raises for a failed
    send (the record and a re-enqueued task carry the retry), so the task table holds no
    traceback that could contain an address."""
    status = message_deliver(uuid.UUID(message))
    return status.value if status is not None else "missing"

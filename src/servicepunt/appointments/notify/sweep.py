"""Messages whose task was lost: a worker killed in the middle of a try leaves its task row
RUNNING (the database backend does not pick it up again) and the message's record queued. The
sweep enqueues a new try for every queued message that has been due for longer than
SERVICEPUNT_NOTIFY_STALE_MINUTES and has no task waiting. Sending stays idempotent (the record is
locked and checked), so a sweep that overlaps a slow try never sends twice."""

from __future__ import annotations

import datetime as dt
import uuid

import structlog
from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from servicepunt.appointments.choices import NotificationStatus
from servicepunt.appointments.models import Notification
from servicepunt.appointments.notify.delivery import message_enqueue, notification_deliver

log = structlog.get_logger(__name__)


def stale_after() -> dt.timedelta:
    return dt.timedelta(minutes=int(settings.SERVICEPUNT_NOTIFY_STALE_MINUTES))


def messages_requeue_stale(*, now: dt.datetime | None = None) -> list[uuid.UUID]:
    """Enqueue a new try for each stale queued message; returns their uuids."""
    cutoff = (now or timezone.now()) - stale_after()
    stale = (
        Notification.objects.filter(status=NotificationStatus.QUEUED)
        .filter(Q(next_attempt_at__isnull=True, at__lt=cutoff) | Q(next_attempt_at__lt=cutoff))
        .values_list("message", flat=True)
        .distinct()
    )
    waiting = {
        str(args[0])
        for args in DBTaskResult.objects.filter(
            status=TaskResultStatus.READY, task_path=notification_deliver.module_path
        ).values_list("args_kwargs__args", flat=True)
        if args
    }
    requeued = []
    for message in stale:
        if str(message) in waiting:
            continue  # a try is still coming (e.g. a worker that is behind)
        with transaction.atomic():
            message_enqueue(message)
        requeued.append(message)
        log.warning("notification_requeued", message=str(message))
    return requeued

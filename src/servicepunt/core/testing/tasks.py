"""Running queued tasks in a test, the way `servicepunt db_worker --batch` runs them, without
touching the process's signal handlers and without waiting for a retry's delay."""

from __future__ import annotations

from unittest import mock

from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult, get_date_max

TEST_WORKER_ID = "test-worker"


def tasks_due_now() -> int:
    """Make every task that waits for a later time (a retry's backoff) due now: time passing,
    without a clock in the test. Returns how many were waiting."""
    now = timezone.now()
    return (
        DBTaskResult.objects.filter(status=TaskResultStatus.READY, run_after__gt=now)
        .exclude(run_after=get_date_max())
        .update(run_after=now)
    )


def tasks_run(*, waiting_too: bool = False) -> int:
    """Run every task that is due (and, with `waiting_too`, also those waiting for a retry, once
    each) until none is left; returns how many tasks ran."""
    before = DBTaskResult.objects.exclude(status=TaskResultStatus.READY).count()
    if waiting_too:
        tasks_due_now()
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=TEST_WORKER_ID,
        excluded_queue_names=[],
    )
    # Between tasks the worker closes connections that are not in autocommit: inside a test's
    # transaction that would close the test's own connection (PostgreSQL), so not here.
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        worker.run()
    return DBTaskResult.objects.exclude(status=TaskResultStatus.READY).count() - before

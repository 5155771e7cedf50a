"""The retention run as a task on the job queue (django-tasks): `servicepunt privacy retention
--apply --enqueue` puts it there, the worker (`servicepunt db_worker`) runs it."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django_tasks import task

from servicepunt.privacy.services import retention_run


@task()
def retention_apply(user_id: int) -> dict[str, object]:
    """Apply the retention rules in the name of this user (the privacy officer's or a system
    account); the report is the task's result."""
    user = get_user_model().objects.get(pk=user_id)
    return retention_run(by=user, apply=True).as_dict()  # type: ignore[arg-type]

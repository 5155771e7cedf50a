"""Reading the access log: for the privacy officer only."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import AnonymousUser, PermissionsMixin
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from servicepunt.audit.models import AccessLogEntry

PAGE_SIZE = 100


def access_log(
    *, user: PermissionsMixin | AnonymousUser, username: str = "", subject_id: str = "", day: dt.date | None = None
) -> QuerySet[AccessLogEntry]:
    if not user.has_perm("audit.view_accesslog"):
        raise PermissionDenied
    entries = AccessLogEntry.objects.select_related("user")
    if username:
        entries = entries.filter(user__username=username)
    if subject_id:
        entries = entries.filter(subject_id=subject_id)
    if day:
        entries = entries.filter(at__date=day)
    return entries


def access_log_for_subjects(
    *, user: PermissionsMixin | AnonymousUser, subject_ids: list[str]
) -> QuerySet[AccessLogEntry]:
    """Who viewed the data of these subjects (a resident's public id), when, where and why."""
    return access_log(user=user).filter(subject_id__in=subject_ids)

"""Writing the access log. Called by every view or API call that shows personal data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction

from servicepunt.audit.models import AccessLogEntry

# What a staff member may write as the purpose of a view (the access log keeps it whole).
PURPOSE_LENGTH = AccessLogEntry._meta.get_field("purpose").max_length or 0


def access_record(
    *, user: AbstractBaseUser, subject_type: str, subject_id: str, screen: str, purpose: str
) -> AccessLogEntry:
    return AccessLogEntry.objects.create(
        user_id=user.pk, subject_type=subject_type, subject_id=str(subject_id), screen=screen, purpose=purpose
    )


def access_record_many(
    *, user: AbstractBaseUser, subject_type: str, subject_ids: Iterable[str], screen: str, purpose: str
) -> list[AccessLogEntry]:
    """One entry per subject, written in one statement (a list of search results)."""
    return AccessLogEntry.objects.bulk_create(
        AccessLogEntry(
            user_id=user.pk, subject_type=subject_type, subject_id=str(subject_id), screen=screen, purpose=purpose
        )
        for subject_id in subject_ids
    )


@transaction.atomic
def access_log_expire(*, before: dt.datetime, apply: bool) -> int:
    """Delete the entries older than the retention cutoff (or with apply=False count them). The
    only way an entry ever leaves the log: the append-only manager refuses every other delete."""
    # The base manager is Django's plain one, without the append-only guard.
    due = AccessLogEntry._base_manager.filter(at__lt=before)
    count = due.count()
    if apply and count:
        due.delete()
    return count

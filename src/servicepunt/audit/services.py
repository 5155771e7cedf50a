"""Writing the access log. Called by every view or API call that shows personal data."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from servicepunt.audit.models import AccessLogEntry


def access_record(*, user: Any, subject_type: str, subject_id: str, screen: str, purpose: str) -> AccessLogEntry:
    return AccessLogEntry.objects.create(
        user=user, subject_type=subject_type, subject_id=str(subject_id), screen=screen, purpose=purpose
    )


def access_record_many(
    *, user: Any, subject_type: str, subject_ids: Iterable[str], screen: str, purpose: str
) -> list[AccessLogEntry]:
    """One entry per subject, written in one statement (a list of search results)."""
    return AccessLogEntry.objects.bulk_create(
        AccessLogEntry(user=user, subject_type=subject_type, subject_id=str(subject_id), screen=screen, purpose=purpose)
        for subject_id in subject_ids
    )

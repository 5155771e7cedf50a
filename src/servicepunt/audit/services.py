"""Writing the access log. Called by every view or API call that shows personal data."""

from __future__ import annotations

from typing import Any

from servicepunt.audit.models import AccessLogEntry


def access_record(*, user: Any, subject_type: str, subject_id: str, screen: str, purpose: str) -> AccessLogEntry:
    return AccessLogEntry.objects.create(
        user=user, subject_type=subject_type, subject_id=str(subject_id), screen=screen, purpose=purpose
    )

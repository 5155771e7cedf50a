"""Test support of the access log: what a test of another app checks was (or was not) logged,
without importing `audit.models`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from servicepunt.audit.models import AccessLogEntry
from servicepunt.core.errors import AppendOnlyError

if TYPE_CHECKING:
    from servicepunt.audit.models import AccessLogQuerySet

__all__ = ["AppendOnlyError", "access_log_rows"]


def access_log_rows() -> AccessLogQuerySet:
    """Every access log entry, unchecked (a test reads what the selectors wrote)."""
    return AccessLogEntry.objects.all()

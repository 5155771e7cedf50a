from __future__ import annotations

from django.contrib import admin

from servicepunt.audit.models import AccessLogEntry
from servicepunt.core.admin import ReadOnly


@admin.register(AccessLogEntry)
class AccessLogEntryAdmin(ReadOnly, admin.ModelAdmin):  # type: ignore[type-arg]
    """Read-only: the log is append-only; the privacy officer reads it on its own page."""

    list_display = ("at", "user", "subject_type", "subject_id", "screen", "purpose")

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from servicepunt.audit.models import AccessLogEntry


@admin.register(AccessLogEntry)
class AccessLogEntryAdmin(admin.ModelAdmin):
    """Read-only: the log is append-only; the privacy officer reads it on its own page."""

    list_display = ("at", "user", "subject_type", "subject_id", "screen", "purpose")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

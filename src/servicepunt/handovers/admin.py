"""Handovers in the admin are read-only: the closed loop moves only through the services."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from servicepunt.handovers.models import Consent, Handover, HandoverTransition


class TransitionInline(admin.TabularInline):
    model = HandoverTransition
    readonly_fields = ["from_state", "to_state", "by", "at", "note"]
    extra = 0
    can_delete = False


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Handover)
class HandoverAdmin(ReadOnlyAdmin):
    list_display = ["uuid", "organisation", "state", "created_at"]
    list_filter = ["state", "organisation"]
    inlines = [TransitionInline]


@admin.register(Consent)
class ConsentAdmin(ReadOnlyAdmin):
    list_display = ["uuid", "organisation", "method", "given_at", "valid_until", "withdrawn_at"]

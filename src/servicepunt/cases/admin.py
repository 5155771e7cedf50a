"""Admin for residents and cases: read-mostly. Status and resolutions change only through the
services, so the admin cannot close a case past the closing rule."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from servicepunt.cases.choices import ClosingReason
from servicepunt.cases.models import Case, Question, Resident
from servicepunt.cases.services import case_close
from servicepunt.core.errors import ServicepuntError


@admin.register(Resident)
class ResidentAdmin(admin.ModelAdmin):
    list_display = ["full_name", "date_of_birth", "postcode", "registered_at"]
    search_fields = ["surname", "given_name"]
    # The encrypted BSN and its digest are never shown or edited here.
    exclude = ["bsn_encrypted", "bsn_digest"]
    readonly_fields = ["registered_by", "registered_at"]


class QuestionInline(admin.TabularInline):
    model = Question
    fields = ["text", "domain", "product", "resolution"]
    readonly_fields = ["resolution"]
    extra = 0


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin):
    list_display = ["uuid", "resident", "status", "opened_at", "closed_at"]
    list_filter = ["status"]
    readonly_fields = ["status", "closing_reason", "opened_by", "opened_at", "closed_at", "infoflits"]
    inlines = [QuestionInline]
    actions = ["close_cases"]

    @admin.action(description=_("Afsluiten (volgens de afsluitregel)"))
    def close_cases(self, request: HttpRequest, queryset: QuerySet[Case]) -> None:
        for case in queryset:
            try:
                case_close(case=case, closed_by=request.user, reason=ClosingReason.ALL_ARRANGED)
            except ServicepuntError as error:
                self.message_user(request, f"{case}: {error.message}", messages.ERROR)

    def save_model(self, request: HttpRequest, obj: Case, form: Any, change: bool) -> None:
        if not change:
            obj.opened_by = request.user  # type: ignore[assignment]
        super().save_model(request, obj, form, change)

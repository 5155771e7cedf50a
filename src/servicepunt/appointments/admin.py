"""Agenda management: the Functioneel beheerder manages every agenda, partner staff only those
of their own organisation (both need appointments.manage_agendas). Appointments and their
history are read-only here: they change only through the services."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.forms.models import BaseInlineFormSet
from django.http import HttpRequest
from django.utils.translation import gettext as _

from servicepunt.accounts.http import staff_user
from servicepunt.appointments.models import (
    Agenda,
    AgendaException,
    AgendaHours,
    AgendaProduct,
    Appointment,
    AppointmentEvent,
)
from servicepunt.appointments.selectors import agendas_manageable
from servicepunt.catalogue.selectors import entry_points_of_organisation
from servicepunt.core.admin import ReadOnly

MANAGE = "appointments.manage_agendas"


class ScopedByOrganisation:
    """With the permission everything is allowed (agendas and their products, hours and
    exceptions), but only on the agendas of the user's own organisation (see get_queryset)."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm(MANAGE)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return request.user.has_perm(MANAGE)

    has_change_permission = has_view_permission
    has_delete_permission = has_view_permission

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return request.user.has_perm(MANAGE)


class AgendaProductFormSet(BaseInlineFormSet):
    """A product belongs in an agenda only if the catalogue lists the agenda's entry point for
    it: the closing rule counts appointments at an entry point that offers the product."""

    def clean(self) -> None:
        super().clean()
        entry_point_id = self.instance.entry_point_id
        for form in self.forms:
            data = getattr(form, "cleaned_data", None) or {}
            product = data.get("product")
            if product is None or data.get("DELETE") or entry_point_id is None:
                continue
            if not product.entry_points.filter(pk=entry_point_id).exists():
                form.add_error("product", _("Het loket van deze agenda biedt dit product niet aan."))


class AgendaProductInline(ScopedByOrganisation, admin.TabularInline):
    model = AgendaProduct
    formset = AgendaProductFormSet
    extra = 0
    autocomplete_fields = ("product",)


class AgendaHoursInline(ScopedByOrganisation, admin.TabularInline):
    model = AgendaHours
    extra = 0


class AgendaExceptionInline(ScopedByOrganisation, admin.TabularInline):
    model = AgendaException
    extra = 0


@admin.register(Agenda)
class AgendaAdmin(ScopedByOrganisation, admin.ModelAdmin):
    list_display = ("name", "code", "entry_point", "desks", "in_person", "phone", "video", "active")
    list_filter = ("active", "in_person", "phone", "video", "entry_point__organisation")
    search_fields = ("name", "code", "entry_point__name_nl", "entry_point__organisation__name")
    readonly_fields = ("uuid",)
    inlines = [AgendaProductInline, AgendaHoursInline, AgendaExceptionInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Agenda]:
        return agendas_manageable(user=staff_user(request))

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        organisation_id = getattr(request.user, "organisation_id", None)
        if db_field.name == "entry_point" and organisation_id:
            kwargs["queryset"] = entry_points_of_organisation(organisation_id)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class AppointmentEventInline(ReadOnly, admin.TabularInline):
    model = AppointmentEvent
    extra = 0
    fields = ("at", "kind", "actor_kind", "by", "actor_description", "previous_start", "start", "reason")
    readonly_fields = fields


@admin.register(Appointment)
class AppointmentAdmin(ReadOnly, admin.ModelAdmin):
    # No resident, question or link here: personal data is read through the case pages, which log access.
    fields = ("uuid", "agenda", "product", "mode", "start", "end", "status", "arrangement", "booked_at", "cancelled_at")
    list_display = ("start", "agenda", "product", "mode", "status")
    list_filter = ("status", "mode", "agenda")
    date_hierarchy = "start"
    inlines = [AppointmentEventInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Appointment]:
        return super().get_queryset(request).filter(agenda__in=agendas_manageable(user=staff_user(request)))

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return request.user.has_perm(MANAGE)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm(MANAGE)

"""Catalogue maintenance for the Functioneel beheerder. Changes here raise the catalogue revision
(signals), so the triage index rebuilds; the YAML files remain the source for the next release."""

from __future__ import annotations

from django.contrib import admin

from servicepunt.catalogue.models import (
    CatalogueRelease,
    EntryPoint,
    LifeDomain,
    Location,
    OpeningException,
    OpeningHours,
    Organisation,
    Product,
    ProductContent,
    SearchTerm,
    UplEntry,
)


class ProductContentInline(admin.StackedInline):
    model = ProductContent
    extra = 0


class SearchTermInline(admin.TabularInline):
    model = SearchTerm
    extra = 1


@admin.register(Product)
class ProductAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "owner", "urgent", "active")
    list_filter = ("urgent", "active", "domains", "owner__kind")
    search_fields = ("code", "name", "name_en", "search_terms__phrase")
    filter_horizontal = ("domains", "entry_points")
    readonly_fields = ("uuid", "upl_name")
    inlines = [ProductContentInline, SearchTermInline]


class OpeningHoursInline(admin.TabularInline):
    model = OpeningHours
    extra = 0


class OpeningExceptionInline(admin.TabularInline):
    model = OpeningException
    extra = 0


@admin.register(EntryPoint)
class EntryPointAdmin(admin.ModelAdmin):
    list_display = ("code", "name_nl", "organisation", "appointments", "active")
    list_filter = ("appointments", "active", "organisation__kind")
    search_fields = ("code", "name_nl", "organisation__name")
    inlines = [OpeningHoursInline, OpeningExceptionInline]


class LocationInline(admin.StackedInline):
    model = Location
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "kind", "active")
    list_filter = ("kind", "active")
    search_fields = ("code", "name")
    inlines = [LocationInline]


@admin.register(LifeDomain)
class LifeDomainAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "zrm_name", "position")


@admin.register(CatalogueRelease)
class CatalogueReleaseAdmin(admin.ModelAdmin):
    list_display = ("version", "valid_from", "loaded_at", "content_hash")

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False


@admin.register(UplEntry)
class UplEntryAdmin(admin.ModelAdmin):
    list_display = ("name", "uri")
    search_fields = ("name", "uri")

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False

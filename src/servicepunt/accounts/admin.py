from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from servicepunt.accounts.models import SecurityEvent, User
from servicepunt.core.admin import ReadOnly


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    fieldsets = (*(BaseUserAdmin.fieldsets or ()), ("Servicepunt", {"fields": ("organisation",)}))
    list_display = ("username", "first_name", "last_name", "organisation", "is_active")
    list_filter = ("groups", "organisation", "is_active")


@admin.register(SecurityEvent)
class SecurityEventAdmin(ReadOnly, admin.ModelAdmin):  # type: ignore[type-arg]
    """The security log, read-only: the functioneel beheerder looks for attacks on accounts."""

    list_display = ("at", "kind", "username", "means", "address")
    list_filter = ("kind", "means")
    search_fields = ("username",)
    date_hierarchy = "at"

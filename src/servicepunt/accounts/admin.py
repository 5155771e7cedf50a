from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from servicepunt.accounts.models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    fieldsets = (*(BaseUserAdmin.fieldsets or ()), ("Servicepunt", {"fields": ("organisation",)}))
    list_display = ("username", "first_name", "last_name", "organisation", "is_active")
    list_filter = ("groups", "organisation", "is_active")

"""Reads of staff accounts for other apps: they ask here instead of querying `User` themselves."""

from __future__ import annotations

from servicepunt.accounts.models import User


def user_active(*, pk: int) -> User | None:
    """The active user with this primary key, or None (unknown or no longer active)."""
    return User.objects.filter(pk=pk, is_active=True).first()

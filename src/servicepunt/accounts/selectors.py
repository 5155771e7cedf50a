"""Reads of staff accounts for other apps: they ask here instead of querying `User` themselves."""

from __future__ import annotations

from servicepunt.accounts.models import User


def user_active(*, pk: int) -> User | None:
    """The active user with this primary key, or None (unknown or no longer active)."""
    return User.objects.filter(pk=pk, is_active=True).first()


def user_by_username(username: str) -> User | None:
    """The account with this username, active or not, or None."""
    return User.objects.filter(username=username).first()


def partner_staff_by_organisation() -> dict[int, User]:
    """One active partner employee per organisation (by its primary key; the newest account)."""
    return {
        user.organisation_id: user
        for user in User.objects.filter(organisation__isnull=False, is_active=True).order_by("pk")
        if user.organisation_id is not None
    }

"""Test support of the staff accounts: the users a test of another app looks up or makes by
hand, without importing `accounts.models` (shared fixtures: `make_user`, `employee` in the root
conftest)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from servicepunt.accounts.models import User

if TYPE_CHECKING:
    from django.contrib.auth.models import UserManager


def user_rows() -> UserManager[User]:
    return User.objects


def user(username: str) -> User:
    """The user with this username (it must exist)."""
    return User.objects.get(username=username)

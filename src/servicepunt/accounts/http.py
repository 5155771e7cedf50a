"""The request of a signed-in staff member, for type checkers.

Every view behind `core.access.permission_required` (and every API view with `api_permission`)
only runs for a signed-in user, so its `request.user` is one of our `User`s, never the anonymous
user. At run time this is Django's HttpRequest; the class only tells mypy what the decorator
guarantees."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from rest_framework.request import Request

from servicepunt.accounts.models import User


class AuthenticatedRequest(HttpRequest):
    user: User  # type: ignore[assignment]  # narrower than HttpRequest's User | AnonymousUser


def staff_user(request: HttpRequest | Request) -> User:
    """The signed-in staff member of a request whose view checked permissions (an API view, an
    admin page): the anonymous user never gets this far, and if it did it is refused here."""
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied
    return user

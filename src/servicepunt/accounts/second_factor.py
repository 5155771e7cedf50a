"""Who must pass a second factor (django-otp) before seeing anything.

Required for every role that sees personal data (the table SECOND_FACTOR_ROLES in
config/roles.py, named by the setting SERVICEPUNT_SECOND_FACTOR_ROLES) and for superusers,
while SERVICEPUNT_2FA_REQUIRED is on (production always). Not asked:
- a session that single sign-on made (the municipality's identity provider does the second
  factor; docs/configuration.md), and
- the public demo accounts where SERVICEPUNT_2FA_EXEMPT_DEMO_ACCOUNTS and demo data are both
  allowed (local development only).
"""

from __future__ import annotations

from collections.abc import Collection

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY
from django.http import HttpRequest
from django.utils.module_loading import import_string

from servicepunt.accounts.models import User
from servicepunt.accounts.roles import Role
from servicepunt.accounts.services import user_role

OIDC_BACKEND = "servicepunt.accounts.oidc.RoleMappingOIDCBackend"


def demo_usernames() -> Collection[str]:
    """The public demo logins; the demo app (a floor above) names them in the setting."""
    return frozenset(import_string(settings.SERVICEPUNT_DEMO_USERNAMES))


def second_factor_roles() -> Collection[Role]:
    return frozenset(import_string(settings.SERVICEPUNT_SECOND_FACTOR_ROLES))


def second_factor_required(user: User, request: HttpRequest | None = None) -> bool:
    if not settings.SERVICEPUNT_2FA_REQUIRED:
        return False
    if request is not None and request.session.get(BACKEND_SESSION_KEY) == OIDC_BACKEND:
        return False
    if (
        settings.SERVICEPUNT_2FA_EXEMPT_DEMO_ACCOUNTS
        and settings.SERVICEPUNT_ALLOW_DEMO_DATA
        and user.username in demo_usernames()
    ):
        return False
    return user.is_superuser or user_role(user) in second_factor_roles()

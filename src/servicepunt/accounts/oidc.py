"""Single sign-on with the municipality's identity provider (OpenID Connect, mozilla-django-oidc).

Off unless SERVICEPUNT_OIDC_ENABLED. At every sign-in the user's role comes from the provider's
groups claim through SERVICEPUNT_OIDC_ROLE_MAPPING ({group: role} or {group: "role:organisation"}
for partner staff), so a role taken away at the provider is gone at the next sign-in. Someone
whose groups map to no role, or to more than one, is not let in. The provider does the second
factor for these sessions (accounts.second_factor); docs/configuration.md says what it must do.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.http import HttpRequest
from django.urls import reverse
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from servicepunt.accounts.models import User
from servicepunt.accounts.roles import ORGANISATION_BOUND_ROLES, Role
from servicepunt.accounts.services import user_role_set
from servicepunt.catalogue.selectors import organisation_list

if TYPE_CHECKING:
    from servicepunt.catalogue.models import Organisation

logger = logging.getLogger(__name__)


def role_for_groups(groups: object) -> tuple[Role, Organisation | None] | None:
    """The one role (and a partner's organisation) the groups map to; None for none, several, an
    unknown role or organisation, or a partner role without its organisation."""
    if isinstance(groups, str):
        groups = [groups]
    if not isinstance(groups, list):
        return None
    mapping: dict[str, str] = settings.SERVICEPUNT_OIDC_ROLE_MAPPING
    found = {mapping[group] for group in groups if isinstance(group, str) and group in mapping}
    if len(found) != 1:
        return None
    role_value, _sep, organisation_code = found.pop().partition(":")
    if role_value not in Role.values:
        return None
    role = Role(role_value)
    if role not in ORGANISATION_BOUND_ROLES:
        return role, None
    organisation = organisation_list().filter(code=organisation_code).first() if organisation_code else None
    return (role, organisation) if organisation is not None else None


class RoleMappingOIDCBackend(OIDCAuthenticationBackend):  # type: ignore[misc]
    """Finds the user by the username claim (not by e-mail) and sets the role at every sign-in."""

    def _username(self, claims: dict[str, Any]) -> str:
        return str(claims.get(settings.SERVICEPUNT_OIDC_USERNAME_CLAIM) or "")[:150]

    def verify_claims(self, claims: dict[str, Any]) -> bool:
        if not self._username(claims):
            logger.warning("oidc_login_refused", extra={"reason": "no-username"})
            return False
        if role_for_groups(claims.get(settings.SERVICEPUNT_OIDC_GROUPS_CLAIM)) is None:
            logger.warning("oidc_login_refused", extra={"reason": "no-single-role"})
            return False
        return True

    def filter_users_by_claims(self, claims: dict[str, Any]) -> Any:
        return User.objects.filter(username=self._username(claims))

    def create_user(self, claims: dict[str, Any]) -> User:
        user = User(username=self._username(claims))
        user.set_unusable_password()
        user.save()
        return self.update_user(user, claims)

    def update_user(self, user: User, claims: dict[str, Any]) -> User:
        found = role_for_groups(claims.get(settings.SERVICEPUNT_OIDC_GROUPS_CLAIM))
        if found is None:  # verify_claims refused this already
            raise SuspiciousOperation("no single role")
        role, organisation = found
        user.first_name = str(claims.get("given_name", ""))[:150]
        user.last_name = str(claims.get("family_name", ""))[:150]
        user.email = str(claims.get("email", ""))[:254]
        user.save(update_fields=["first_name", "last_name", "email"])
        return user_role_set(user=user, role=role, organisation=organisation)


def provider_logout_url(request: HttpRequest, id_token: str) -> str:
    """Where to send the browser after our logout so the provider ends its session too
    (OpenID Connect RP-initiated logout 1.0), or "" when single sign-on is off, the provider has
    no logout endpoint configured, or this session did not come from the provider."""
    endpoint = str(settings.OIDC_OP_LOGOUT_ENDPOINT)
    if not (settings.SERVICEPUNT_OIDC_ENABLED and endpoint and id_token):
        return ""
    query = {
        "id_token_hint": id_token,
        "client_id": settings.OIDC_RP_CLIENT_ID,
        "post_logout_redirect_uri": request.build_absolute_uri(reverse(settings.LOGOUT_REDIRECT_URL)),
    }
    return f"{endpoint}{'&' if '?' in endpoint else '?'}{urlencode(query)}"

"""Single sign-on (OpenID Connect) as a municipality switches it on: the groups claim maps to
our roles at every sign-in; no mapped group, no entry. The provider is mocked: no network."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from unittest import mock
from urllib.parse import parse_qs, urlparse

import pytest
from django.contrib.auth import get_user_model
from django.test import Client, override_settings

from servicepunt.accounts.checks import sign_in_check
from servicepunt.accounts.oidc import RoleMappingOIDCBackend
from servicepunt.accounts.roles import Role
from servicepunt.accounts.services import user_role

User = get_user_model()
pytestmark = [pytest.mark.django_db, pytest.mark.urls("servicepunt.config.tests.oidc_urls")]

MAPPING = {
    "sg-servicepunt": "servicepunt-medewerker",
    "sg-teamleiders": "teamleider",
    "sg-juridisch-loket": "partner-medewerker:juridisch-loket",
}
OIDC = {
    "SERVICEPUNT_OIDC_ENABLED": True,
    "SERVICEPUNT_OIDC_ROLE_MAPPING": MAPPING,
    "OIDC_RP_CLIENT_ID": "servicepunt",
    "OIDC_RP_CLIENT_SECRET": "client-secret-for-tests",
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "https://login.gemeente.example/authorize",
    "OIDC_OP_TOKEN_ENDPOINT": "https://login.gemeente.example/token",
    "OIDC_OP_USER_ENDPOINT": "https://login.gemeente.example/userinfo",
    "OIDC_OP_JWKS_ENDPOINT": "https://login.gemeente.example/jwks",
    "AUTHENTICATION_BACKENDS": [
        "axes.backends.AxesStandaloneBackend",
        "django.contrib.auth.backends.ModelBackend",
        "servicepunt.accounts.oidc.RoleMappingOIDCBackend",
    ],
}


@pytest.fixture(autouse=True)
def oidc_on() -> Iterator[None]:
    with override_settings(**OIDC):
        yield


def _claims(**changes: Any) -> dict[str, Any]:
    return {
        "sub": "3f2a",
        "preferred_username": "l.devries",
        "given_name": "Lotte",
        "family_name": "de Vries",
        "email": "l.devries@gemeente.example",
        "groups": ["sg-servicepunt", "alle-medewerkers"],
        **changes,
    }


def _sign_in(client: Client, claims: dict[str, Any]) -> Any:
    """The authorization code flow with the provider's answers mocked: no network."""
    start = client.get("/oidc/authenticate/")
    assert start.status_code == 302 and start["Location"].startswith("https://login.gemeente.example/authorize")
    state = parse_qs(urlparse(start["Location"]).query)["state"][0]
    with (
        mock.patch.object(RoleMappingOIDCBackend, "get_token", return_value={"id_token": "id", "access_token": "at"}),
        mock.patch.object(RoleMappingOIDCBackend, "verify_token", return_value={"sub": claims["sub"]}),
        mock.patch.object(RoleMappingOIDCBackend, "get_userinfo", return_value=claims),
    ):
        return client.get("/oidc/callback/", {"code": "the-code", "state": state})


def test_the_login_page_offers_single_sign_on_when_it_is_on() -> None:
    page = Client().get("/accounts/inloggen/").content.decode()
    assert "Inloggen met uw account van de gemeente" in page and 'href="/oidc/authenticate/"' in page


def test_a_first_sign_in_creates_the_user_with_the_mapped_role_and_no_password() -> None:
    client = Client()
    response = _sign_in(client, _claims())
    assert response.status_code == 302 and response["Location"] == "/"
    user = User.objects.get(username="l.devries")
    assert user_role(user) == Role.SERVICEPUNT and not user.has_usable_password()
    assert (user.first_name, user.email) == ("Lotte", "l.devries@gemeente.example")
    # The provider did the second factor: the employee's pages open at once.
    assert client.get("/werkvoorraad/").status_code == 200


def test_the_role_follows_the_provider_at_every_sign_in() -> None:
    _sign_in(Client(), _claims())
    _sign_in(Client(), _claims(groups=["sg-teamleiders"]))
    user = User.objects.get(username="l.devries")
    assert user_role(user) == Role.TEAMLEIDER and not user.has_perm("cases.work_cases")


def test_a_partner_group_maps_to_the_role_and_its_organisation() -> None:
    _sign_in(Client(), _claims(preferred_username="p.jansen", groups="sg-juridisch-loket"))
    user = User.objects.get(username="p.jansen")
    assert user_role(user) == Role.PARTNER and user.organisation is not None
    assert user.organisation.code == "juridisch-loket"


@pytest.mark.parametrize(
    "groups",
    [["alle-medewerkers"], [], ["sg-servicepunt", "sg-teamleiders"], "not-a-list-of-groups", None],
    ids=["unmapped", "none", "two-roles", "unmapped-string", "missing"],
)
def test_without_exactly_one_mapped_role_nobody_gets_in(groups: object) -> None:
    client = Client()
    response = _sign_in(client, _claims(groups=groups))
    assert response.status_code == 302 and response["Location"] == "/accounts/inloggen/?sso=mislukt"
    assert not User.objects.filter(username="l.devries").exists()
    assert "lukte niet" in client.get(response["Location"]).content.decode()
    assert client.get("/werkvoorraad/").status_code == 302


def test_the_deploy_check_names_missing_settings_and_a_bad_mapping(settings: Any) -> None:
    assert not [m for m in sign_in_check() if m.id in {"servicepunt.E012", "servicepunt.E013"}]
    settings.OIDC_RP_CLIENT_SECRET = ""
    settings.SERVICEPUNT_OIDC_ROLE_MAPPING = {**MAPPING, "sg-x": "koning", "sg-y": "partner-medewerker:onbekend"}
    ids = [m.id for m in sign_in_check()]
    assert ids.count("servicepunt.E012") == 1 and ids.count("servicepunt.E013") == 2

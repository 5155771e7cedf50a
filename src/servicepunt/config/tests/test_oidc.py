"""Single sign-on (OpenID Connect) as a municipality switches it on: the groups claim maps to
our roles at every sign-in; no mapped group, no entry. The provider is mocked: no network."""

from __future__ import annotations

import os
import subprocess
import sys
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
    assert "servicepunt.W012" in ids  # no logout endpoint: the provider's session would outlive ours
    settings.OIDC_OP_LOGOUT_ENDPOINT = LOGOUT_ENDPOINT
    assert "servicepunt.W012" not in [m.id for m in sign_in_check()]


LOGOUT_ENDPOINT = "https://login.gemeente.example/logout"


def test_logging_out_ends_the_session_at_the_provider_too() -> None:
    client = Client()
    assert _sign_in(client, _claims()).status_code == 302
    with override_settings(OIDC_OP_LOGOUT_ENDPOINT=LOGOUT_ENDPOINT):
        answer = client.post("/accounts/uitloggen/")
    target = urlparse(answer["Location"])
    assert answer.status_code == 302 and f"{target.scheme}://{target.netloc}{target.path}" == LOGOUT_ENDPOINT
    query = parse_qs(target.query)
    assert query["id_token_hint"] == ["id"] and query["client_id"] == ["servicepunt"]
    assert query["post_logout_redirect_uri"] == ["http://testserver/accounts/inloggen/"]
    assert "_auth_user_id" not in client.session  # our session ended first


def test_without_a_provider_session_or_endpoint_logging_out_stays_here(employee: Any) -> None:
    signed_in = Client()
    _sign_in(signed_in, _claims())
    assert signed_in.post("/accounts/uitloggen/")["Location"] == "/accounts/inloggen/"  # no endpoint configured
    with_password = Client()
    with_password.force_login(employee)
    with override_settings(OIDC_OP_LOGOUT_ENDPOINT=LOGOUT_ENDPOINT):
        assert with_password.post("/accounts/uitloggen/")["Location"] == "/accounts/inloggen/"


def test_the_provider_joins_form_action_only_with_its_logout_endpoint() -> None:
    """The logout form's redirect to the provider would be blocked by `form-action 'self'`."""
    code = "from django.conf import settings; print(settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['form-action'])"
    base = {**os.environ, "DJANGO_SETTINGS_MODULE": "servicepunt.config.settings.test"}
    with_endpoint = {**base, "SERVICEPUNT_OIDC_ENABLED": "true", "OIDC_OP_LOGOUT_ENDPOINT": LOGOUT_ENDPOINT}

    def form_action(env: dict[str, str]) -> str:
        run = [sys.executable, "-c", f"import django; django.setup(); {code}"]
        return subprocess.run(run, env=env, capture_output=True, text=True, check=True, timeout=120).stdout  # noqa: S603

    assert "https://login.gemeente.example" in form_action(with_endpoint)
    assert "login.gemeente.example" not in form_action(base)

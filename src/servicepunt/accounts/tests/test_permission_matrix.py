"""Every role × every page and endpoint of the catalogue and triage: allowed, or refused."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from servicepunt.accounts.models import User
from servicepunt.accounts.roles import Role

ALL = set(Role)
COUNTER = {Role.SERVICEPUNT, Role.WIJKBUREAU, Role.TEAMLEIDER, Role.BEHEERDER}
INFOFLITS = {Role.SERVICEPUNT, Role.WIJKBUREAU}

# (method, url, body, roles allowed)
MATRIX = [
    ("get", "/catalogus/", None, ALL),
    ("get", "/catalogus/?domain=geld", None, ALL),
    ("get", "/catalogus/producten/huurtoeslag/", None, ALL),
    ("get", "/catalogus/organisaties/", None, ALL),
    ("get", "/catalogus/organisaties/toeslagen/", None, ALL),
    ("get", "/triage/", None, COUNTER),
    ("post", "/triage/", {"text": "ik kan de huur niet betalen"}, COUNTER),
    ("get", "/api/v1/products", None, ALL),
    ("get", "/api/v1/products/huurtoeslag", None, ALL),
    ("get", "/api/v1/organisations", None, ALL),
    ("post", "/api/v1/triage", {"text": "schulden"}, COUNTER),
    ("get", "/infoflits/", None, INFOFLITS),
    ("post", "/api/v1/suggestions", {"reference_date": "2026-11-01"}, INFOFLITS),
    ("get", "/privacy/toegangslog/", None, {Role.PRIVACY}),
    ("get", "/cijfers/", None, {Role.TEAMLEIDER}),
    ("get", "/beheer/", None, {Role.BEHEERDER, Role.PARTNER}),
    ("get", "/beheer/catalogue/product/", None, {Role.BEHEERDER, Role.PARTNER}),
    ("get", "/beheer/appointments/agenda/", None, {Role.BEHEERDER, Role.PARTNER}),
]


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
@pytest.mark.parametrize(("method", "url", "body", "allowed"), MATRIX, ids=[f"{m} {u}" for m, u, _, _ in MATRIX])
def test_role_access(
    make_user: Callable[..., User], role: Role, method: str, url: str, body: dict[str, str] | None, allowed: set[Role]
) -> None:
    client = Client()
    client.force_login(make_user(role))
    kwargs = {"content_type": "application/json"} if url.startswith("/api/") and body else {}
    response = getattr(client, method)(url, body, **kwargs) if body else getattr(client, method)(url)
    if role in allowed:
        assert response.status_code == 200, response.content[:300]
    elif url.startswith("/beheer/"):
        assert response.status_code == 302 and "/login/" in response["Location"]
    else:
        assert response.status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize(("method", "url", "body", "allowed"), MATRIX, ids=[f"{m} {u}" for m, u, _, _ in MATRIX])
def test_anonymous_is_sent_to_login_or_refused(
    method: str, url: str, body: dict[str, str] | None, allowed: set[Role]
) -> None:
    client = Client()
    response = getattr(client, method)(url, body or {})
    if url.startswith("/api/"):
        assert response.status_code in (401, 403)
        assert response["Content-Type"] == "application/problem+json"
    else:
        assert response.status_code == 302
        assert "login" in response["Location"] or "inloggen" in response["Location"]

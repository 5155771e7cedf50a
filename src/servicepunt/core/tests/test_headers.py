"""Headers on every answer: a strict Content-Security-Policy, and no caching of anything but
static files (pages show personal data, also the full BSN after a reveal)."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def policy(response: object) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]  # type: ignore[index]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def assert_strict_csp(response: object) -> None:
    directives = policy(response)
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"] and directives["style-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"] and directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"] and directives["form-action"] == ["'self'"]
    assert "unsafe-inline" not in response["Content-Security-Policy"]  # type: ignore[index]
    assert "unsafe-eval" not in response["Content-Security-Policy"]  # type: ignore[index]


def test_the_login_page_has_a_strict_csp_and_is_not_stored() -> None:
    response = Client().get("/accounts/inloggen/")
    assert_strict_csp(response)
    assert "no-store" in response["Cache-Control"]


def test_static_files_keep_their_cache() -> None:
    response = Client().get("/static/servicepunt/app.css")
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")

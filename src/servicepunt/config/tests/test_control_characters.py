"""Filters and answers with a control character are refused naming the field, never a 500
(PostgreSQL can neither store nor compare text with a NUL byte). Found by the fuzz walk."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from servicepunt.accounts.roles import Role

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["kenmerk", "medewerker"])
def test_an_access_log_filter_with_a_nul_byte_is_refused_naming_the_field(
    make_user: Callable[..., Any], name: str
) -> None:
    client = Client()
    client.force_login(make_user(Role.PRIVACY))
    response = client.get("/privacy/toegangslog/", {name: "a\x00b"})
    assert response.status_code == 200
    assert f"{name}: De tekst bevat een teken dat niet kan" in response.content.decode()

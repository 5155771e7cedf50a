"""Pages read with a constant number of queries, however large the catalogue (no N+1)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from servicepunt.accounts.roles import Role

if TYPE_CHECKING:
    from servicepunt.accounts.models import User

pytestmark = pytest.mark.django_db
MAX_QUERIES = 15


@pytest.mark.parametrize(
    "url",
    [
        "/catalogus/",
        "/catalogus/?domain=geld",
        "/catalogus/producten/huurtoeslag/",
        "/catalogus/organisaties/",
        "/catalogus/organisaties/gemeente-werk-inkomen/",
    ],
)
def test_catalogue_pages_use_few_queries(make_user: Callable[..., User], url: str) -> None:
    client = Client()
    client.force_login(make_user(Role.SERVICEPUNT))
    client.get(url)  # warm the session and permission caches
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    assert len(queries) <= MAX_QUERIES, [q["sql"][:120] for q in queries]


def test_the_triage_page_uses_few_queries(make_user: Callable[..., User]) -> None:
    client = Client()
    client.force_login(make_user(Role.SERVICEPUNT))
    client.post("/triage/", {"text": "schulden"})
    with CaptureQueriesContext(connection) as queries:
        client.post("/triage/", {"text": "ik kan de huur niet betalen en heb schulden"})
    assert len(queries) <= MAX_QUERIES, [q["sql"][:120] for q in queries]

"""The employee's pages are never stored by a browser or proxy, the page with a revealed BSN
least of all, and every one of them carries the strict Content-Security-Policy."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from servicepunt.core.tests.test_headers import assert_strict_csp

pytestmark = pytest.mark.django_db
TEST_BSN = "999990019"
REGISTRATION = {
    "given_name": "Ans",
    "surname": "Visser",
    "contact_preference": "phone",
    "phone": "06 12345678",
    "preferred_language": "nl",
    "postcode": "3511 ab",
    "house_number": "12",
    "question": "Ik heb een brief van de deurwaarder",
    "bsn": TEST_BSN,
}


def test_the_page_with_the_revealed_bsn_is_never_stored(client: Client) -> None:
    registered = client.post("/inwoners/nieuw/", REGISTRATION)
    assert registered.status_code == 302, registered.content.decode()[:500]
    case_page = registered["Location"]
    resident = re.search(r'href="(/inwoners/[0-9a-f-]{36}/)"', client.get(case_page).content.decode())
    assert resident is not None
    for url in (resident.group(1), case_page, "/werkvoorraad/"):
        page = client.get(url)
        assert page.status_code == 200 and "no-store" in page["Cache-Control"], url
        assert_strict_csp(page)
    shown = client.post(f"{resident.group(1)}bsn/", {"purpose": "aanvraag kwijtschelding"})
    assert TEST_BSN in shown.content.decode()
    assert "no-store" in shown["Cache-Control"] and "private" in shown["Cache-Control"]
    assert_strict_csp(shown)

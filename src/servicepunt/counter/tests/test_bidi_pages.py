"""Names and the resident's words are bidi-isolated wherever staff read them, so a U+202E in a
name cannot reorder what is shown next to it (counter pages, the summary and its PDF's HTML)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from django.test import Client

from servicepunt.cases.services import ResidentInput, resident_register_with_case

if TYPE_CHECKING:
    from servicepunt.accounts.models import User

pytestmark = pytest.mark.django_db
RLO = "\u202e"
SURNAME = f"{RLO}ressiV"
ISOLATED_NAME = f"<bdi>Ans {SURNAME}</bdi>"
WORDS = f"Ik heb {RLO}neduhcs"


def test_a_name_and_words_with_a_right_to_left_override_are_isolated_on_every_page(
    client: Client, employee: User
) -> None:
    data = ResidentInput(given_name="Ans", surname=SURNAME, contact_preference="none")
    case = resident_register_with_case(registered_by=employee, data=data, question=WORDS).case
    assert case is not None
    pages = {
        "case": client.get(f"/vraagstukken/{case.uuid}/"),
        "resident": client.get(f"/inwoners/{case.resident.uuid}/"),
        "search": client.post("/inwoners/", {"name": "Ans"}),
        "worklist": client.get("/werkvoorraad/"),
        "summary": client.get(f"/vraagstukken/{case.uuid}/afspraken/"),
    }
    for name, response in pages.items():
        page = response.content.decode()
        assert response.status_code == 200, name
        if name != "worklist":
            assert ISOLATED_NAME in page, name
        # Never the bare name: every place it appears, it is inside an isolate (<bdi>, or in the
        # <title> the isolate characters).
        isolated = page.count(ISOLATED_NAME) + page.count(f"\u2068Ans {SURNAME}\u2069")
        assert page.count(f"Ans {SURNAME}") == isolated, name
    assert f"<bdi>{WORDS}</bdi>" in pages["case"].content.decode()
    assert f"<bdi>{WORDS}</bdi>" in pages["summary"].content.decode()


def test_the_summary_pdf_gets_the_isolate_characters(
    client: Client, employee: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    """WeasyPrint has no unicode-bidi: isolate; what it is given has U+2068 … U+2069 in each <bdi>."""
    data = ResidentInput(given_name="Ans", surname=SURNAME, contact_preference="none")
    case = resident_register_with_case(registered_by=employee, data=data, question=WORDS).case
    assert case is not None
    given: list[str] = []

    class Document:
        def __init__(self, *, string: str, **_options: object) -> None:
            given.append(string)

        def write_pdf(self, **_options: object) -> bytes:
            return b"%PDF-1.7"

    monkeypatch.setattr("weasyprint.HTML", Document)
    response = client.get(f"/vraagstukken/{case.uuid}/afspraken.pdf")
    assert response.status_code == 200 and given
    assert f"<bdi>\u2068Ans {SURNAME}\u2069</bdi>" in given[0] and f"\u2068{WORDS}\u2069" in given[0]

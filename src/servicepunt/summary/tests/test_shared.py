"""Wat hebben we afgesproken? says with whom what was shared, in plain words, on the page and in
the PDF; also when the consent was withdrawn or has expired."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest
from django.test import Client
from django.utils import timezone

from servicepunt.cases.services import ResidentInput, case_open, resident_register
from servicepunt.catalogue.selectors import entry_points_active
from servicepunt.handovers.selectors import consents_for_resident
from servicepunt.handovers.services import consent_withdraw, handover_start
from servicepunt.summary import views as summary_views

if TYPE_CHECKING:
    from servicepunt.accounts.models import User
    from servicepunt.cases.models import Case

pytestmark = pytest.mark.django_db
HEADING = "Wat hebben we met uw toestemming gedeeld?"


@pytest.fixture
def client(employee: User) -> Client:
    client = Client()
    client.force_login(employee)
    return client


def _case(by: User, language: str = "nl") -> Case:
    resident = resident_register(
        registered_by=by,
        data=ResidentInput(given_name="Fatima", surname="El Amrani", phone="0612345678", preferred_language=language),
    ).resident
    case = case_open(
        resident=resident, opened_by=by, questions=["Ik heb schulden", "Ik wil een huurcontract laten lezen"]
    )
    legal = next(ep for ep in entry_points_active() if ep.organisation.code == "juridisch-loket")
    first, second = case.questions.order_by("created_at", "id")
    handover_start(
        question=first,
        entry_point=legal,
        shared=["question", "phone", "infoflits:geld"],
        consent_method="verbal",
        valid_until=dt.date(2099, 12, 31),
        summary=first.text,
        by=by,
    )
    handover_start(
        question=second,
        entry_point=legal,
        shared=[],
        consent_method="signed",
        valid_until=timezone.localdate(),
        summary=second.text,
        by=by,
    )
    return case


def _shared_part(html: str) -> str:
    return html[html.index(HEADING) : html.index("Heeft u nog vragen?")]


def test_the_page_says_what_was_shared_with_whom(client: Client, employee: User) -> None:
    case = _case(employee)
    part = _shared_part(client.get(f"/vraagstukken/{case.uuid}/afspraken/").content.decode())
    assert part.count("Het Juridisch Loket") == 2
    for words in ("Naam", "De vraag, in de woorden van de inwoner", "Telefoonnummer"):
        assert words in part
    assert "Antwoorden uit de infoflits over: Geld en schulden" in part
    assert "E-mailadres" not in part
    assert "Deze toestemming geldt tot en met 31 december 2099" in part


def test_the_pdf_says_the_same(client: Client, employee: User, monkeypatch: pytest.MonkeyPatch) -> None:
    case = _case(employee)
    printed: list[str] = []
    real = summary_views.pdf_from_html

    def capture(html: str, *, base_url: str) -> bytes:
        printed.append(html)
        return real(html, base_url=base_url)

    monkeypatch.setattr(summary_views, "pdf_from_html", capture)
    response = client.get(f"/vraagstukken/{case.uuid}/afspraken.pdf")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    part = _shared_part(printed[0])
    assert "Telefoonnummer" in part and "Antwoorden uit de infoflits over: Geld en schulden" in part


def test_a_withdrawn_or_expired_consent_is_said_so(client: Client, employee: User) -> None:
    case = _case(employee)
    second, first = consents_for_resident(resident=case.resident)  # newest first
    consent_withdraw(consent=first, withdrawn_by=employee)
    second.valid_until = timezone.localdate() - dt.timedelta(days=1)  # time passed
    second.save(update_fields=["valid_until"])
    part = _shared_part(client.get(f"/vraagstukken/{case.uuid}/afspraken/").content.decode())
    assert "U heeft deze toestemming ingetrokken." in part
    assert "De organisatie ziet nu alleen uw naam." in part


def test_the_summary_says_it_in_the_residents_language(client: Client, employee: User) -> None:
    case = _case(employee, language="en")
    page = client.get(f"/vraagstukken/{case.uuid}/afspraken/?taal=en").content.decode()
    assert "What did we share with your consent?" in page and "Phone number" in page

"""Wat hebben we afgesproken? The resident's summary as a page and a PDF: the next step's address
and what to bring, in the resident's language (Dutch, English, Dutch for a language we lack),
the employee's ?taal= choice, steps added by other contexts, access checks and logging, no cache,
a fixed number of queries, nothing fetched over the network, and axe in a browser."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from playwright.sync_api import Page, expect

from servicepunt.accounts.roles import Role
from servicepunt.accounts.testing import user_rows
from servicepunt.audit.testing import access_log_rows
from servicepunt.cases.closing import Resolution
from servicepunt.cases.services import (
    ResidentInput,
    case_open,
    question_add,
    question_link,
    question_resolve,
    resident_register,
)
from servicepunt.cases.testing import case_rows
from servicepunt.catalogue.localization import resident_language
from servicepunt.catalogue.places import Place
from servicepunt.catalogue.testing import entry_point_rows, product_rows
from servicepunt.core.pdf import static_only_fetcher
from servicepunt.core.testing.browser import assert_accessible, login
from servicepunt.handovers.categories import default_valid_until
from servicepunt.handovers.services import handover_start
from servicepunt.summary import selectors as summary_module
from servicepunt.summary.items import NextStep, StepKind
from servicepunt.summary.selectors import case_summary

if TYPE_CHECKING:
    from servicepunt.accounts.models import User
    from servicepunt.cases.models import Case
    from servicepunt.catalogue.models import EntryPoint

DEBTS = "Ik heb een brief van de deurwaarder en kan de huur niet betalen"
BRING_NL = "Bankafschriften van de laatste 3 maanden"
BRING_EN = "Bank statements for the last 3 months"


@pytest.fixture
def client(employee: User) -> Client:
    client = Client()
    client.force_login(employee)
    return client


def _entry_point() -> EntryPoint:
    """An entry point with an address that is not the Servicepunt's own."""
    entry_point = (
        entry_point_rows()
        .filter(active=True, location__isnull=False, phone__gt="")
        .exclude(organisation__code="servicepunt")
        .select_related("location", "organisation")
        .order_by("code")
        .first()
    )
    assert entry_point is not None and entry_point.location is not None
    return entry_point


def _case(by: User, *, language: str = "nl", questions: int = 1) -> Case:
    """A case whose questions are about debt help and handed over to an entry point."""
    resident = resident_register(
        registered_by=by,
        data=ResidentInput(
            given_name="Fatima", surname="El Amrani", contact_preference="letter", preferred_language=language
        ),
    ).resident
    case = case_open(resident=resident, opened_by=by, questions=[DEBTS])
    for number in range(1, questions):
        question_add(case=case, text=f"{DEBTS} ({number})", by=by)
    product = product_rows().get(code="schuldhulpverlening")
    for question in case.questions.all():
        question_link(question=question, product=product, by=by)
        handover_start(
            question=question,
            entry_point=_entry_point(),
            shared=["question", "phone", "email"],
            consent_method="verbal",
            valid_until=default_valid_until(timezone.localdate()),
            summary=question.text,
            by=by,
        )
    return case_rows().select_related("resident").get(pk=case.pk)


@pytest.mark.django_db
def test_the_page_shows_the_next_steps_address_and_what_to_bring(client: Client, employee: User) -> None:
    case = _case(employee)
    entry_point = _entry_point()
    assert entry_point.location is not None
    response = client.get(f"/vraagstukken/{case.uuid}/afspraken/")
    assert response.status_code == 200
    page = response.content.decode()
    assert '<html lang="nl"' in page
    assert "Wat hebben we afgesproken?" in page
    assert DEBTS in page
    assert entry_point.location.address_line in page
    assert entry_point.phone in page
    assert BRING_NL in page and BRING_EN not in page
    assert "Zij nemen contact met u op." in page  # what was arranged, in plain words
    assert (
        "data-print" in page
        and "servicepunt/print.js" in page
        and f"/vraagstukken/{case.uuid}/afspraken.pdf?taal=nl" in page
    )
    assert "no-store" in response["Cache-Control"]
    assert (
        access_log_rows()
        .filter(user=employee, subject_id=str(case.resident.uuid), screen="counter.case_summary")
        .exists()
    )


@pytest.mark.django_db
def test_an_english_resident_gets_english_content(client: Client, employee: User) -> None:
    case = _case(employee, language="en")
    page = client.get(f"/vraagstukken/{case.uuid}/afspraken/").content.decode()
    assert '<html lang="en"' in page
    assert BRING_EN in page and BRING_NL not in page
    assert "Debt help from the municipality" in page  # the product's English name
    assert "Free help from the municipality if you cannot pay your bills or have debts." in page


@pytest.mark.django_db
def test_the_employee_picks_the_language_and_an_unknown_one_gives_dutch(client: Client, employee: User) -> None:
    english = _case(employee, language="en")
    page = client.get(f"/vraagstukken/{english.uuid}/afspraken/?taal=nl").content.decode()
    assert '<html lang="nl"' in page and BRING_NL in page
    page = client.get(f"/vraagstukken/{english.uuid}/afspraken/?taal=xx").content.decode()
    assert '<html lang="en"' in page
    turkish = _case(employee, language="tr")
    page = client.get(f"/vraagstukken/{turkish.uuid}/afspraken/").content.decode()
    assert '<html lang="nl"' in page and BRING_NL in page


def test_summary_language_normalises_and_falls_back_to_dutch() -> None:
    assert resident_language("en-GB") == "en"
    assert resident_language("EN") == "en"
    assert resident_language("ar") == "nl"
    assert resident_language("") == "nl"


@pytest.mark.django_db
def test_the_pdf_is_a_pdf_with_its_stylesheet_read_from_disk(
    client: Client, employee: User, caplog: pytest.LogCaptureFixture
) -> None:
    case = _case(employee, language="en")
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        response = client.get(f"/vraagstukken/{case.uuid}/afspraken.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    today = timezone.localdate()
    assert response["Content-Disposition"] == f'inline; filename="afspraken-{today:%Y-%m-%d}.pdf"'
    assert "no-store" in response["Cache-Control"]
    assert response["Content-Language"] == "en"
    assert not [record for record in caplog.records if record.name.startswith("weasyprint")], caplog.text
    assert access_log_rows().filter(subject_id=str(case.resident.uuid), screen="counter.case_summary_pdf").exists()


def test_the_pdf_fetcher_reads_static_files_from_disk_and_refuses_everything_else() -> None:
    fetcher = static_only_fetcher()
    for url in (
        "http://testserver/static/servicepunt/summary-print.css",
        "https://cdn.example.org/static/servicepunt/summary-print.css",
    ):
        response = fetcher.fetch(url)  # whatever the host: the file on disk, never the network
        assert response.url.startswith("file://")
        assert b".sp-summary" in response.read()
        response.close()
    for url in (
        "http://testserver/vraagstukken/",
        "http://testserver/static/../config/settings/base.py",
        "http://testserver/static/servicepunt/missing.css",
        "file:///etc/passwd",
    ):
        with pytest.raises(ValueError, match="only local static files"):
            fetcher.fetch(url)


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.PARTNER, Role.PRIVACY, Role.TEAMLEIDER])
def test_roles_without_casework_are_refused(make_user: Callable[..., User], employee: User, role: Role) -> None:
    case = _case(employee)
    client = Client()
    client.force_login(make_user(role))
    for url in (f"/vraagstukken/{case.uuid}/afspraken/", f"/vraagstukken/{case.uuid}/afspraken.pdf"):
        assert client.get(url).status_code == 403
    assert not access_log_rows().exclude(user=employee).exists()


@pytest.mark.django_db
def test_the_page_costs_the_same_queries_for_one_question_or_five(client: Client, employee: User) -> None:
    one = _case(employee)
    five = _case(employee, questions=5)
    client.get(f"/vraagstukken/{one.uuid}/afspraken/")  # warm up the session and caches
    with CaptureQueriesContext(connection) as small:
        client.get(f"/vraagstukken/{one.uuid}/afspraken/")
    with CaptureQueriesContext(connection) as large:
        page = client.get(f"/vraagstukken/{five.uuid}/afspraken/").content.decode()
    assert page.count(BRING_NL) == 5
    assert len(large) == len(small), [q["sql"] for q in large.captured_queries]


@pytest.mark.django_db
def test_finished_questions_say_so_without_next_steps(employee: User) -> None:
    case = _case(employee)
    answered = question_add(case=case, text="Waar vind ik de bibliotheek?", by=employee)
    question_resolve(question=answered, resolution=Resolution.ANSWERED, by=employee)
    declined = question_add(case=case, text="Ik wil hulp bij de belasting", by=employee)
    question_resolve(question=declined, resolution=Resolution.DECLINED, by=employee)
    sections = case_summary(case, "nl", today=dt.date(2026, 12, 1))["sections"]
    assert [s.words for s in sections] == [DEBTS, "Waar vind ik de bibliotheek?", "Ik wil hulp bij de belasting"]
    assert sections[0].steps and sections[0].steps[0].kind == StepKind.CONTACT
    assert sections[1].arranged == "Uw vraag is beantwoord." and not sections[1].steps
    assert sections[2].arranged.startswith("U wilt hier nu geen hulp bij.") and not sections[2].steps


@pytest.mark.django_db
def test_steps_of_other_contexts_join_their_question_dated_first(
    client: Client, employee: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = _case(employee)
    question = case.questions.get()
    start = dt.datetime(2026, 12, 3, 10, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))
    place = Place(organisation="Gemeente Utrecht", name="Balie Schuldhulp", address="Stadsplateau 1, 3521 AZ Utrecht")
    appointment = NextStep(
        text="U heeft een afspraak.",
        kind=StepKind.APPOINTMENT,
        question=question.uuid,
        place=place,
        starts_at=start,
        ends_at=start + dt.timedelta(minutes=30),
    )
    elsewhere = NextStep(text="Bel de woningcorporatie over de huur.")

    def appointments(case: Case, language: str, today: dt.date) -> list[NextStep]:
        return [elsewhere, appointment]

    sections = case_summary(case, "nl", extra_steps=appointments(case, "nl", timezone.localdate()))["sections"]
    assert [step.kind for step in sections[0].steps] == [StepKind.APPOINTMENT, StepKind.CONTACT]
    assert sections[-1].steps == (elsewhere,) and not sections[-1].words

    monkeypatch.setattr(summary_module, "STEP_PROVIDERS", (appointments,))
    page = client.get(f"/vraagstukken/{case.uuid}/afspraken/").content.decode()
    assert "donderdag 3 december 2026, 10:30–11:00" in page
    assert "Ook afgesproken" in page and "Bel de woningcorporatie over de huur." in page


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_summary_page_passes_axe(page: Page, loaded_live_server: object) -> None:
    base_url = str(loaded_live_server)
    case = _case(user_rows().get(username="medewerker"))
    login(page, base_url, check_axe=False)
    page.goto(f"{base_url}/vraagstukken/{case.uuid}/afspraken/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Wat hebben we afgesproken?")
    expect(page.get_by_role("button", name="Afdrukken")).to_be_visible()
    assert_accessible(page)

"""Booking from the case page: one appointment for a question, a combination gemeente + DUO,
closing once every question is booked, and a cancellation reopening its question."""

from __future__ import annotations

import datetime as dt
import re
import smtplib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from unittest import mock

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from servicepunt.appointments.resident.links import resident_token
from servicepunt.appointments.services import Actor, appointment_cancel
from servicepunt.appointments.testing import appointment_rows, notification_rows
from servicepunt.cases.closing import Resolution
from servicepunt.cases.testing import CaseStatus, case_for_resident
from servicepunt.catalogue.testing import product

if TYPE_CHECKING:
    from servicepunt.accounts.models import User
    from servicepunt.appointments.models import Appointment
    from servicepunt.cases.models import Case

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("agendas")]


@pytest.fixture
def case(employee: User) -> Case:
    return case_for_resident(
        employee,
        "Ik heb geen inkomen meer",
        "Ik wil weer gaan studeren",
        products=[product("bijstand"), product("studiefinanciering")],
        phone="",
        email="amir@example.org",
        contact_preference="email",
    )


def _hidden_forms(page: str) -> list[dict[str, list[str]]]:
    forms = []
    for form in re.findall(r"<form method=\"post\" action=\"[^\"]*boeken/\">(.*?)</form>", page, re.S):
        fields: dict[str, list[str]] = {}
        for name, value in re.findall(r'name="([a-z_]+)" value="([^"]*)"', form):
            fields.setdefault(name, []).append(value)
        forms.append(fields)
    return forms


def test_one_appointment_for_a_question(client: Client, case: Case) -> None:
    question = case.questions.get(product__code="bijstand")
    page = client.get(f"/vraagstukken/{case.uuid}/afspraak/", {"vraag": question.uuid}).content.decode()
    form = _hidden_forms(page)[0]
    response = client.post(f"/vraagstukken/{case.uuid}/afspraak/boeken/", {k: v[0] for k, v in form.items()})
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.resolution == Resolution.BOOKED
    again = client.post(f"/vraagstukken/{case.uuid}/afspraak/boeken/", {k: v[0] for k, v in form.items()})
    assert again.status_code == 302 and appointment_rows().count() == 1  # same idempotency key: booked once


def test_combination_gemeente_and_duo_then_close_then_cancel_reopens(client: Client, case: Case) -> None:
    questions = [str(q.uuid) for q in case.questions.all()]
    refused = client.get(f"/vraagstukken/{case.uuid}/combinatieafspraak/", {"vragen": questions[:1]})
    assert refused.status_code == 400 and "minstens twee" in refused.content.decode()
    page = client.get(
        f"/vraagstukken/{case.uuid}/combinatieafspraak/", {"vragen": questions, "soort": "joint", "mode": "video"}
    ).content.decode()
    option = _hidden_forms(page)[0]
    assert client.post(f"/vraagstukken/{case.uuid}/combinatieafspraak/boeken/", option).status_code == 302
    booked = list(appointment_rows().filter(question__case=case))
    assert len(booked) == 2 and booked[0].start == booked[1].start and booked[0].meeting_url == booked[1].meeting_url
    assert client.post(f"/vraagstukken/{case.uuid}/afsluiten/", {"reason": "all_arranged"}).status_code == 302
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED
    duo = next(a for a in booked if a.product.code == "studiefinanciering")
    without_reason = client.post(f"/vraagstukken/{case.uuid}/afspraak/annuleren/", {"appointment": duo.uuid})
    assert "Geef een reden voor de annulering" in client.get(without_reason["Location"]).content.decode()
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED  # refused: nothing changed
    client.post(f"/vraagstukken/{case.uuid}/afspraak/annuleren/", {"appointment": duo.uuid, "reason": "DUO is dicht"})
    case.refresh_from_db()
    duo.question.refresh_from_db()  # type: ignore[union-attr]
    assert case.status != CaseStatus.CLOSED and duo.question.resolution == Resolution.OPEN  # type: ignore[union-attr]
    page = client.get(f"/vraagstukken/{case.uuid}/").content.decode()
    assert "geannuleerd" in page


def test_the_summary_shows_the_booked_appointment(client: Client, case: Case) -> None:
    question = case.questions.get(product__code="bijstand")
    page = client.get(f"/vraagstukken/{case.uuid}/afspraak/", {"vraag": question.uuid}).content.decode()
    form = _hidden_forms(page)[0]
    client.post(f"/vraagstukken/{case.uuid}/afspraak/boeken/", {k: v[0] for k, v in form.items()})
    appointment = appointment_rows().get()
    summary = client.get(f"/vraagstukken/{case.uuid}/afspraken/").content.decode()
    assert "U heeft een afspraak bij" in summary
    assert appointment.agenda.entry_point.location is None or appointment.agenda.entry_point.location.name in summary


def test_booking_sends_the_confirmation_with_a_calendar_file(
    client: Client, case: Case, run_tasks: Callable[..., int]
) -> None:
    question = case.questions.get(product__code="bijstand")
    page = client.get(f"/vraagstukken/{case.uuid}/afspraak/", {"vraag": question.uuid}).content.decode()
    form = _hidden_forms(page)[0]
    client.post(f"/vraagstukken/{case.uuid}/afspraak/boeken/", {k: v[0] for k, v in form.items()})
    assert mail.outbox == [] and run_tasks() == 1  # queued with the booking, sent by the task
    assert [message.to for message in mail.outbox] == [["amir@example.org"]]
    assert any(name.endswith(".ics") for name, *_ in mail.outbox[0].attachments)


def test_staff_reschedule_keeps_history_and_the_question_booked(client: Client, case: Case) -> None:
    question = case.questions.get(product__code="bijstand")
    page = client.get(f"/vraagstukken/{case.uuid}/afspraak/", {"vraag": question.uuid}).content.decode()
    client.post(f"/vraagstukken/{case.uuid}/afspraak/boeken/", {k: v[0] for k, v in _hidden_forms(page)[0].items()})
    appointment = appointment_rows().get()
    case_page = client.get(f"/vraagstukken/{case.uuid}/").content.decode()
    assert "Bevestigingsbrief" in case_page and "verzet=" in case_page
    slots = client.get(
        f"/vraagstukken/{case.uuid}/afspraak/", {"vraag": question.uuid, "verzet": appointment.uuid}
    ).content.decode()
    forms = re.findall(r'action="[^"]*verzetten/">(.*?)</form>', slots, re.S)
    later = dict(re.findall(r'name="([a-z_]+)" value="([^"]*)"', forms[1]))
    assert client.post(f"/vraagstukken/{case.uuid}/afspraak/verzetten/", later).status_code == 302
    appointment.refresh_from_db()
    assert appointment.start == dt.datetime.fromisoformat(later["start"])
    assert appointment.events.filter(kind="rescheduled").exists()
    question.refresh_from_db()
    assert question.resolution == Resolution.BOOKED


def test_a_taken_slot_sends_the_employee_back_to_the_free_times(client: Client, case: Case) -> None:
    question = case.questions.get(product__code="bijstand")
    page = client.get(f"/vraagstukken/{case.uuid}/afspraak/", {"vraag": question.uuid}).content.decode()
    form = {k: v[0] for k, v in _hidden_forms(page)[0].items()}
    refused = client.post(f"/vraagstukken/{case.uuid}/afspraak/boeken/", {**form, "mode": "teleport"})
    assert refused["Location"] == f"/vraagstukken/{case.uuid}/afspraak/?vraag={question.uuid}"
    assert client.get(refused["Location"]).status_code == 200


def _book(client: Client, case: Case, product: str = "bijstand") -> Appointment:
    question = case.questions.get(product__code=product)
    page = client.get(f"/vraagstukken/{case.uuid}/afspraak/", {"vraag": question.uuid}).content.decode()
    form = _hidden_forms(page)[0]
    response = client.post(f"/vraagstukken/{case.uuid}/afspraak/boeken/", {k: v[0] for k, v in form.items()})
    assert response.status_code == 302
    return appointment_rows().get(question=question)


def test_smtp_down_booking_succeeds_and_the_case_page_shows_the_failed_confirmation(
    client: Client, case: Case, run_tasks: Callable[..., int], settings: Any
) -> None:
    down = smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
    with mock.patch("django.core.mail.EmailMultiAlternatives.send", side_effect=down):
        appointment = _book(client, case)
        assert "Afspraak gemaakt." in client.get(f"/vraagstukken/{case.uuid}/").content.decode()
        run_tasks()
        page = client.get(f"/vraagstukken/{case.uuid}/").content.decode()
        section = page[page.index("Berichten aan de inwoner") :]
        assert "Bevestiging" in section and "E-mail" in section and "Wordt verstuurd" in section
        assert "SMTPServerDisconnected" in section and "volgende poging" in section
        for _ in range(settings.SERVICEPUNT_NOTIFY_MAX_ATTEMPTS):
            run_tasks(waiting_too=True)
    assert appointment.status == "booked" and mail.outbox == []
    section = client.get(f"/vraagstukken/{case.uuid}/").content.decode().split("Berichten aan de inwoner")[1]
    row = re.search(r'<tr class="utrecht-table__row sp-message sp-message--failed">(.*?)</tr>', section, re.S)
    assert row is not None, section[:2000]
    cells = [
        re.sub(r"<[^>]+>|\s+", " ", cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row.group(1), re.S)
    ]
    assert cells[1:4] == ["E-mail", "Mislukt", str(settings.SERVICEPUNT_NOTIFY_MAX_ATTEMPTS)]
    assert cells[0].startswith("Bevestiging") and "SMTPServerDisconnected" in cells[4]


def test_the_case_page_costs_the_same_queries_with_one_message_or_many(
    client: Client, case: Case, employee: User, run_tasks: Callable[..., int]
) -> None:
    appointment = _book(client, case)
    run_tasks()
    with CaptureQueriesContext(connection) as one:
        client.get(f"/vraagstukken/{case.uuid}/")
    appointment_cancel(appointment=appointment, actor=Actor.staff(employee), reason="dubbel geboekt")
    _book(client, case, "studiefinanciering")
    run_tasks()
    assert notification_rows().filter(appointment__question__case=case).count() == 3
    with CaptureQueriesContext(connection) as many:
        page = client.get(f"/vraagstukken/{case.uuid}/").content.decode()
    assert page.count("sp-message--sent") == 3
    assert len(many) == len(one), [q["sql"] for q in many.captured_queries]


def test_a_resident_cancellation_appears_in_mijn_werkvoorraad(client: Client, case: Case, employee: User) -> None:
    appointment = _book(client, case)
    token = resident_token(appointment=appointment)
    response = Client().post(f"/afspraak/{token}/{appointment.uuid}/annuleren/", {"reden": "ik ben ziek"})
    assert response.status_code == 303
    page = client.get("/werkvoorraad/").content.decode()
    assert "zelf geannuleerd. Reden: ik ben ziek" in page and "Haddad" in page

"""The booking page and the invariants: a declined question shows why it cannot be booked, and
an overlapping appointment shows the clash (time, place) with a confirmation that is recorded."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

import pytest
from django.test import Client
from django.utils import timezone

from servicepunt.appointments.testing import AppointmentStatus, agenda_rows, appointment_rows
from servicepunt.cases.closing import Resolution
from servicepunt.cases.services import question_link, question_resolve
from servicepunt.cases.testing import case_event_rows
from servicepunt.catalogue.testing import product_rows

if TYPE_CHECKING:
    from servicepunt.accounts.models import User
    from servicepunt.appointments.models import Agenda
    from servicepunt.cases.models import Question

from servicepunt.cases.testing import case_for_resident

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("agendas")]


@pytest.fixture
def question(employee: User) -> Question:
    return case_for_resident(employee, product=product_rows().get(code="bijstand")).questions.get()


def _first_booking_form(client: Client, question: Question) -> dict[str, str]:
    page = client.get(f"/vraagstukken/{question.case.uuid}/afspraak/", {"vraag": question.uuid}).content.decode()
    form = re.search(r"<form method=\"post\" action=\"[^\"]*boeken/\">(.*?)</form>", page, re.S)
    assert form is not None
    return dict(re.findall(r'name="([a-z_]+)" value="([^"]*)"', form.group(1)))


def test_a_declined_question_shows_why_it_cannot_be_booked(client: Client, question: Question, employee: User) -> None:
    form = _first_booking_form(client, question)
    question_resolve(question=question, resolution=Resolution.DECLINED, by=employee)
    page = client.get(f"/vraagstukken/{question.case.uuid}/afspraak/", {"vraag": question.uuid})
    assert page.status_code == 409 and "De inwoner ziet af van deze vraag" in page.content.decode()
    booked = client.post(f"/vraagstukken/{question.case.uuid}/afspraak/boeken/", form, follow=True)
    assert "De inwoner ziet af van deze vraag" in booked.content.decode()
    assert not appointment_rows().exists()


def test_the_back_button_after_booking_shows_the_appointment_made(client: Client, question: Question) -> None:
    form = _first_booking_form(client, question)
    client.post(f"/vraagstukken/{question.case.uuid}/afspraak/boeken/", form)
    again = {**form, "idempotency_key": "another-tab"}
    page = client.post(f"/vraagstukken/{question.case.uuid}/afspraak/boeken/", again, follow=True)
    assert "Voor deze vraag is al een afspraak gemaakt" in page.content.decode()
    assert appointment_rows().filter(status=AppointmentStatus.BOOKED).count() == 1


def test_an_overlap_is_shown_and_booked_only_once_confirmed(client: Client, question: Question, employee: User) -> None:
    form = _first_booking_form(client, question)
    start = dt.datetime.fromisoformat(form["start"])
    elsewhere = _clash_elsewhere(start, {form["agenda"]}, question, employee)
    url = f"/vraagstukken/{question.case.uuid}/afspraak/boeken/"
    warning = client.post(url, form)
    text = warning.content.decode()
    assert warning.status_code == 409 and 'name="confirm_overlap"' in text
    assert elsewhere.entry_point.name_nl in text and f"{timezone.localtime(start):%H:%M}" in text
    assert not appointment_rows().filter(question=question).exists()
    confirmed = client.post(url, {**form, "confirm_overlap": "on"})
    assert confirmed.status_code == 302
    assert appointment_rows().get(question=question).status == AppointmentStatus.BOOKED
    event = case_event_rows().get(case=question.case, kind="appointment_overlap_confirmed")
    assert event.by == employee
    case_page = client.get(f"/vraagstukken/{question.case.uuid}/").content.decode()
    assert "Afspraak op dezelfde tijd bevestigd" in case_page


def _clash_elsewhere(start: dt.datetime, busy: set[str], question: Question, employee: User) -> Agenda:
    """An appointment booked earlier at another agenda, at `start`, for the same resident."""
    elsewhere = agenda_rows().exclude(pk__in=busy).select_related("entry_point").first()
    assert elsewhere is not None
    appointment_rows().create(
        agenda=elsewhere,
        product=elsewhere.offers.first().product,  # type: ignore[union-attr]
        mode="in_person",
        start=start,
        end=start + dt.timedelta(minutes=30),
        resident=question.case.resident,
        booked_by=employee,
    )
    return elsewhere


def test_a_combination_over_another_appointment_is_booked_once_confirmed(
    client: Client, question: Question, employee: User
) -> None:
    case = question.case
    second = case.questions.create(text="Ik wil weer gaan studeren")
    question_link(question=second, product=product_rows().get(code="studiefinanciering"), by=employee)
    chosen = [str(question.uuid), str(second.uuid)]
    page = client.get(
        f"/vraagstukken/{case.uuid}/combinatieafspraak/", {"vragen": chosen, "soort": "joint", "mode": "video"}
    ).content.decode()
    form = re.search(r"<form method=\"post\" action=\"[^\"]*boeken/\">(.*?)</form>", page, re.S)
    assert form is not None
    option: dict[str, list[str]] = {}
    for name, value in re.findall(r'name="([a-z_]+)" value="([^"]*)"', form.group(1)):
        option.setdefault(name, []).append(value)
    _clash_elsewhere(dt.datetime.fromisoformat(option["start"][0]), set(option["agenda"]), question, employee)
    url = f"/vraagstukken/{case.uuid}/combinatieafspraak/boeken/"
    warning = client.post(url, option)
    assert warning.status_code == 409 and 'name="confirm_overlap"' in warning.content.decode()
    assert not appointment_rows().filter(question__case=case).exists()
    assert client.post(url, {**option, "confirm_overlap": "on"}).status_code == 302
    assert appointment_rows().filter(question__case=case, status=AppointmentStatus.BOOKED).count() == 2
    assert case_event_rows().filter(case=case, kind="appointment_overlap_confirmed").count() == 1

"""Bad input on the booking and case pages is answered with a page naming the problem (4xx),
never a server error."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import quote

import pytest
from django.test import Client

from servicepunt.appointments.testing import agenda_rows, appointment_rows
from servicepunt.catalogue.testing import product_rows

if TYPE_CHECKING:
    from servicepunt.accounts.models import User
    from servicepunt.cases.models import Case

from servicepunt.cases.testing import case_for_resident

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("agendas")]
GARBAGE_UUID = "not-a-uuid\x00"


@pytest.fixture
def client(employee: User) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(employee)
    return client


@pytest.fixture
def case(employee: User) -> Case:
    return case_for_resident(employee, product=product_rows().get(code="bijstand"))


SLOT_QUERIES = [
    {},
    {"vraag": ""},
    {"vraag": GARBAGE_UUID},
    {"vraag": "00000000-0000-0000-0000-000000000000"},
    {"vraag": "{question}", "vanaf": "9999-12-31"},
    {"vraag": "{question}", "vanaf": "0001-01-01"},
    {"vraag": "{question}", "vanaf": "31-12-9999"},
    {"vraag": "{question}", "mode": "\x00"},
    {"vraag": "{question}", "verzet": GARBAGE_UUID},
]


def test_the_slot_page_answers_bad_queries_with_a_message(client: Client, case: Case) -> None:
    # One test walking the values (not one per value): the demo agendas load once.
    question = str(case.questions.get().uuid)
    answers = {}
    for query in SLOT_QUERIES:
        query = {key: value.replace("{question}", question) for key, value in query.items()}
        answers[str(query)] = client.get(f"/vraagstukken/{case.uuid}/afspraak/", query).status_code
    assert {query: status for query, status in answers.items() if not 400 <= status < 500} == {}


def _booking(case: Case) -> dict[str, str]:
    agenda = agenda_rows().filter(offers__product__code="bijstand").first()
    assert agenda is not None
    return {
        "question": str(case.questions.get().uuid),
        "agenda": str(agenda.pk),
        "product": "bijstand",
        "start": "2030-01-07T10:00",
        "mode": "in_person",
    }


BAD_BOOKINGS = [
    {"agenda": "abc"},
    {"agenda": "99999999999999999999999"},
    {"agenda": ""},
    {"question": GARBAGE_UUID},
    {"question": ""},
    {"product": "\x00"},
    {"start": "9999-12-31T23:59"},
    {"start": "0001-01-01T00:00"},
    {"start": "gisteren"},
    {"mode": "\x00"},
    {"idempotency_key": "x" * 1000},
]


def test_booking_answers_bad_posts_with_a_message(client: Client, case: Case) -> None:
    answers = {}
    for change in BAD_BOOKINGS:
        response = client.post(f"/vraagstukken/{case.uuid}/afspraak/boeken/", {**_booking(case), **change})
        answers[str(change)] = response.status_code
    assert {change: status for change, status in answers.items() if status >= 500} == {}
    assert not appointment_rows().exists()


def test_changing_an_appointment_answers_a_bad_reference_with_a_message(client: Client, case: Case) -> None:
    answers = {}
    for path in ("annuleren", "verzetten"):
        for value in ("", GARBAGE_UUID):
            data = {"appointment": value, "agenda": "abc", "start": "9999-12-31T23:59"}
            answers[(path, value)] = client.post(f"/vraagstukken/{case.uuid}/afspraak/{path}/", data).status_code
    assert {key: status for key, status in answers.items() if status >= 500} == {}


@pytest.mark.parametrize(
    "query",
    [
        {"vragen": [GARBAGE_UUID, ""], "vanaf": "9999-12-31"},
        {"vragen": ["a", "b"], "soort": "\x00", "mode": "\x00", "vanaf": "0001-01-01"},
    ],
)
def test_the_combination_page_answers_bad_queries(client: Client, case: Case, query: dict[str, object]) -> None:
    response = client.get(f"/vraagstukken/{case.uuid}/combinatieafspraak/", query)
    assert 400 <= response.status_code < 500, response.status_code


def test_booking_a_combination_answers_bad_posts(client: Client, case: Case) -> None:
    data = {"question": [GARBAGE_UUID], "agenda": ["abc"], "product": ["\x00"], "start": ["9999-12-31T23:59"]}
    response = client.post(f"/vraagstukken/{case.uuid}/combinatieafspraak/boeken/", data)
    assert response.status_code < 500, response.status_code


@pytest.mark.parametrize("key", ["\x00", "garbage", "a:b:c", "x" * 5000, "é:\x00:ß", "", "x" * 64])
def test_the_residents_page_answers_a_bad_key_with_a_friendly_page(key: str) -> None:
    """A key that could be one gets the page that says the link does not work (403); anything
    else is no address of ours (404). Never a 5xx."""
    client = Client(raise_request_exception=False)
    could_be_a_key = re.fullmatch("[A-Za-z0-9_-]{1,64}", key) is not None
    for path in (f"/afspraak/{quote(key)}/", f"/afspraak/{quote(key)}/00000000-0000-0000-0000-000000000000/annuleren/"):
        response = client.get(path)
        assert response.status_code == (403 if could_be_a_key else 404), (path, response.status_code)
        assert "Servicepunt" in response.content.decode()


def test_registering_with_an_implausible_birth_date_is_refused_at_the_field(client: Client) -> None:
    data = {
        "given_name": "Ans",
        "surname": "Visser",
        "contact_preference": "phone",
        "phone": "0612345678",
        "preferred_language": "nl",
        "question": "Ik heb een brief van de deurwaarder",
        "date_of_birth": "0001-01-01",
    }
    response = client.post("/inwoners/nieuw/", data)
    assert response.status_code == 400 and "01-01-1900" in response.content.decode()

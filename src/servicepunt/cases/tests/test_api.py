"""Cases over the API: the closing rule's refusal as problem+json naming the open questions,
resident search with field-named errors, and every read logged."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from django.http import HttpResponse
from django.test import Client

from servicepunt.audit.testing import access_log_rows
from servicepunt.cases.closing import Resolution
from servicepunt.cases.models import Case
from servicepunt.cases.services import question_resolve
from servicepunt.cases.testing import case_for_resident

if TYPE_CHECKING:
    from servicepunt.accounts.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(employee: User) -> Case:
    return case_for_resident(
        employee,
        "Mijn uitkering is gestopt",
        "Brief van CJIB",
        given_name="Mehmet",
        surname="Yildiz",
        phone="0687654321",
        bsn="999990019",
    )


@pytest.fixture
def api(employee: User) -> Client:
    client = Client()
    client.force_login(employee)
    return client


def test_case_detail_has_no_bsn_and_is_logged(api: Client, case: Case) -> None:
    body = api.get(f"/api/v1/cases/{case.uuid}").json()
    assert [q["text"] for q in body["questions"]] == ["Mijn uitkering is gestopt", "Brief van CJIB"]
    assert "bsn" not in str(body).lower()
    assert access_log_rows().filter(screen="api.case", subject_id=str(case.resident.uuid)).exists()


def test_close_is_refused_naming_open_questions(api: Client, case: Case, employee: User) -> None:
    refused = api.post(f"/api/v1/cases/{case.uuid}/close", {"reason": "all_arranged"}, content_type="application/json")
    assert refused.status_code == 409 and refused["Content-Type"] == "application/problem+json"
    assert "Mijn uitkering is gestopt" in refused.json()["detail"] and "Brief van CJIB" in refused.json()["detail"]
    for question in case.questions.all():
        question_resolve(question=question, resolution=Resolution.ANSWERED, by=employee)
    bad_reason = api.post(f"/api/v1/cases/{case.uuid}/close", {"reason": "x"}, content_type="application/json")
    assert bad_reason.status_code == 400 and bad_reason.json()["invalid_params"][0]["name"] == "reason"
    closed = api.post(f"/api/v1/cases/{case.uuid}/close", {"reason": "all_arranged"}, content_type="application/json")
    assert closed.json()["status"] == "afgesloten"


def _search(api: Client, body: dict[str, object]) -> HttpResponse:
    return api.post("/api/v1/residents/search", body, content_type="application/json")


def test_resident_search_by_exact_bsn_and_field_named_errors(api: Client, case: Case) -> None:
    assert [r["full_name"] for r in _search(api, {"bsn": "999990019"}).json()] == ["Mehmet Yildiz"]
    invalid = _search(api, {"bsn": "123456789"})
    assert invalid.status_code == 400 and invalid.json()["invalid_params"][0]["name"] == "bsn"
    empty = _search(api, {})
    assert empty.status_code == 400 and empty.json()["invalid_params"][0]["name"] == "name"
    bad_date = _search(api, {"date_of_birth": "gisteren"})
    assert bad_date.status_code == 400 and bad_date.json()["invalid_params"][0]["name"] == "date_of_birth"


def test_resident_search_takes_no_personal_data_in_the_url(api: Client, case: Case) -> None:
    """The criteria go in the body: the old `GET residents?bsn=` is gone, not a second way in."""
    for query in ({"bsn": "999990019"}, {"name": "Yildiz"}):
        response = api.get("/api/v1/residents", query)
        assert response.status_code == 404 and b"Yildiz" not in response.content
    assert api.get("/api/v1/residents/search", {"name": "Yildiz"}).status_code == 405

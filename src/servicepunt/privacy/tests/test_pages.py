"""The privacy officer's pages: the access log searched by resident (name, or BSN through its
keyed digest, always POSTed), exported as CSV and JSON, erasure with confirmation, the dry run."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest
from django.test import Client

from servicepunt.accounts.roles import Role
from servicepunt.audit.selectors import access_log
from servicepunt.cases.selectors import resident_get
from servicepunt.cases.services import ResidentInput, case_infoflits_start, resident_register
from servicepunt.cases.testing import case_for_resident
from servicepunt.infoflits.selectors import infoflits_get

if TYPE_CHECKING:
    from servicepunt.accounts.models import User

pytestmark = pytest.mark.django_db

BSN = "111222333"


@pytest.fixture
def officer(make_user: Callable[..., User]) -> Client:
    client = Client()
    client.force_login(make_user(Role.PRIVACY))
    return client


def test_search_by_name_or_bsn_is_posted_and_finds_the_resident(employee: User, officer: Client) -> None:
    data = ResidentInput(given_name="Fatima", surname="El Amrani", phone="0644444444", bsn=BSN)
    resident = resident_register(registered_by=employee, data=data).resident
    case_for_resident(employee, given_name="Piet", surname="Jansen")
    for form in ({"name": "fatima amrani"}, {"bsn": BSN}, {"bsn": "111 222 333"}):
        page = officer.post("/privacy/inwoners/", form).content.decode()
        assert f"/privacy/inwoners/{resident.uuid}/" in page
        assert "Jansen" not in page
    assert "Vul een naam of een BSN in" in officer.post("/privacy/inwoners/", {}).content.decode()
    answer = officer.post("/privacy/inwoners/", {"bsn": "123"})
    assert answer.status_code == 200
    assert 'id="id_bsn-error"' in answer.content.decode()


def test_the_residents_log_shows_every_view_also_of_the_infoflits_and_exports(employee: User, officer: Client) -> None:
    case = case_for_resident(employee)
    resident = case.resident
    infoflits = case_infoflits_start(case=case, by=employee)
    resident_get(user=employee, uuid=resident.uuid, screen="counter.resident")
    infoflits_get(user=employee, uuid=str(infoflits.uuid), screen="infoflits.flow")
    page = officer.get(f"/privacy/inwoners/{resident.uuid}/").content.decode()
    assert "counter.resident" in page and "infoflits.flow" in page
    rows = list(
        csv.DictReader(io.StringIO(officer.get(f"/privacy/inwoners/{resident.uuid}/toegangslog.csv").content.decode()))
    )
    assert {"counter.resident", "infoflits.flow", "privacy.resident"} <= {row["screen"] for row in rows}
    assert all(row["by"] for row in rows)
    entries = json.loads(officer.get(f"/privacy/inwoners/{resident.uuid}/toegangslog.json").content)
    assert {"counter.resident", "infoflits.flow"} <= {entry["screen"] for entry in entries}
    assert officer.get(f"/privacy/inwoners/{resident.uuid}/toegangslog.xml").status_code == 404
    export = json.loads(officer.get(f"/privacy/inwoners/{resident.uuid}/inzage.json").content)
    assert export["resident"]["uuid"] == str(resident.uuid)


def test_erasure_needs_confirmation_and_is_refused_while_a_case_is_open(
    employee: User, officer: Client, make_user: Callable[..., User]
) -> None:
    case = case_for_resident(employee)
    url = f"/privacy/inwoners/{case.resident.uuid}/"
    assert "Er loopt nog een vraagstuk" in officer.get(url).content.decode()
    officer.post(url + "wissen/", {"confirm": "on"})
    case.resident.refresh_from_db()
    assert case.resident.surname == "Haddad"
    loner = resident_register(
        registered_by=employee, data=ResidentInput(given_name="Lin", surname="Wu", phone="0655555555")
    ).resident
    url = f"/privacy/inwoners/{loner.uuid}/"
    unconfirmed = officer.post(url + "wissen/", {})
    assert unconfirmed.status_code == 200 and "Vink aan" in unconfirmed.content.decode()
    assert officer.post(url + "wissen/", {"confirm": "on"}).status_code == 302
    assert officer.get(url).status_code == 404
    reader = make_user(Role.PRIVACY, username="tweede-officer")
    erased = access_log(user=reader, subject_id=str(loner.uuid)).filter(subject_type="resident.erasure")
    assert [entry.purpose for entry in erased] == ["verzoek tot wissen (AVG art. 17): gewist"]


def test_the_retention_page_is_a_logged_dry_run(make_user: Callable[..., User], officer: Client) -> None:
    page = officer.get("/privacy/bewaartermijnen/").content.decode()
    assert "Selectielijst gemeenten" in page
    # Each kind by its name, the new ones with their own sources.
    for label in (
        "Inwoners en hun vraagstukken",
        "Afspraken: notitie en videolink",
        "Berichten aan de inwoner (verzendgegevens)",
        "Toestemmingen: notitie",
        "Toegangslog",
    ):
        assert label in page
    assert "art. 7 lid 1" in page
    user = make_user(Role.PRIVACY, username="tweede-officer")
    assert access_log(user=user).filter(subject_type="privacy.retention").count() == 1

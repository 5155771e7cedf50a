"""Registering a resident reveals nobody: a user who may not see a resident learns nothing about
whether they exist, every duplicate check is in the access log, and one BSN is one resident."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from django.test import Client

from servicepunt.accounts.roles import Role
from servicepunt.audit.selectors import access_log
from servicepunt.cases.selectors import residents_visible

if TYPE_CHECKING:
    from collections.abc import Callable

    from servicepunt.accounts.models import User

pytestmark = pytest.mark.django_db
TEST_BSN = "999990019"
REGISTRATION = {
    "given_name": "Ans",
    "surname": "Visser",
    "contact_preference": "phone",
    "phone": "06 12345678",
    "preferred_language": "nl",
    "question": "Ik heb een brief van de deurwaarder",
}
ADVICE = "Neem contact op met het Servicepunt"


def _signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def log(make_user: Callable[..., User]) -> Callable[..., bool]:
    """Whether the access log holds an entry like this (read as the privacy officer)."""
    officer = make_user(Role.PRIVACY, username="privacy")

    def logged(**entry: str) -> bool:
        return access_log(user=officer).filter(**entry)

    return logged


@pytest.fixture
def residents(employee: User) -> Callable[[], list[str]]:
    """Who is registered, as Servicepunt staff see it (all residents)."""
    return lambda: [str(resident.uuid) for resident in residents_visible(employee)]


@pytest.fixture
def wijkbureau(make_user: Callable[..., User]) -> Client:
    return _signed_in(make_user(Role.WIJKBUREAU, username="wijk"))


def test_wijkbureau_staff_cannot_tell_from_the_page_whether_a_resident_exists(
    client: Client, wijkbureau: Client, residents: Callable[[], list[str]], log: Callable[..., bool]
) -> None:
    client.post("/inwoners/nieuw/", {**REGISTRATION, "bsn": TEST_BSN})  # by the Servicepunt
    (known,) = residents()
    # Someone the Servicepunt knows (same phone, same name) and someone nobody knows: the same answer.
    probe = {**REGISTRATION, "question": "Ik wil weten of dit een klant is"}
    before = len(residents())
    first = wijkbureau.get("/inwoners/nieuw/")
    assert ADVICE in first.content.decode()  # said before anything was checked, to everyone who may not see all
    answer_known = wijkbureau.post("/inwoners/nieuw/", {**probe, "phone": "06 12345678"})
    # The registration goes ahead (the phone is no proof of the same person for this user) ...
    assert answer_known.status_code == 302 and len(residents()) == before + 1
    answer_unknown = wijkbureau.post("/inwoners/nieuw/", {**probe, "given_name": "Piet", "phone": "06 23456789"})
    assert answer_unknown.status_code == 302
    # ... and the answer neither names the known resident nor counts hidden duplicates.
    for response in (wijkbureau.get(answer_known["Location"]), wijkbureau.get(answer_unknown["Location"])):
        page = response.content.decode()
        assert "dubbele registratie die u niet mag zien" not in page and "Is dit dezelfde persoon?" not in page
    # The check is in the access log, under the resident it read, as the wijkbureau employee.
    assert log(
        user__username="wijk",
        subject_type="resident",
        subject_id=known,
        screen="counter.resident_register",
        purpose="dubbele registratie voorkomen",
    )


def test_servicepunt_staff_see_the_duplicate_and_must_confirm(
    client: Client, residents: Callable[[], list[str]], log: Callable[..., bool]
) -> None:
    client.post("/inwoners/nieuw/", REGISTRATION)
    shown = client.post("/inwoners/nieuw/", {**REGISTRATION, "given_name": "Anna"})
    assert shown.status_code == 200 and "Is dit dezelfde persoon?" in shown.content.decode()
    assert ADVICE not in shown.content.decode() and len(residents()) == 1
    assert log(screen="counter.resident_register")


def test_a_second_registration_with_the_same_bsn_is_refused_and_links_to_the_resident(
    client: Client, residents: Callable[[], list[str]]
) -> None:
    client.post("/inwoners/nieuw/", {**REGISTRATION, "bsn": TEST_BSN})
    (known,) = residents()
    again = {**REGISTRATION, "given_name": "Anna", "phone": "06 87654321", "bsn": TEST_BSN, "not_a_duplicate": "on"}
    refused = client.post("/inwoners/nieuw/", again)
    assert refused.status_code == 400 and len(residents()) == 1
    page = refused.content.decode()
    assert 'href="#id_bsn"' in page and f'href="/inwoners/{known}/"' in page


def test_wijkbureau_staff_are_refused_a_known_bsn_without_a_link_and_it_is_logged(
    client: Client, wijkbureau: Client, residents: Callable[[], list[str]], log: Callable[..., bool]
) -> None:
    client.post("/inwoners/nieuw/", {**REGISTRATION, "bsn": TEST_BSN})
    (known,) = residents()
    refused = wijkbureau.post(
        "/inwoners/nieuw/", {**REGISTRATION, "given_name": "Anna", "bsn": TEST_BSN, "not_a_duplicate": "on"}
    )
    page = refused.content.decode()
    assert refused.status_code == 400 and len(residents()) == 1
    assert known not in page and "Ans Visser" not in page and ADVICE.lower() in page.lower()
    assert log(user__username="wijk", subject_id=known)

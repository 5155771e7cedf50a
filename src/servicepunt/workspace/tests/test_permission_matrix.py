"""Every role × every page and API endpoint of residents, cases and handovers: allowed, refused
(403), or not found (404) where the object belongs to someone else's work."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.test import Client

from servicepunt.accounts.models import User
from servicepunt.accounts.roles import Role
from servicepunt.cases.models import Case
from servicepunt.cases.services import ResidentInput, case_open, resident_register
from servicepunt.catalogue.models import EntryPoint
from servicepunt.handovers.models import Handover
from servicepunt.handovers.services import handover_start

pytestmark = pytest.mark.django_db
ALL = set(Role)
CASEWORK = {Role.SERVICEPUNT, Role.WIJKBUREAU}
SERVICEPUNT_ONLY = {Role.SERVICEPUNT}
PARTNER = {Role.PARTNER}


@dataclass
class World:
    users: dict[Role, User]
    servicepunt_case: Case
    wijkbureau_case: Case
    handover: Handover


@pytest.fixture
def world(make_user: Callable[..., User]) -> World:
    users = {role: make_user(role) for role in Role}
    cases = []
    for role in (Role.SERVICEPUNT, Role.WIJKBUREAU):
        resident = resident_register(
            registered_by=users[role],
            data=ResidentInput(given_name="Jan", surname=f"Test {role.value}", contact_preference="letter"),
        ).resident
        cases.append(case_open(resident=resident, opened_by=users[role], questions=["Ik heb schulden"]))
    handover = handover_start(
        question=cases[0].questions.get(),
        entry_point=EntryPoint.objects.filter(organisation__code="juridisch-loket").first(),  # type: ignore[arg-type]
        what_is_shared="naam en vraag",
        consent_method="verbal",
        summary="Schulden",
        by=users[Role.SERVICEPUNT],
    )
    return World(users, cases[0], cases[1], handover)


# (method, url template, body, roles allowed, status for refused roles that hold the permission)
MATRIX: list[tuple[str, str, dict[str, str] | None, set[Role], set[Role]]] = [
    ("get", "/werkvoorraad/", None, CASEWORK, set()),
    ("get", "/inwoners/", None, CASEWORK, set()),
    ("get", "/inwoners/?name=Jan", None, CASEWORK, set()),
    ("get", "/inwoners/nieuw/", None, CASEWORK, set()),
    ("get", "/inwoners/{sp_resident}/", None, SERVICEPUNT_ONLY, {Role.WIJKBUREAU}),
    ("get", "/inwoners/{wb_resident}/", None, CASEWORK, set()),
    ("get", "/vraagstukken/{sp_case}/", None, SERVICEPUNT_ONLY, {Role.WIJKBUREAU}),
    ("get", "/vraagstukken/{wb_case}/", None, CASEWORK, set()),
    ("get", "/vraagstukken/{sp_case}/afspraken/", None, SERVICEPUNT_ONLY, {Role.WIJKBUREAU}),
    ("post", "/vraagstukken/{sp_case}/notitie/", {"text": "Gebeld"}, SERVICEPUNT_ONLY, {Role.WIJKBUREAU}),
    ("post", "/vraagstukken/{wb_case}/notitie/", {"text": "Gebeld"}, CASEWORK, set()),
    ("get", "/overdrachten/", None, PARTNER, set()),
    ("get", "/overdrachten/{handover}/", None, PARTNER, set()),
    ("get", "/api/v1/cases/{sp_case}", None, SERVICEPUNT_ONLY, {Role.WIJKBUREAU}),
    ("get", "/api/v1/cases/{wb_case}", None, CASEWORK, set()),
    ("get", "/api/v1/residents?name=Jan", None, CASEWORK, set()),
    ("get", "/api/v1/handovers", None, PARTNER, set()),
]


def _url(template: str, world: World) -> str:
    return template.format(
        sp_case=world.servicepunt_case.uuid,
        wb_case=world.wijkbureau_case.uuid,
        sp_resident=world.servicepunt_case.resident.uuid,
        wb_resident=world.wijkbureau_case.resident.uuid,
        handover=world.handover.uuid,
    )


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
@pytest.mark.parametrize(
    ("method", "template", "body", "allowed", "hidden"), MATRIX, ids=[f"{m} {u}" for m, u, *_ in MATRIX]
)
def test_role_access(
    world: World,
    role: Role,
    method: str,
    template: str,
    body: dict[str, str] | None,
    allowed: set[Role],
    hidden: set[Role],
) -> None:
    client = Client()
    client.force_login(world.users[role])
    url = _url(template, world)
    response = getattr(client, method)(url, body) if body else getattr(client, method)(url)
    if role in allowed:
        assert response.status_code in (200, 302), response.content[:300]
    elif role in hidden:
        assert response.status_code == 404
    else:
        assert response.status_code == 403


@pytest.mark.parametrize(
    ("method", "template", "body", "allowed", "hidden"), MATRIX, ids=[f"{m} {u}" for m, u, *_ in MATRIX]
)
def test_anonymous_is_sent_to_login(
    world: World, method: str, template: str, body: dict[str, str] | None, allowed: set[Role], hidden: set[Role]
) -> None:
    url = _url(template, world)
    response = getattr(Client(), method)(url, body or {})
    if url.startswith("/api/"):
        assert response.status_code in (401, 403)
    else:
        assert response.status_code == 302 and response["Location"].startswith("/accounts/inloggen/")


def test_partner_of_another_organisation_does_not_see_the_handover(
    world: World, make_user: Callable[..., User]
) -> None:
    other = make_user(Role.PARTNER, username="other-partner", organisation="buurtteam")
    client = Client()
    client.force_login(other)
    assert client.get(f"/overdrachten/{world.handover.uuid}/").status_code == 404
    assert world.servicepunt_case.resident.full_name not in client.get("/overdrachten/").content.decode()

"""AVG art. 15: the export of a seeded resident holds every kind of record, as JSON and PDF, and
is itself written to the access log."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from servicepunt.accounts.roles import Role
from servicepunt.appointments.tests.conftest import make_agenda
from servicepunt.appointments.tests.test_notify_support import book_single, make_resident
from servicepunt.audit.selectors import access_log
from servicepunt.cases.selectors import resident_get
from servicepunt.cases.services import case_infoflits_start
from servicepunt.catalogue.selectors import organisation_detail
from servicepunt.handovers.categories import default_valid_until
from servicepunt.handovers.services import consent_record, handover_create
from servicepunt.infoflits.selectors import infoflits_get
from servicepunt.privacy.export import export_json, export_pdf, resident_export

if TYPE_CHECKING:
    from pathlib import Path

    from servicepunt.accounts.models import User
    from servicepunt.cases.models import Resident

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(make_user: Callable[..., User]) -> tuple[User, Resident]:
    employee = make_user(Role.SERVICEPUNT)
    resident = make_resident(employee)
    appointment = book_single(make_agenda, employee, resident)  # a case, a question, a confirmation
    question = appointment.question
    assert question is not None
    case = question.case
    infoflits = case_infoflits_start(case=case, by=employee)
    organisation = organisation_detail(code="juridisch-loket")
    consent = consent_record(
        resident=resident,
        organisation=organisation,
        question=question,
        shared=["question"],
        method="verbal",
        valid_until=default_valid_until(timezone.localdate()),
        recorded_by=employee,
    )
    handover_create(
        question=question,
        entry_point=organisation.entry_points.first(),  # type: ignore[arg-type]
        consent=consent,
        summary="Vraag over de huur.",
        created_by=employee,
    )
    resident_get(user=employee, uuid=resident.uuid, screen="counter.resident")
    infoflits_get(user=employee, uuid=str(infoflits.uuid), screen="infoflits.flow")
    return make_user(Role.PRIVACY), resident


def test_the_export_holds_every_kind_of_record(seeded: tuple[User, Resident]) -> None:
    officer, resident = seeded
    data = resident_export(user=officer, resident=str(resident.uuid), channel="test")
    assert data["resident"]["surname"] == "Visser"
    assert data["resident"]["email"] == "sanne.visser@example.org"
    (case,) = data["cases"]
    assert case["questions"] and case["events"]
    (infoflits,) = data["infoflits"]
    assert infoflits["versions"]
    assert [c["organisation"] for c in data["consents"]] == [h["organisation"] for h in data["handovers"]]
    assert data["consents"][0]["categories"] == ["name", "question"]
    assert len(data["appointments"]) == 1
    assert [n["kind"] for n in data["notifications"]] == ["confirmation"]
    # Who viewed it when: the resident page and the infoflits, both under the resident.
    assert {"counter.resident", "infoflits.flow"} <= {entry["screen"] for entry in data["access_log"]}
    assert all(entry["by"] == "servicepunt-medewerker" for entry in data["access_log"])
    # The export itself is logged under the resident.
    assert access_log(user=officer, subject_id=str(resident.uuid)).filter(subject_type="resident.export").count() == 1
    assert json.loads(export_json(data)) == data
    assert export_pdf(data).startswith(b"%PDF")


def test_only_the_privacy_officer_exports(seeded: tuple[User, Resident], make_user: Callable[..., User]) -> None:
    _officer, resident = seeded
    with pytest.raises(PermissionDenied):
        resident_export(user=make_user(Role.TEAMLEIDER), resident=str(resident.uuid), channel="test")


def test_the_cli_writes_json_and_refuses_an_unknown_resident(seeded: tuple[User, Resident], tmp_path: Path) -> None:
    officer, resident = seeded
    target = tmp_path / "inzage.json"
    call_command("privacy", "export", str(resident.uuid), "--user", officer.username, "--output", str(target))
    assert json.loads(target.read_text())["resident"]["uuid"] == str(resident.uuid)
    for bad in ("not-a-uuid", "00000000-0000-0000-0000-000000000000"):
        with pytest.raises(CommandError, match="resident") as raised:
            call_command("privacy", "export", bad, "--user", officer.username)
        assert raised.value.returncode == 2

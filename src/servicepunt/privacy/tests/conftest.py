"""A seeded world for the privacy tests, made through the real services: one resident whose case
is closed (with its infoflits), one with an open case (with its infoflits), and one infoflits
without a case."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pytest
from django.utils import timezone

from servicepunt.accounts.roles import Role
from servicepunt.cases.closing import Resolution
from servicepunt.cases.services import case_close, case_infoflits_start, question_resolve
from servicepunt.cases.testing import case_for_resident
from servicepunt.catalogue.selectors import organisation_detail
from servicepunt.handovers.categories import default_valid_until
from servicepunt.handovers.services import consent_record, handover_create
from servicepunt.infoflits.services import infoflits_start

if TYPE_CHECKING:
    from servicepunt.accounts.models import User
    from servicepunt.cases.models import Case
    from servicepunt.infoflits.models import Infoflits


@dataclass
class World:
    officer: User
    employee: User
    closed: Case
    open: Case
    loose_infoflits: Infoflits


@pytest.fixture
def world(make_user: Callable[..., User]) -> World:
    employee = make_user(Role.SERVICEPUNT)
    officer = make_user(Role.PRIVACY)
    closed = case_for_resident(employee, given_name="Sanne", surname="Visser", phone="0611111111")
    case_infoflits_start(case=closed, by=employee)
    organisation = organisation_detail(code="juridisch-loket")
    consent = consent_record(
        resident=closed.resident,
        organisation=organisation,
        question=closed.questions.get(),
        shared=["question"],
        method="verbal",
        valid_until=default_valid_until(timezone.localdate()),
        recorded_by=employee,
    )
    handover_create(
        question=closed.questions.get(),
        entry_point=organisation.entry_points.first(),  # type: ignore[arg-type]
        consent=consent,
        summary="Sanne wil hulp bij de huur.",
        created_by=employee,
    )
    question_resolve(question=closed.questions.get(), resolution=Resolution.ANSWERED, by=employee)
    case_close(case=closed, closed_by=employee, reason="all_arranged")
    opened = case_for_resident(employee, given_name="Joris", surname="Bakker", phone="0622222222")
    case_infoflits_start(case=opened, by=employee)
    loose = infoflits_start(started_by=employee, question_text="huur")
    closed.refresh_from_db()
    opened.refresh_from_db()
    return World(officer, employee, closed, opened, loose)

"""The timeline holds only kinds of events that are listed (and so have a label in every
language): the database refuses any other, and the service refuses it before the database."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest
from django.db import IntegrityError, transaction

from servicepunt.accounts.roles import Role
from servicepunt.cases.choices import EventKind
from servicepunt.cases.models import CaseEvent
from servicepunt.cases.services import ResidentInput, case_open, resident_register
from servicepunt.cases.services.common import event_record

if TYPE_CHECKING:
    from servicepunt.accounts.models import User

pytestmark = pytest.mark.django_db


def test_an_unlisted_event_kind_is_refused_by_the_service_and_the_database(make_user: Callable[..., User]) -> None:
    employee = make_user(Role.SERVICEPUNT)
    resident = resident_register(
        registered_by=employee, data=ResidentInput(given_name="Anna", surname="Test", contact_preference="letter")
    ).resident
    case = case_open(resident=resident, opened_by=employee, questions=["Ik heb schulden"])
    assert [event.kind for event in case.events.all()] == [EventKind.CASE_OPENED, EventKind.QUESTION_ADDED]
    assert case.events.first().label == "Vraagstuk geopend"  # type: ignore[union-attr]
    with pytest.raises(ValueError):
        event_record(case, employee, "something_new")  # type: ignore[arg-type]
    with pytest.raises(IntegrityError), transaction.atomic():
        CaseEvent.objects.create(case=case, by=employee, kind="something_new")

"""Erasure of a resident where the law allows, and the constraint that an anonymised resident
holds nothing that identifies them."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from servicepunt.cases.closing import Resolution
from servicepunt.cases.models import Resident
from servicepunt.cases.services import (
    ResidentInput,
    case_close,
    erasure_verdict,
    question_resolve,
    resident_erase,
    resident_register,
)
from servicepunt.cases.testing import case_for_resident
from servicepunt.core.errors import InvalidInput

if TYPE_CHECKING:
    from servicepunt.accounts.models import User

pytestmark = pytest.mark.django_db


def test_the_database_refuses_an_anonymised_resident_with_a_name(employee: User) -> None:
    resident = case_for_resident(employee).resident
    with pytest.raises(IntegrityError), transaction.atomic():
        Resident.objects.filter(pk=resident.pk).update(anonymised_at=timezone.now())


def test_a_resident_without_a_case_is_deleted(employee: User) -> None:
    data = ResidentInput(given_name="Lin", surname="Wu", phone="0633333333")
    resident = resident_register(registered_by=employee, data=data).resident
    assert resident_erase(resident=resident, closed_before=timezone.now(), by=employee) == "delete"
    assert not Resident.objects.filter(pk=resident.pk).exists()


def test_erasure_is_refused_while_a_case_is_open_or_within_its_period(employee: User) -> None:
    case = case_for_resident(employee)
    verdict = erasure_verdict(resident=case.resident, closed_before=timezone.now())
    assert not verdict.allowed
    assert "loopt nog" in verdict.reason
    with pytest.raises(InvalidInput, match="loopt nog"):
        resident_erase(resident=case.resident, closed_before=timezone.now(), by=employee)
    question_resolve(question=case.questions.get(), resolution=Resolution.ANSWERED, by=employee)
    case_close(case=case, closed_by=employee, reason="all_arranged")
    cutoff = timezone.now() - dt.timedelta(days=730)  # closed just now: within a 2-year period
    verdict = erasure_verdict(resident=case.resident, closed_before=cutoff)
    assert not verdict.allowed
    assert "bewaartermijn" in verdict.reason
    assert resident_erase(resident=case.resident, closed_before=timezone.now() + dt.timedelta(days=1), by=employee) == (
        "anonymise"
    )
    case.resident.refresh_from_db()
    assert case.resident.anonymised_at is not None
    assert not erasure_verdict(resident=case.resident, closed_before=timezone.now()).allowed

"""Registering a resident opens their first case in the same transaction, and a birth date must
be plausible."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest
from django.utils import timezone

from servicepunt.cases.models import Case, Resident
from servicepunt.cases.services import ResidentInput, resident_register, resident_register_with_case
from servicepunt.cases.services import resident as resident_module
from servicepunt.core.errors import InvalidInput

if TYPE_CHECKING:
    from servicepunt.accounts.models import User

pytestmark = pytest.mark.django_db


def _data(**changes: object) -> ResidentInput:
    data = ResidentInput(given_name="Noor", surname="Jansen", phone="0612345678")
    for key, value in changes.items():
        setattr(data, key, value)
    return data


def test_registration_opens_the_first_case(employee: User) -> None:
    registration = resident_register_with_case(registered_by=employee, data=_data(), question="Ik heb schulden")
    assert registration.case is not None and registration.case.resident == registration.resident
    assert list(registration.case.questions.values_list("text", flat=True)) == ["Ik heb schulden"]


def test_a_failure_opening_the_case_leaves_no_resident(employee: User, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(**kwargs: object) -> Case:
        raise RuntimeError("the process died between the two writes")

    monkeypatch.setattr(resident_module, "case_open", broken)
    with pytest.raises(RuntimeError):
        resident_register_with_case(registered_by=employee, data=_data(), question="Ik heb schulden")
    assert not Resident.objects.filter(surname="Jansen").exists()


def test_a_refused_question_leaves_no_resident(employee: User) -> None:
    with pytest.raises(InvalidInput) as refused:
        resident_register_with_case(registered_by=employee, data=_data(), question="   ")
    assert refused.value.field == "questions"
    assert not Resident.objects.filter(surname="Jansen").exists()


@pytest.mark.parametrize("born", [dt.date(1, 1, 1), dt.date(1899, 12, 31), None])
def test_an_implausible_birth_date_is_refused(employee: User, born: dt.date | None) -> None:
    born = born or timezone.localdate() + dt.timedelta(days=1)
    with pytest.raises(InvalidInput) as refused:
        resident_register(registered_by=employee, data=_data(date_of_birth=born))
    assert refused.value.field == "date_of_birth" and "01-01-1900" in refused.value.message
    assert not Resident.objects.exists()


def test_the_earliest_plausible_birth_date_and_today_are_accepted(employee: User) -> None:
    for born in (resident_module.EARLIEST_BIRTH_DATE, timezone.localdate()):
        resident_register(registered_by=employee, data=_data(date_of_birth=born, given_name=str(born)))
    assert Resident.objects.count() == 2

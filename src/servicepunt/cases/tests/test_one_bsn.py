"""One BSN is one resident: the service refuses a second registration, and the database does
too when the service is bypassed (or two registrations race)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from django.conf import settings
from django.db import IntegrityError, transaction

from servicepunt.accounts.roles import Role
from servicepunt.cases.identifiers import bsn_digest, bsn_encrypt
from servicepunt.cases.models import Resident
from servicepunt.cases.services import BsnAlreadyRegistered, ResidentInput, resident_register

if TYPE_CHECKING:
    from collections.abc import Callable

    from servicepunt.accounts.models import User

pytestmark = pytest.mark.django_db
TEST_BSN = "999990019"


def _data(**changes: str) -> ResidentInput:
    values = {"given_name": "Ans", "surname": "Visser", "contact_preference": "none", "bsn": TEST_BSN, **changes}
    return ResidentInput(**values)  # type: ignore[arg-type]


def test_the_service_refuses_a_bsn_that_is_registered(employee: User) -> None:
    first = resident_register(registered_by=employee, data=_data()).resident
    with pytest.raises(BsnAlreadyRegistered) as refused:
        resident_register(registered_by=employee, data=_data(given_name="Anna", surname="Jansen"))
    assert refused.value.field == "bsn" and refused.value.existing == first
    assert Resident.objects.count() == 1


def test_the_refusal_names_no_one_to_a_user_who_may_not_see_the_resident(
    employee: User, make_user: Callable[..., User]
) -> None:
    resident_register(registered_by=employee, data=_data())
    with pytest.raises(BsnAlreadyRegistered) as refused:
        resident_register(registered_by=make_user(Role.WIJKBUREAU), data=_data(given_name="Anna"))
    assert refused.value.existing is None and "Servicepunt" in refused.value.message


def test_residents_without_a_bsn_are_not_duplicates_of_each_other(employee: User) -> None:
    resident_register(registered_by=employee, data=_data(bsn=""))
    resident_register(registered_by=employee, data=_data(bsn=""))
    assert Resident.objects.count() == 2


def test_the_database_refuses_a_second_resident_with_the_same_bsn_digest(employee: User) -> None:
    """Bypassing the service (as a race between two registrations would): the unique index
    `one_resident_per_bsn` refuses it. Fails without the constraint."""
    key = settings.SERVICEPUNT_BSN_KEY
    values = {"bsn_encrypted": bsn_encrypt(TEST_BSN, key), "bsn_digest": bsn_digest(TEST_BSN, key)}
    Resident.objects.create(given_name="Ans", surname="Visser", registered_by=employee, **values)
    with pytest.raises(IntegrityError, match="one_resident_per_bsn"), transaction.atomic():
        Resident.objects.create(given_name="Anna", surname="Jansen", registered_by=employee, **values)

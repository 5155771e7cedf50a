"""Residents: validated identifiers, BSN encrypted at rest and masked, exact BSN search,
duplicates flagged, and revealing a BSN is a logged action."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest
from django.db import connection

from servicepunt.audit.testing import access_log_rows
from servicepunt.cases.selectors import bsn_masked, resident_search
from servicepunt.cases.services import ResidentInput, resident_bsn_reveal, resident_register
from servicepunt.core.errors import InvalidInput

if TYPE_CHECKING:
    from servicepunt.accounts.models import User

pytestmark = pytest.mark.django_db
FAKE_BSN = "111222333"  # passes the 11-proef; synthetic


def _register(employee: User, **changes: object) -> object:
    data = ResidentInput(
        given_name="Fatima",
        surname="Bakkali",
        date_of_birth=dt.date(1988, 3, 14),
        phone="06 12345678",
        postcode="3531 ab",
        house_number="12",
        bsn=FAKE_BSN,
    )
    for key, value in changes.items():
        setattr(data, key, value)
    return resident_register(registered_by=employee, data=data)


def test_identifiers_are_normalised_and_the_bsn_is_encrypted_at_rest(employee: User) -> None:
    resident = _register(employee).resident  # type: ignore[attr-defined]
    assert resident.phone == "+31612345678"
    assert resident.postcode == "3531AB"
    with connection.cursor() as cursor:
        cursor.execute("SELECT bsn_encrypted, bsn_digest FROM cases_resident WHERE id = %s", [resident.pk])
        stored = " ".join(cursor.fetchone())
    assert FAKE_BSN not in stored
    assert bsn_masked(resident) == "******333"


@pytest.mark.parametrize(
    ("field", "value"), [("bsn", "123456789"), ("phone", "12"), ("postcode", "ABCD 12"), ("surname", " ")]
)
def test_bad_input_is_refused_naming_the_field(employee: User, field: str, value: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        _register(employee, **{field: value})
    assert caught.value.field == field


def test_search_by_each_key_and_bsn_only_exactly(employee: User) -> None:
    resident = _register(employee).resident  # type: ignore[attr-defined]
    assert list(resident_search(name="fatima bakk")) == [resident]
    assert list(resident_search(date_of_birth=dt.date(1988, 3, 14))) == [resident]
    assert list(resident_search(phone="+31 6 1234 5678")) == [resident]
    assert list(resident_search(postcode="3531AB", house_number="12")) == [resident]
    assert list(resident_search(bsn=FAKE_BSN)) == [resident]
    assert list(resident_search(bsn="111222345")) == []
    with pytest.raises(InvalidInput):
        resident_search(bsn="1112")


def test_possible_duplicates_are_flagged_not_refused(employee: User) -> None:
    first = _register(employee).resident  # type: ignore[attr-defined]
    again = _register(employee, bsn="", phone="0612345679", surname="Bakali")
    assert again.possible_duplicates == [first]  # type: ignore[attr-defined]
    other = _register(
        employee,
        bsn="",
        phone="0687654321",
        surname="Jansen",
        postcode="",
        house_number="",
        date_of_birth=dt.date(1990, 1, 1),
    )
    assert other.possible_duplicates == []  # type: ignore[attr-defined]


def test_revealing_the_bsn_needs_a_purpose_and_is_logged(employee: User) -> None:
    resident = _register(employee).resident  # type: ignore[attr-defined]
    with pytest.raises(InvalidInput):
        resident_bsn_reveal(user=employee, resident=resident, screen="test", purpose=" ")
    assert (
        resident_bsn_reveal(
            user=employee, resident=resident, screen="resident.detail", purpose="aanvraag bijzondere bijstand"
        )
        == FAKE_BSN
    )
    entry = access_log_rows().get()
    assert (entry.user, entry.subject_type, entry.purpose) == (employee, "resident.bsn", "aanvraag bijzondere bijstand")

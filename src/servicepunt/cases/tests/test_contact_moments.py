"""A contact moment of a video call keeps how long the resident waited and talked; a span below
zero or longer than a working day is refused naming the field, and the database refuses a
negative one too; the case page shows both in whole minutes."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest
from django.db import IntegrityError, transaction
from django.test import Client

from servicepunt.cases.models import ContactMoment
from servicepunt.cases.services import contact_moment_record
from servicepunt.cases.testing import case_for_resident
from servicepunt.core.errors import InvalidInput

if TYPE_CHECKING:
    from servicepunt.accounts.models import User

pytestmark = pytest.mark.django_db


def _record(employee: User, **spans: dt.timedelta) -> ContactMoment:
    case = case_for_resident(employee)
    return contact_moment_record(
        case=case, employee=employee, channel="video_wijkbureau", outcome="Uitgelegd", wijkbureau="Wijk Noord", **spans
    )


@pytest.mark.parametrize("field", ["waited", "duration"])
@pytest.mark.parametrize("span", [dt.timedelta(seconds=-1), dt.timedelta(hours=13)])
def test_an_implausible_span_is_refused_naming_the_field(employee: User, field: str, span: dt.timedelta) -> None:
    with pytest.raises(InvalidInput) as refused:
        _record(employee, **{field: span})
    assert refused.value.field == field
    assert not ContactMoment.objects.exists()


def test_the_database_refuses_a_negative_wait(employee: User) -> None:
    moment = _record(employee, waited=dt.timedelta(minutes=2))
    with pytest.raises(IntegrityError), transaction.atomic():
        ContactMoment.objects.filter(pk=moment.pk).update(waited=dt.timedelta(seconds=-5))


def test_the_case_page_shows_the_wait_and_the_duration_in_minutes(employee: User) -> None:
    moment = _record(employee, waited=dt.timedelta(minutes=2, seconds=40), duration=dt.timedelta(minutes=12))
    client = Client()
    client.force_login(employee)
    page = client.get(f"/vraagstukken/{moment.case.uuid}/").content.decode()
    assert "3 min gewacht" in page and "12 min gesproken" in page

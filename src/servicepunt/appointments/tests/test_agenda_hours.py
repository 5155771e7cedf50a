"""Agenda hours are checked where they are typed: a weekday 0–6 with a message in words (not the
database's constraint name), and a closing time after the opening time (00:00 is midnight)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from servicepunt.appointments.choices import ExceptionKind
from servicepunt.appointments.models import AgendaException, AgendaHours
from servicepunt.appointments.tests.conftest import AgendaFactory

# On the small test catalogue (see the root conftest): hours are not about which products exist.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("small_catalogue")]


def _messages(error: ValidationError) -> str:
    return " ".join(str(message) for message in error.messages)


def test_a_weekday_outside_0_to_6_is_refused_in_words(agenda_factory: AgendaFactory) -> None:
    agenda = agenda_factory("uren", "test-gemeente-balie", {"test-geldhulp": 45})
    with pytest.raises(ValidationError) as refused:
        AgendaHours(agenda=agenda, weekday=9, opens=dt.time(9), closes=dt.time(17)).full_clean()
    assert "weekday" in refused.value.message_dict
    assert "0 (maandag) tot en met 6 (zondag)" in _messages(refused.value)
    assert "agenda_hours_weekday" not in _messages(refused.value)


@pytest.mark.parametrize(("opens", "closes"), [(dt.time(17), dt.time(9)), (dt.time(9), dt.time(9))])
def test_hours_that_close_before_they_open_are_refused(
    agenda_factory: AgendaFactory, opens: dt.time, closes: dt.time
) -> None:
    agenda = agenda_factory("uren", "test-gemeente-balie", {"test-geldhulp": 45})
    hours = AgendaHours(agenda=agenda, weekday=0, opens=opens, closes=closes)
    with pytest.raises(ValidationError) as refused:
        hours.full_clean()
    assert "later zijn dan" in _messages(refused.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        hours.save()  # and the database holds it when something skips the form


def test_hours_until_midnight_are_accepted(agenda_factory: AgendaFactory) -> None:
    agenda = agenda_factory("uren", "test-gemeente-balie", {"test-geldhulp": 45})
    AgendaHours(agenda=agenda, weekday=4, opens=dt.time(18), closes=dt.time(0)).full_clean()


def test_extra_hours_that_close_before_they_open_are_refused(agenda_factory: AgendaFactory) -> None:
    agenda = agenda_factory("uren", "test-gemeente-balie", {"test-geldhulp": 45})
    extra = AgendaException(
        agenda=agenda, date=dt.date(2030, 1, 5), kind=ExceptionKind.EXTRA, opens=dt.time(17), closes=dt.time(9)
    )
    with pytest.raises(ValidationError) as refused:
        extra.full_clean()
    assert "closes" in refused.value.message_dict

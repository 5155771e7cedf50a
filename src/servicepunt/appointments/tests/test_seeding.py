"""Example agendas from plain values (`appointments.seeding`, used by the demo) follow the rules
the admin applies: only products the agenda's entry point offers, at least one mode, hours that
close after they open; and loading again replaces an agenda by its code."""

from __future__ import annotations

import datetime as dt

import pytest

from servicepunt.appointments.choices import ExceptionKind, ModeChoice
from servicepunt.appointments.models import Agenda
from servicepunt.appointments.seeding import AgendaSeed, ExceptionSeed, HoursSeed, OfferSeed, agendas_seed
from servicepunt.catalogue.testing import entry_point, product, product_rows
from servicepunt.core.errors import InvalidInput

# On the small test catalogue (see the root conftest).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("small_catalogue")]
BALIE = "test-gemeente-balie"


def _seed(**changes: object) -> AgendaSeed:
    fields: dict[str, object] = {
        "code": "voorbeeld",
        "name": "Voorbeeld",
        "entry_point_id": entry_point(BALIE).pk,
        "modes": frozenset({ModeChoice.IN_PERSON.value}),
        "offers": (OfferSeed(product_id=product("test-geldhulp").pk, duration_minutes=30),),
        "hours": (HoursSeed(weekday=0, opens=dt.time(9), closes=dt.time(17)),),
        **changes,
    }
    return AgendaSeed(**fields)  # type: ignore[arg-type]


def test_an_agenda_is_written_and_replaced_by_its_code() -> None:
    (first,) = agendas_seed([_seed()])
    exception = ExceptionSeed(date=dt.date(2027, 1, 4), kind=ExceptionKind.CLOSED)
    (again,) = agendas_seed([_seed(hours=(HoursSeed(1, dt.time(9), dt.time(12)),), exceptions=(exception,))])
    agenda = Agenda.objects.get(code="voorbeeld")
    assert first == again == agenda.pk
    assert [(h.weekday, h.closes) for h in agenda.hours.all()] == [(1, dt.time(12))]
    assert agenda.offers.get().duration_minutes == 30 and agenda.exceptions.count() == 1


def test_a_product_the_entry_point_does_not_offer_is_refused() -> None:
    elsewhere = product_rows().exclude(entry_points=entry_point(BALIE)).first()
    assert elsewhere is not None
    with pytest.raises(InvalidInput) as refused:
        agendas_seed([_seed(offers=(OfferSeed(product_id=elsewhere.pk, duration_minutes=30),))])
    assert refused.value.field == "products"


@pytest.mark.parametrize(
    "changes",
    [
        {"modes": frozenset()},
        {"hours": (HoursSeed(weekday=0, opens=dt.time(17), closes=dt.time(9)),)},
        {"exceptions": (ExceptionSeed(date=dt.date(2027, 1, 4), kind=ExceptionKind.EXTRA),)},
    ],
)
def test_an_agenda_the_models_rules_forbid_is_refused(changes: dict[str, object]) -> None:
    with pytest.raises(InvalidInput) as refused:
        agendas_seed([_seed(**changes)])
    assert "voorbeeld" in refused.value.message

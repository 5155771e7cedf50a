"""Slot search through the database (mode, building, dates) and who may manage which agendas.
The demo agendas are tested in `servicepunt.demo.tests.test_agendas`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest

from servicepunt.accounts.roles import Role
from servicepunt.appointments.engine import AMSTERDAM
from servicepunt.appointments.selectors import agendas_manageable, combination_search, slot_search
from servicepunt.appointments.services import Actor, appointment_book
from servicepunt.appointments.specs import building_key
from servicepunt.appointments.tests.conftest import AgendaFactory
from servicepunt.catalogue.testing import location_rows, product_rows
from servicepunt.core.errors import InvalidInput

if TYPE_CHECKING:
    from servicepunt.accounts.models import User

pytestmark = pytest.mark.django_db


def test_slot_search_filters_by_mode_building_and_dates(agenda_factory: AgendaFactory, employee: User) -> None:
    agenda_factory("stad", "gemeente-burgerzaken-stadskantoor", {"identiteitsbewijs": 15})
    agenda_factory("vleuten", "gemeente-burgerzaken-vleuten-de-meern", {"identiteitsbewijs": 20})
    product = product_rows().get(code="identiteitsbewijs")
    assert {s.agenda.code for s in slot_search(product=product, limit=50)} == {"stad", "vleuten"}
    vleuten = location_rows().get(organisation__code="gemeente-burgerzaken", code="wijkservicecentrum-vleuten-de-meern")
    assert {s.agenda.code for s in slot_search(product=product, location=vleuten)} == {"vleuten"}
    assert slot_search(product=product, mode="video") == []
    later = dt.datetime.now(AMSTERDAM).date() + dt.timedelta(days=10)
    found = slot_search(product=product, first_day=later, last_day=later)
    assert found and {s.start.astimezone(AMSTERDAM).date() for s in found} == {later}
    with pytest.raises(InvalidInput) as caught:
        slot_search(product=product, mode="telepathie")
    assert caught.value.field == "mode"


def test_slot_search_skips_booked_time(agenda_factory: AgendaFactory, employee: User) -> None:
    agenda_factory("stad", "gemeente-burgerzaken-stadskantoor", {"identiteitsbewijs": 15})
    product = product_rows().get(code="identiteitsbewijs")
    first = slot_search(product=product, limit=1)[0]
    appointment_book(
        agenda=first.agenda, product=product, start=first.start, mode="in_person", actor=Actor.staff(employee)
    )
    assert slot_search(product=product, limit=1)[0].start == first.start + dt.timedelta(minutes=15)


def test_the_same_building_is_recognised_across_organisations() -> None:
    werk_inkomen = location_rows().get(organisation__code="gemeente-werk-inkomen", code="utrecht-stadskantoor")
    burgerzaken = location_rows().get(organisation__code="gemeente-burgerzaken", code="utrecht-stadskantoor")
    vleuten = location_rows().get(organisation__code="gemeente-burgerzaken", code="wijkservicecentrum-vleuten-de-meern")
    assert werk_inkomen.pk != burgerzaken.pk and building_key(werk_inkomen) == building_key(burgerzaken)
    assert building_key(vleuten) != building_key(burgerzaken) and building_key(None) is None


def test_combination_search_needs_two_different_products() -> None:
    bijstand = product_rows().get(code="bijstand")
    with pytest.raises(InvalidInput) as caught:
        combination_search(products=[bijstand, bijstand], kind="joint")
    assert caught.value.field == "products"
    with pytest.raises(InvalidInput) as caught:
        combination_search(products=[bijstand, product_rows().get(code="stadspas")], kind="samen")
    assert caught.value.field == "kind"


def test_partner_staff_manage_only_their_own_organisations_agendas(
    agenda_factory: AgendaFactory, make_user: Callable[..., User]
) -> None:
    own = agenda_factory("jl", "juridisch-loket-vestiging-afspraak", {"juridisch-loket": 30})
    agenda_factory("duo", "duo-servicekantoor-afspraak", {"studiefinanciering": 30})
    partner = make_user(Role.PARTNER, organisation="juridisch-loket")
    beheerder = make_user(Role.BEHEERDER)
    assert not list(agendas_manageable(user=make_user(Role.SERVICEPUNT)))
    assert list(agendas_manageable(user=partner)) == [own]
    assert set(agendas_manageable(user=beheerder).values_list("code", flat=True)) >= {"jl", "duo"}

"""Agenda management in the admin: only with appointments.manage_agendas; a product can only
be added to an agenda whose entry point offers it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest
from django.contrib.auth.models import Permission
from django.forms.models import inlineformset_factory
from django.test import Client

from servicepunt.accounts.roles import Role
from servicepunt.appointments.admin import AgendaProductFormSet
from servicepunt.appointments.models import Agenda, AgendaProduct
from servicepunt.appointments.tests.conftest import AgendaFactory
from servicepunt.catalogue.testing import product

if TYPE_CHECKING:
    from servicepunt.accounts.models import User

# On the small test catalogue (see the root conftest).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("small_catalogue")]


def test_the_beheerder_manages_agendas_only_with_the_permission(
    agenda_factory: AgendaFactory, make_user: Callable[..., User], client: Client
) -> None:
    agenda = agenda_factory("jl", "test-partner-spreekuur", {"test-huurhulp": 30})
    beheerder = make_user(Role.BEHEERDER)
    client.force_login(beheerder)
    assert client.get("/beheer/appointments/agenda/").status_code == 200
    beheerder.groups.clear()
    beheerder.user_permissions.add(
        *Permission.objects.filter(codename__startswith="view_", content_type__app_label="catalogue")
    )
    assert client.get("/beheer/appointments/agenda/").status_code == 403
    beheerder.user_permissions.add(Permission.objects.get(codename="manage_agendas"))
    assert client.get("/beheer/appointments/agenda/").status_code == 200
    page = client.get(f"/beheer/appointments/agenda/{agenda.pk}/change/")
    assert page.status_code == 200 and product("test-huurhulp").name in page.content.decode()
    assert client.get("/beheer/appointments/appointment/").status_code == 200


def test_a_product_the_entry_point_does_not_offer_is_refused(agenda_factory: AgendaFactory) -> None:
    agenda: Agenda = agenda_factory("jl", "test-partner-spreekuur", {"test-huurhulp": 30})
    data = {
        "offers-TOTAL_FORMS": "1",
        "offers-INITIAL_FORMS": "0",
        "offers-0-product": str(product("test-geldhulp").pk),  # offered at the municipality's desk only
        "offers-0-duration_minutes": "30",
    }
    formset_class = inlineformset_factory(
        Agenda, AgendaProduct, formset=AgendaProductFormSet, fields=["product", "duration_minutes"]
    )
    formset = formset_class(data, instance=Agenda(entry_point=agenda.entry_point), prefix="offers")
    assert not formset.is_valid()
    assert "biedt dit product niet aan" in str(formset.errors)

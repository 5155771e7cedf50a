"""Agendas on real catalogue entry points, open every day from 07:00 to 21:00 with no lead
time, so tests find free time whatever day they run (holidays excepted by the search)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest

from servicepunt.appointments.models import Agenda, AgendaHours, AgendaProduct
from servicepunt.appointments.selectors import FreeSlot, slot_search
from servicepunt.cases.services import question_link
from servicepunt.cases.testing import case_for_resident
from servicepunt.catalogue.testing import entry_point_rows, product_rows

if TYPE_CHECKING:
    from servicepunt.accounts.models import User
    from servicepunt.cases.models import Case, Question

AgendaFactory = Callable[..., Agenda]


def make_agenda(
    code: str,
    entry_point: str,
    products: dict[str, int],
    *,
    desks: int = 1,
    modes: tuple[str, ...] = ("in_person",),
    **fields: Any,
) -> Agenda:
    agenda = Agenda.objects.create(
        code=code,
        name=code,
        entry_point=entry_point_rows().get(code=entry_point),
        desks=desks,
        in_person="in_person" in modes,
        phone="phone" in modes,
        video="video" in modes,
        lead_time_minutes=fields.pop("lead_time_minutes", 0),
        **fields,
    )
    for product_code, minutes in products.items():
        AgendaProduct.objects.create(
            agenda=agenda, product=product_rows().get(code=product_code), duration_minutes=minutes
        )
    for weekday in range(7):
        AgendaHours.objects.create(agenda=agenda, weekday=weekday, opens=dt.time(7), closes=dt.time(21))
    return agenda


@pytest.fixture
def agenda_factory(db: None) -> AgendaFactory:
    return make_agenda


def first_free(product: str, **kwargs: Any) -> FreeSlot:
    found = slot_search(product=product_rows().get(code=product), limit=1, **kwargs)
    assert found, f"no free slot for {product}"
    return found[0]


def open_case(employee: User, *questions: str) -> Case:
    return case_for_resident(employee, *questions or ("Ik heb geen geld meer",), given_name="Sanne", surname="Visser")


def linked_question(case: Case, product: str, employee: User) -> Question:
    question = case.questions.first()
    assert question is not None
    return question_link(question=question, product=product_rows().get(code=product), by=employee)


def combination_agendas(agenda_factory: AgendaFactory, desks: int = 1) -> None:
    agenda_factory(
        "werk-inkomen",
        "gemeente-werk-inkomen-balie-stadskantoor",
        {"bijstand": 45},
        desks=desks,
        modes=("in_person", "video"),
    )
    agenda_factory("burgerzaken", "gemeente-burgerzaken-stadskantoor", {"verhuizing-doorgeven": 15}, desks=desks)
    agenda_factory("duo", "duo-servicekantoor-afspraak", {"studiefinanciering": 30}, desks=desks, modes=("video",))

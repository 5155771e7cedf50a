"""Builders shared by the notification, reminder and resident-page tests (no tests here): a
resident with a contact preference and language, a case whose questions are linked to
products, and bookings of one appointment or of a combination (gemeente + DUO by video)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from servicepunt.appointments.models import Agenda, Appointment, Arrangement
from servicepunt.appointments.selectors import combination_search
from servicepunt.appointments.services import Actor, PartChoice, appointment_book, arrangement_book
from servicepunt.appointments.tests.conftest import AgendaFactory, combination_agendas, first_free
from servicepunt.cases.services import ResidentInput, case_open, question_link, resident_register
from servicepunt.catalogue.testing import product_rows

if TYPE_CHECKING:
    from servicepunt.accounts.models import User
    from servicepunt.cases.models import Case, Question, Resident


def make_resident(
    employee: User,
    *,
    email: str = "sanne.visser@example.org",
    language: str = "nl",
    preference: str = "email",
    phone: str = "0612345678",
    surname: str = "Visser",
) -> Resident:
    data = ResidentInput(
        given_name="Sanne",
        surname=surname,
        email=email,
        phone=phone,
        preferred_language=language,
        contact_preference=preference,
    )
    return resident_register(registered_by=employee, data=data).resident


def case_for(employee: User, resident: Resident, *products: str) -> tuple[Case, list[Question]]:
    case = case_open(resident=resident, opened_by=employee, questions=[f"Vraag over {code}" for code in products])
    questions = list(case.questions.order_by("pk"))
    linked = [
        question_link(question=question, product=product_rows().get(code=code), by=employee)
        for question, code in zip(questions, products, strict=True)
    ]
    return case, linked


def book_single(
    agenda_factory: AgendaFactory,
    employee: User,
    resident: Resident,
    *,
    first_day: dt.date | None = None,
    mode: str = "in_person",
    with_question: bool = True,
) -> Appointment:
    """Bijstand at the Werk en Inkomen desk (its agenda made if not there yet)."""
    if not Agenda.objects.filter(code="werk-inkomen").exists():
        agenda_factory("werk-inkomen", "gemeente-werk-inkomen-balie-stadskantoor", {"bijstand": 45}, modes=(mode,))
    question = case_for(employee, resident, "bijstand")[1][0] if with_question else None
    slot = first_free("bijstand", first_day=first_day)
    return appointment_book(
        agenda=slot.agenda,
        product=slot.product,
        start=slot.start,
        mode=mode,
        question=question,
        resident=None if question else resident,
        actor=Actor.staff(employee),
    )


def book_combination(
    agenda_factory: AgendaFactory, employee: User, resident: Resident, *, first_day: dt.date | None = None
) -> tuple[Arrangement, list[Question]]:
    """Bijstand (gemeente) and studiefinanciering (DUO) together by video, each answering a
    question of one case."""
    combination_agendas(agenda_factory)
    _case, questions = case_for(employee, resident, "bijstand", "studiefinanciering")
    products = [question.product for question in questions]
    option = combination_search(products=products, kind="joint", limit=1, first_day=first_day)[0]  # type: ignore[arg-type]
    parts = [
        PartChoice(part.agenda, part.product, part.start, question)
        for part, question in zip(option.parts, questions, strict=True)
    ]
    arrangement = arrangement_book(kind="joint", mode="video", parts=parts, actor=Actor.staff(employee))
    return arrangement, questions

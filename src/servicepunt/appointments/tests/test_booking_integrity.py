"""Invariants of booking against the cases context: one active appointment per question (in the
service under a lock, and as a partial unique index), and no booking for a question that was
answered or declined."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest
from django.db import IntegrityError, transaction

from servicepunt.appointments.choices import AppointmentStatus
from servicepunt.appointments.models import Appointment
from servicepunt.appointments.selectors import FreeSlot, combination_search
from servicepunt.appointments.services import (
    Actor,
    PartChoice,
    QuestionAlreadyBooked,
    appointment_book,
    appointment_cancel,
    arrangement_book,
)
from servicepunt.appointments.services import booking as booking_module
from servicepunt.appointments.tests.conftest import (
    AgendaFactory,
    combination_agendas,
    first_free,
    linked_question,
    open_case,
)
from servicepunt.cases.closing import Resolution
from servicepunt.cases.services import QuestionNotBookable, question_link, question_lock_for_booking, question_resolve
from servicepunt.cases.testing import question_rows
from servicepunt.catalogue.testing import product_rows

if TYPE_CHECKING:
    from servicepunt.accounts.models import User
    from servicepunt.cases.models import Question

pytestmark = pytest.mark.django_db


def _book(slot: FreeSlot, employee: User, question: Question, start: dt.datetime | None = None) -> Appointment:
    return appointment_book(
        agenda=slot.agenda,
        product=slot.product,
        start=start or slot.start,
        mode="in_person",
        actor=Actor.staff(employee),
        question=question,
    )


@pytest.fixture
def question(agenda_factory: AgendaFactory, employee: User) -> Question:
    agenda_factory("werk-inkomen", "gemeente-werk-inkomen-balie-stadskantoor", {"bijstand": 45}, desks=2)
    return linked_question(open_case(employee), "bijstand", employee)


def test_a_question_with_an_active_appointment_is_not_booked_again(question: Question, employee: User) -> None:
    slot = first_free("bijstand")
    _book(slot, employee, question)
    with pytest.raises(QuestionAlreadyBooked) as refused:  # the back button, another tab: another time
        _book(slot, employee, question, start=slot.start + dt.timedelta(hours=2))
    assert refused.value.field == "question" and "werk-inkomen" in refused.value.message
    assert Appointment.objects.filter(question=question, status=AppointmentStatus.BOOKED).count() == 1


@pytest.mark.parametrize("resolution", [Resolution.ANSWERED, Resolution.DECLINED])
def test_a_question_with_a_planned_appointment_is_not_marked_answered_or_declined(
    question: Question, employee: User, resolution: Resolution
) -> None:
    appointment = _book(first_free("bijstand"), employee, question)
    with pytest.raises(QuestionAlreadyBooked) as refused:
        question_resolve(question=question_rows().get(pk=question.pk), resolution=resolution, by=employee)
    assert refused.value.field == "resolution" and "annuleer" in refused.value.message
    assert question_rows().get(pk=question.pk).resolution == Resolution.BOOKED
    appointment_cancel(appointment=appointment, actor=Actor.staff(employee), reason="Inwoner belde af")
    resolved = question_resolve(question=question_rows().get(pk=question.pk), resolution=resolution, by=employee)
    assert resolved.resolution == resolution


def test_a_cancelled_appointment_frees_its_question(question: Question, employee: User) -> None:
    slot = first_free("bijstand")
    appointment_cancel(
        appointment=_book(slot, employee, question), actor=Actor.staff(employee), reason="Inwoner belde af"
    )
    again = _book(slot, employee, question, start=slot.start + dt.timedelta(hours=2))
    assert again.status == AppointmentStatus.BOOKED


def test_the_database_holds_one_active_appointment_per_question(question: Question, employee: User) -> None:
    first = _book(first_free("bijstand"), employee, question)
    fields = {f: getattr(first, f) for f in ("agenda", "product", "mode", "question", "resident", "booked_by")}
    Appointment.objects.create(**fields, start=first.start, end=first.end, status=AppointmentStatus.CANCELLED)
    with pytest.raises(IntegrityError), transaction.atomic():
        Appointment.objects.create(**fields, start=first.start, end=first.end)


def test_the_index_answers_with_the_same_refusal_when_a_writer_skips_the_check(
    question: Question, employee: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    slot = first_free("bijstand")
    _book(slot, employee, question)
    # A writer that only locks (say, a future import) still gets the words, not a server error.
    monkeypatch.setattr(
        booking_module,
        "question_claim",
        lambda q, field="question": question_lock_for_booking(question=q) if q else None,
    )
    with pytest.raises(QuestionAlreadyBooked):
        _book(slot, employee, question, start=slot.start + dt.timedelta(hours=2))


@pytest.mark.parametrize("resolution", [Resolution.ANSWERED, Resolution.DECLINED])
def test_an_answered_or_declined_question_is_not_booked(
    question: Question, employee: User, resolution: Resolution
) -> None:
    question_resolve(question=question, resolution=resolution, by=employee)
    with pytest.raises(QuestionNotBookable) as refused:
        _book(first_free("bijstand"), employee, question_rows().get(pk=question.pk))
    assert refused.value.field == "question" and "Open de vraag dan eerst opnieuw" in refused.value.message
    assert not Appointment.objects.exists()


def test_a_stale_question_is_checked_as_it_is_now(question: Question, employee: User) -> None:
    """The page loaded the question while it was open; it was declined since (another tab)."""
    stale = question_rows().get(pk=question.pk)
    question_resolve(question=question, resolution=Resolution.DECLINED, by=employee)
    with pytest.raises(QuestionNotBookable):
        _book(first_free("bijstand"), employee, stale)


def _combination(agenda_factory: AgendaFactory, employee: User) -> tuple[list[Question], list[PartChoice]]:
    combination_agendas(agenda_factory, desks=2)
    case = open_case(employee, "Ik heb geen inkomen", "Ik wil studeren")
    questions = list(case.questions.all())
    products = [product_rows().get(code=code) for code in ("bijstand", "studiefinanciering")]
    for q, product in zip(questions, products, strict=True):
        question_link(question=q, product=product, by=employee)
    option = combination_search(products=products, kind="joint", mode="video", limit=1)[0]
    by_product = {q.product_id: q for q in question_rows().filter(case=case)}
    parts = [PartChoice(p.agenda, p.product, p.start, by_product[p.product.pk]) for p in option.parts]
    return questions, parts


def test_a_combination_does_not_book_a_question_that_has_an_appointment(
    agenda_factory: AgendaFactory, employee: User
) -> None:
    _questions, parts = _combination(agenda_factory, employee)
    arrangement_book(kind="joint", mode="video", parts=parts, actor=Actor.staff(employee))
    with pytest.raises(QuestionAlreadyBooked) as refused:
        arrangement_book(kind="joint", mode="video", parts=parts, actor=Actor.staff(employee))
    assert refused.value.field is not None and refused.value.field.startswith("parts[")
    assert Appointment.objects.filter(status=AppointmentStatus.BOOKED).count() == 2


def test_a_combination_does_not_book_one_question_twice(agenda_factory: AgendaFactory, employee: User) -> None:
    questions, parts = _combination(agenda_factory, employee)
    same = [PartChoice(p.agenda, p.product, p.start, questions[0]) for p in parts]
    with pytest.raises(Exception, match="andere vraag"):
        arrangement_book(kind="joint", mode="video", parts=same, actor=Actor.staff(employee))
    assert not Appointment.objects.exists()


def test_a_combination_does_not_book_a_declined_question(agenda_factory: AgendaFactory, employee: User) -> None:
    _questions, parts = _combination(agenda_factory, employee)
    question_resolve(question=parts[1].question, resolution=Resolution.DECLINED, by=employee)  # type: ignore[arg-type]
    with pytest.raises(QuestionNotBookable):
        arrangement_book(kind="joint", mode="video", parts=parts, actor=Actor.staff(employee))
    assert not Appointment.objects.exists()

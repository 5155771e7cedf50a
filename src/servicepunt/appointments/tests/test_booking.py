"""Booking one appointment or a combination: the question resolved through the cases context
(so the case can close), the entry point offering the product, idempotency, the last desk,
fields named in errors, video links, and combinations all or nothing."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest
from django.test import override_settings

from servicepunt.appointments.choices import AppointmentStatus
from servicepunt.appointments.models import Appointment, Arrangement
from servicepunt.appointments.selectors import appointment_history, appointments_for_case, combination_search
from servicepunt.appointments.services import (
    Actor,
    PartChoice,
    SlotUnavailable,
    appointment_book,
    appointment_cancel,
    arrangement_book,
    arrangement_cancel,
)
from servicepunt.appointments.tests.conftest import (
    AgendaFactory,
    combination_agendas,
    first_free,
    linked_question,
    open_case,
)
from servicepunt.cases.closing import Resolution
from servicepunt.cases.services import case_close, question_link
from servicepunt.cases.testing import CaseStatus, case_rows, question_rows
from servicepunt.catalogue.testing import product_rows
from servicepunt.core.errors import InvalidInput

if TYPE_CHECKING:
    from servicepunt.accounts.models import User

pytestmark = pytest.mark.django_db


def test_booking_resolves_the_question_so_the_case_can_close(agenda_factory: AgendaFactory, employee: User) -> None:
    agenda_factory("werk-inkomen", "gemeente-werk-inkomen-balie-stadskantoor", {"bijstand": 45})
    case = open_case(employee)
    question = linked_question(case, "bijstand", employee)
    slot = first_free("bijstand")
    appointment = appointment_book(
        agenda=slot.agenda,
        product=slot.product,
        start=slot.start,
        mode="in_person",
        actor=Actor.staff(employee),
        question=question,
    )
    assert appointment.resident_id == case.resident_id and appointment.end - appointment.start == dt.timedelta(
        minutes=45
    )
    assert question_rows().get(pk=question.pk).resolution == Resolution.BOOKED
    case_close(case=case, closed_by=employee, reason="all_arranged")
    assert case_rows().get(pk=case.pk).status == CaseStatus.CLOSED
    assert list(appointments_for_case(case=case)) == [appointment]
    assert [e.kind for e in appointment_history(appointment=appointment)] == ["booked"]


def test_a_question_is_booked_only_at_an_entry_point_offering_its_product(
    agenda_factory: AgendaFactory, employee: User
) -> None:
    agenda_factory("werk-inkomen", "gemeente-werk-inkomen-balie-stadskantoor", {"bijstand": 45})
    question = linked_question(open_case(employee), "studiefinanciering", employee)
    slot = first_free("bijstand")
    with pytest.raises(InvalidInput) as caught:
        appointment_book(
            agenda=slot.agenda,
            product=slot.product,
            start=slot.start,
            mode="in_person",
            actor=Actor.staff(employee),
            question=question,
        )
    assert caught.value.field == "product"
    assert not Appointment.objects.exists()


def test_the_same_idempotency_key_books_once(agenda_factory: AgendaFactory, employee: User) -> None:
    agenda_factory("werk-inkomen", "gemeente-werk-inkomen-balie-stadskantoor", {"bijstand": 45}, desks=3)
    slot = first_free("bijstand")
    book = {"agenda": slot.agenda, "product": slot.product, "start": slot.start, "mode": "in_person"}
    first = appointment_book(**book, actor=Actor.staff(employee), idempotency_key="form-7f3a")
    again = appointment_book(**book, actor=Actor.staff(employee), idempotency_key="form-7f3a")
    assert first.pk == again.pk and Appointment.objects.count() == 1
    with pytest.raises(InvalidInput) as caught:
        appointment_book(
            **{**book, "start": slot.start + dt.timedelta(minutes=15)},
            actor=Actor.staff(employee),
            idempotency_key="form-7f3a",
        )
    assert caught.value.field == "idempotency_key"


def test_the_last_desk_cannot_be_booked_twice(agenda_factory: AgendaFactory, employee: User) -> None:
    agenda_factory("werk-inkomen", "gemeente-werk-inkomen-balie-stadskantoor", {"bijstand": 45}, desks=2)
    slot = first_free("bijstand")
    book = {
        "agenda": slot.agenda,
        "product": slot.product,
        "start": slot.start,
        "mode": "in_person",
        "actor": Actor.staff(employee),
    }
    appointment_book(**book)
    appointment_book(**book)
    with pytest.raises(SlotUnavailable) as caught:
        appointment_book(**book)
    assert caught.value.field == "start" and caught.value.status == 409


def test_bad_input_names_the_field(agenda_factory: AgendaFactory, employee: User) -> None:
    agenda_factory("werk-inkomen", "gemeente-werk-inkomen-balie-stadskantoor", {"bijstand": 45})
    slot = first_free("bijstand")
    book = {"agenda": slot.agenda, "product": slot.product, "actor": Actor.staff(employee)}
    cases = [
        ({"start": slot.start, "mode": "per-post"}, "mode"),
        ({"start": slot.start, "mode": "video"}, "mode"),
        ({"start": slot.start + dt.timedelta(minutes=5), "mode": "in_person"}, "start"),
        ({"start": dt.datetime.now(dt.UTC) - dt.timedelta(days=1), "mode": "in_person"}, "start"),
        ({"start": slot.start, "mode": "in_person", "product": product_rows().get(code="huurtoeslag")}, "product"),
    ]
    for extra, field in cases:
        with pytest.raises(InvalidInput) as caught:
            appointment_book(**{**book, **extra})
        assert caught.value.field == field, extra


def test_a_video_appointment_gets_an_unguessable_link(agenda_factory: AgendaFactory, employee: User) -> None:
    agenda_factory("duo", "duo-servicekantoor-afspraak", {"studiefinanciering": 30}, modes=("video",), desks=2)
    slot = first_free("studiefinanciering")
    book = {"agenda": slot.agenda, "product": slot.product, "start": slot.start, "mode": "video"}
    one = appointment_book(**book, actor=Actor.staff(employee))
    assert one.meeting_url.startswith("https://meet.example.org/servicepunt-") and len(one.meeting_url) > 50
    with override_settings(SERVICEPUNT_VIDEO_BASE_URL="https://beeldbellen.utrecht.example/"):
        two = appointment_book(**book, actor=Actor.staff(employee))
    assert two.meeting_url.startswith("https://beeldbellen.utrecht.example/servicepunt-")
    assert two.meeting_url.rsplit("/", 1)[1] != one.meeting_url.rsplit("/", 1)[1]


def test_a_consecutive_combination_is_booked_as_one(agenda_factory: AgendaFactory, employee: User) -> None:
    combination_agendas(agenda_factory)
    case = open_case(employee, "Geen geld", "Verhuisd")
    money, moved = case.questions.all()
    question_link(question=money, product=product_rows().get(code="bijstand"), by=employee)
    question_link(question=moved, product=product_rows().get(code="verhuizing-doorgeven"), by=employee)
    products = [product_rows().get(code="bijstand"), product_rows().get(code="verhuizing-doorgeven")]
    option = combination_search(products=products, kind="consecutive", limit=1)[0]
    questions = {money.product_id: money, moved.product_id: moved}
    parts = [PartChoice(p.agenda, p.product, p.start, questions[p.product.pk]) for p in option.parts]
    arrangement = arrangement_book(
        kind="consecutive", mode="in_person", parts=parts, actor=Actor.staff(employee), idempotency_key="k1"
    )
    assert arrangement.appointments.count() == 2
    assert set(question_rows().filter(case=case).values_list("resolution", flat=True)) == {Resolution.BOOKED}
    assert (
        arrangement_book(
            kind="consecutive", mode="in_person", parts=parts, actor=Actor.staff(employee), idempotency_key="k1"
        )
        == arrangement
    )
    # cancelling one part ends only that part and reopens only its question
    first = arrangement.appointments.order_by("start").first()
    assert first is not None and first.question is not None
    appointment_cancel(appointment=first, actor=Actor.resident())
    assert sorted(arrangement.appointments.values_list("status", flat=True)) == sorted(
        [AppointmentStatus.CANCELLED, AppointmentStatus.BOOKED]
    )
    first.question.refresh_from_db()
    assert first.question.resolution == Resolution.OPEN
    assert question_rows().filter(case=case, resolution=Resolution.BOOKED).count() == 1
    # cancelling the combination ends the rest
    arrangement_cancel(arrangement=arrangement, actor=Actor.staff(employee), reason="dubbel geboekt")
    assert set(arrangement.appointments.values_list("status", flat=True)) == {AppointmentStatus.CANCELLED}
    assert set(question_rows().filter(case=case).values_list("resolution", flat=True)) == {Resolution.OPEN}


def test_a_combination_is_all_or_nothing_when_one_part_is_full(agenda_factory: AgendaFactory, employee: User) -> None:
    combination_agendas(agenda_factory)
    products = [product_rows().get(code="bijstand"), product_rows().get(code="studiefinanciering")]
    option = combination_search(products=products, kind="joint", mode="video", limit=1)[0]
    duo_part = next(p for p in option.parts if p.product.code == "studiefinanciering")
    appointment_book(
        agenda=duo_part.agenda,
        product=duo_part.product,
        start=duo_part.start,
        mode="video",
        actor=Actor.staff(employee),
    )
    parts = [PartChoice(p.agenda, p.product, p.start) for p in option.parts]
    with pytest.raises(SlotUnavailable) as caught:
        arrangement_book(kind="joint", mode="video", parts=parts, actor=Actor.staff(employee))
    assert caught.value.field == f"parts[{option.parts.index(duo_part)}].start"
    assert not Arrangement.objects.exists() and Appointment.objects.count() == 1


def test_a_combination_refuses_parts_that_do_not_fit_together(agenda_factory: AgendaFactory, employee: User) -> None:
    combination_agendas(agenda_factory)
    products = [product_rows().get(code="bijstand"), product_rows().get(code="verhuizing-doorgeven")]
    option = combination_search(products=products, kind="consecutive", limit=1)[0]
    first, second = option.parts
    far = PartChoice(second.agenda, second.product, second.start + dt.timedelta(hours=2))
    with pytest.raises(InvalidInput) as caught:
        arrangement_book(
            kind="consecutive",
            mode="in_person",
            parts=[PartChoice(first.agenda, first.product, first.start), far],
            actor=Actor.staff(employee),
        )
    assert caught.value.field == "parts[1].start"
    with pytest.raises(InvalidInput) as caught:
        arrangement_book(
            kind="consecutive",
            mode="in_person",
            parts=[PartChoice(first.agenda, first.product, first.start)],
            actor=Actor.staff(employee),
        )
    assert caught.value.field == "parts"

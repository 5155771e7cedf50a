"""Cancelling and moving appointments, by staff and by the resident: the question reopened
unless another appointment covers it, history kept (append-only), combinations as a whole."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest

from servicepunt.appointments.choices import AppointmentStatus
from servicepunt.appointments.models import AppendOnlyError, Appointment, AppointmentEvent
from servicepunt.appointments.selectors import CombinationOption, appointment_history, combination_search
from servicepunt.appointments.services import (
    SELF_SERVICE_USERNAME,
    Actor,
    PartChoice,
    SlotUnavailable,
    appointment_book,
    appointment_cancel,
    appointment_reschedule,
    arrangement_book,
    arrangement_cancel,
    arrangement_reschedule,
)
from servicepunt.appointments.tests.conftest import (
    AgendaFactory,
    combination_agendas,
    first_free,
    linked_question,
    open_case,
)
from servicepunt.cases.closing import Resolution
from servicepunt.cases.testing import question_rows
from servicepunt.catalogue.testing import product_rows
from servicepunt.core.errors import InvalidInput

if TYPE_CHECKING:
    from servicepunt.accounts.models import User

pytestmark = pytest.mark.django_db


def test_cancelling_reopens_the_question(agenda_factory: AgendaFactory, employee: User) -> None:
    # A question has one active appointment at most (test_booking_integrity), so its cancellation
    # always reopens it.
    agenda_factory("werk-inkomen", "gemeente-werk-inkomen-balie-stadskantoor", {"bijstand": 45}, desks=2)
    question = linked_question(open_case(employee), "bijstand", employee)
    slot = first_free("bijstand")
    book = {
        "agenda": slot.agenda,
        "product": slot.product,
        "start": slot.start,
        "mode": "in_person",
        "question": question,
    }
    second = appointment_book(**book, actor=Actor.staff(employee))
    assert question_rows().get(pk=question.pk).resolution == Resolution.BOOKED
    appointment_cancel(appointment=second, actor=Actor.resident(), reason="kan niet")
    assert question_rows().get(pk=question.pk).resolution == Resolution.OPEN
    assert Appointment.objects.get(pk=second.pk).status == AppointmentStatus.CANCELLED
    event = AppointmentEvent.objects.get(appointment=second, kind="cancelled")
    assert (event.actor_kind, event.by.username, event.reason) == ("resident", SELF_SERVICE_USERNAME, "kan niet")
    assert not event.by.is_active and not event.by.has_usable_password()
    with pytest.raises(InvalidInput, match="al geannuleerd"):
        appointment_cancel(appointment=second, actor=Actor.staff(employee), reason="nog eens")


def test_reschedule_moves_the_appointment_and_keeps_history(agenda_factory: AgendaFactory, employee: User) -> None:
    agenda_factory("werk-inkomen", "gemeente-werk-inkomen-balie-stadskantoor", {"bijstand": 45})
    slot = first_free("bijstand")
    appointment = appointment_book(
        agenda=slot.agenda, product=slot.product, start=slot.start, mode="in_person", actor=Actor.staff(employee)
    )
    later = slot.start + dt.timedelta(days=1)
    moved = appointment_reschedule(appointment=appointment, start=later, actor=Actor.resident(), reason="werk")
    assert (moved.start, moved.end) == (later, later + dt.timedelta(minutes=45)) and moved.uuid == appointment.uuid
    history = list(appointment_history(appointment=appointment))
    assert [e.kind for e in history] == ["booked", "rescheduled"]
    assert (history[1].previous_start, history[1].start, history[1].reason) == (slot.start, later, "werk")
    with pytest.raises(AppendOnlyError):
        history[0].save()
    with pytest.raises(AppendOnlyError):
        AppointmentEvent.objects.filter(appointment=appointment).delete()


def test_reschedule_refuses_a_full_slot_and_leaves_the_appointment(
    agenda_factory: AgendaFactory, employee: User
) -> None:
    agenda_factory("werk-inkomen", "gemeente-werk-inkomen-balie-stadskantoor", {"bijstand": 30})
    slot = first_free("bijstand")
    staff = Actor.staff(employee)
    mine = appointment_book(agenda=slot.agenda, product=slot.product, start=slot.start, mode="in_person", actor=staff)
    other_start = slot.start + dt.timedelta(hours=2)
    appointment_book(agenda=slot.agenda, product=slot.product, start=other_start, mode="in_person", actor=staff)
    with pytest.raises(SlotUnavailable):
        appointment_reschedule(appointment=mine, start=other_start + dt.timedelta(minutes=15), actor=staff)
    assert Appointment.objects.get(pk=mine.pk).start == slot.start
    # moving within its own time (overlapping itself) is fine
    moved = appointment_reschedule(appointment=mine, start=slot.start + dt.timedelta(minutes=15), actor=staff)
    assert moved.start == slot.start + dt.timedelta(minutes=15)


def test_a_joint_video_combination_shares_one_link_and_can_be_cancelled_whole(
    agenda_factory: AgendaFactory, employee: User
) -> None:
    combination_agendas(agenda_factory)
    products = [product_rows().get(code="bijstand"), product_rows().get(code="studiefinanciering")]
    option = combination_search(products=products, kind="joint", limit=1)[0]
    assert option.mode == "video" and option.parts[0].start == option.parts[1].start
    arrangement = arrangement_book(
        kind="joint",
        mode="video",
        parts=[PartChoice(p.agenda, p.product, p.start) for p in option.parts],
        actor=Actor.staff(employee),
    )
    links = set(arrangement.appointments.values_list("meeting_url", flat=True))
    assert links == {arrangement.meeting_url} and arrangement.meeting_url
    assert {a.end - a.start for a in arrangement.appointments.all()} == {dt.timedelta(minutes=45)}
    arrangement_cancel(arrangement=arrangement, actor=Actor.resident())
    assert not Appointment.objects.filter(status=AppointmentStatus.BOOKED).exists()


def _parts(option: CombinationOption) -> list[PartChoice]:
    return [PartChoice(p.agenda, p.product, p.start) for p in option.parts]


def test_a_combination_moves_as_a_whole(agenda_factory: AgendaFactory, employee: User) -> None:
    combination_agendas(agenda_factory)
    products = [product_rows().get(code="bijstand"), product_rows().get(code="verhuizing-doorgeven")]
    first, later = combination_search(products=products, kind="consecutive", limit=20)[::19]
    staff = Actor.staff(employee)
    arrangement = arrangement_book(
        kind="consecutive",
        mode="in_person",
        parts=_parts(first),
        actor=staff,
    )
    part = arrangement.appointments.first()
    assert part is not None
    with pytest.raises(InvalidInput) as caught:
        appointment_reschedule(appointment=part, start=later.start, actor=staff)
    assert caught.value.field == "appointment"
    arrangement_reschedule(
        arrangement=arrangement,
        parts=_parts(later),
        actor=Actor.resident(),
    )
    moved = {(a.product_id, a.start) for a in arrangement.appointments.all()}
    assert moved == {(p.product.pk, p.start) for p in later.parts}
    assert set(
        AppointmentEvent.objects.filter(appointment__arrangement=arrangement).values_list("kind", flat=True)
    ) == {
        "booked",
        "rescheduled",
    }
    with pytest.raises(InvalidInput) as caught:
        arrangement_reschedule(
            arrangement=arrangement,
            parts=_parts(later)[:1],
            actor=staff,
        )
    assert caught.value.field == "parts"

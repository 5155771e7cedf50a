"""One resident is not booked in two places at overlapping times without an explicit, recorded
confirmation: refused with the clashing appointment named, booked when confirmed (history and
case timeline say who and when), and the invariant holds over any sequence of bookings, moves
and cancellations (hypothesis)."""

from __future__ import annotations

import datetime as dt
from itertools import combinations
from typing import TYPE_CHECKING

import pytest
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from servicepunt.appointments.choices import AppointmentStatus, EventKind
from servicepunt.appointments.models import Agenda, Appointment, AppointmentEvent
from servicepunt.appointments.services import (
    Actor,
    ResidentDoubleBooked,
    SlotUnavailable,
    appointment_book,
    appointment_cancel,
    appointment_reschedule,
)
from servicepunt.appointments.tests.conftest import AgendaFactory, first_free, open_case
from servicepunt.cases.services import question_link
from servicepunt.cases.testing import case_event_rows
from servicepunt.catalogue.testing import product_rows
from servicepunt.core.errors import InvalidInput

if TYPE_CHECKING:
    from servicepunt.accounts.models import User
    from servicepunt.cases.models import Case, Resident

pytestmark = pytest.mark.django_db
STEP = dt.timedelta(minutes=15)


@pytest.fixture
def two_places(agenda_factory: AgendaFactory) -> tuple[Agenda, Agenda]:
    return (
        agenda_factory("werk-inkomen", "gemeente-werk-inkomen-balie-stadskantoor", {"bijstand": 45}, desks=3),
        agenda_factory("burgerzaken", "gemeente-burgerzaken-stadskantoor", {"verhuizing-doorgeven": 30}, desks=3),
    )


def _case(employee: User) -> Case:
    case = open_case(employee, "Ik heb geen inkomen", "Ik ga verhuizen")
    first, second = case.questions.all()
    question_link(question=first, product=product_rows().get(code="bijstand"), by=employee)
    question_link(question=second, product=product_rows().get(code="verhuizing-doorgeven"), by=employee)
    return case


def _book(agenda: Agenda, start: dt.datetime, employee: User, **kwargs: object) -> Appointment:
    product = agenda.offers.get().product
    return appointment_book(
        agenda=agenda, product=product, start=start, mode="in_person", actor=Actor.staff(employee), **kwargs
    )


def _tomorrow_morning() -> dt.datetime:
    """The first free time of a day ahead: 07:00, so every offset used here is inside the hours."""
    return first_free("bijstand", first_day=timezone.localdate() + dt.timedelta(days=1)).start


def test_an_overlapping_booking_is_refused_naming_the_other_appointment(
    two_places: tuple[Agenda, Agenda], employee: User
) -> None:
    werk, burgerzaken = two_places
    case = _case(employee)
    first, second = case.questions.all()
    start = _tomorrow_morning()
    _book(werk, start, employee, question=first)
    with pytest.raises(ResidentDoubleBooked) as refused:
        _book(burgerzaken, start + 2 * STEP, employee, question=second)
    assert refused.value.field == "confirm_overlap" and "werk-inkomen" in refused.value.message
    assert [row.agenda for row in refused.value.clashes] == [werk]
    assert Appointment.objects.filter(status=AppointmentStatus.BOOKED).count() == 1
    _book(burgerzaken, start + 3 * STEP, employee, question=second)  # right after: no overlap


def test_a_confirmed_overlap_is_booked_and_recorded_with_who_and_when(
    two_places: tuple[Agenda, Agenda], employee: User
) -> None:
    werk, burgerzaken = two_places
    case = _case(employee)
    first, second = case.questions.all()
    start = _tomorrow_morning()
    _book(werk, start, employee, question=first)
    booked = _book(burgerzaken, start, employee, question=second, confirm_overlap=True)
    confirmation = AppointmentEvent.objects.get(appointment=booked, kind=EventKind.OVERLAP_CONFIRMED)
    assert confirmation.by == employee and confirmation.at is not None and "werk-inkomen" in confirmation.reason
    timeline = case_event_rows().get(case=case, kind="appointment_overlap_confirmed")
    assert timeline.by == employee and "werk-inkomen" in timeline.detail


def test_moving_an_appointment_onto_another_is_refused_unless_confirmed(
    two_places: tuple[Agenda, Agenda], employee: User
) -> None:
    werk, burgerzaken = two_places
    resident = open_case(employee).resident
    start = _tomorrow_morning()
    _book(werk, start, employee, resident=resident)
    later = _book(burgerzaken, start + 4 * STEP, employee, resident=resident)
    with pytest.raises(ResidentDoubleBooked):
        appointment_reschedule(appointment=later, start=start, actor=Actor.resident())
    moved = appointment_reschedule(appointment=later, start=start, actor=Actor.staff(employee), confirm_overlap=True)
    assert AppointmentEvent.objects.filter(appointment=moved, kind=EventKind.OVERLAP_CONFIRMED).exists()


def _unconfirmed_overlaps(resident: Resident) -> list[tuple[int, int]]:
    """Pairs of active, overlapping appointments of the resident (not parts of one combination)
    where the one placed last (booked or moved) was placed without a recorded confirmation."""
    rows = list(Appointment.objects.filter(resident=resident, status=AppointmentStatus.BOOKED))
    last: dict[int, AppointmentEvent] = {}
    for event in AppointmentEvent.objects.filter(appointment__in=rows).exclude(kind=EventKind.CANCELLED):
        if event.appointment_id not in last or event.pk > last[event.appointment_id].pk:
            last[event.appointment_id] = event
    found = []
    for a, b in combinations(rows, 2):
        together = a.arrangement_id is not None and a.arrangement_id == b.arrangement_id
        placed_last = max((a, b), key=lambda row: last[row.pk].pk)
        confirmed = last[placed_last.pk].kind == EventKind.OVERLAP_CONFIRMED
        if a.start < b.end and b.start < a.end and not together and not confirmed:
            found.append((a.pk, b.pk))
    return found


Step = tuple[str, int, int, bool]
STEPS = st.lists(
    st.tuples(
        st.sampled_from(["book", "cancel", "move"]),
        st.integers(0, 1),  # which agenda / which appointment
        st.integers(0, 5),  # start, in steps of 15 minutes
        st.booleans(),  # confirm an overlap
    ),
    max_size=8,
)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=STEPS)
def test_no_sequence_books_a_resident_twice_at_once_without_a_confirmation(
    two_places: tuple[Agenda, Agenda], employee: User, steps: list[Step]
) -> None:
    agendas = list(two_places)
    with transaction.atomic():
        resident = open_case(employee).resident
        start = _tomorrow_morning()
        for action, which, offset, confirm in steps:
            active = list(Appointment.objects.filter(resident=resident, status=AppointmentStatus.BOOKED))
            when = start + offset * STEP
            try:
                if action == "book":
                    _book(agendas[which], when, employee, resident=resident, confirm_overlap=confirm)
                elif active:
                    row = active[which % len(active)]
                    if action == "cancel":
                        appointment_cancel(appointment=row, actor=Actor.staff(employee), reason="Inwoner belde af")
                    else:
                        appointment_reschedule(
                            appointment=row, start=when, actor=Actor.staff(employee), confirm_overlap=confirm
                        )
            except ResidentDoubleBooked:
                assert not confirm
            except (SlotUnavailable, InvalidInput):
                pass  # a full desk or "already at this time": refused for another reason
            assert _unconfirmed_overlaps(resident) == []
        transaction.set_rollback(True)  # the next example starts from the same database

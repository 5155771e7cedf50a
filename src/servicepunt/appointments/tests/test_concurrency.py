"""Concurrent bookers race for the same slots on PostgreSQL: never more bookings than desks,
never half a combination, one booking per idempotency key. Each thread has its own database
connection; the agenda rows are locked (SELECT … FOR UPDATE) in primary-key order."""

from __future__ import annotations

import datetime as dt
import threading
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest
from django.db import connection, connections

from servicepunt.accounts.testing import user_rows
from servicepunt.appointments.choices import AppointmentStatus
from servicepunt.appointments.models import Agenda, Appointment, Arrangement
from servicepunt.appointments.selectors import combination_search, slot_search
from servicepunt.appointments.services import (
    Actor,
    PartChoice,
    QuestionAlreadyBooked,
    ResidentDoubleBooked,
    SlotUnavailable,
    appointment_book,
    arrangement_book,
)
from servicepunt.appointments.tests.conftest import make_agenda, open_case
from servicepunt.cases.services import QuestionNotBookable, question_link
from servicepunt.catalogue.testing import entry_point_rows, location_rows, organisation_rows, product_rows

if TYPE_CHECKING:
    from servicepunt.accounts.models import User
    from servicepunt.cases.models import Question
    from servicepunt.catalogue.models import Product

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: SQLite ignores SELECT … FOR UPDATE and has one writer at a time, so there is "
        "no race to prove (CI runs this with DATABASE_URL=postgres://…)",
    ),
]
BOOKERS = 12


def _catalogue() -> dict[str, Product]:
    """A transactional test may start on an emptied database: make the few rows it needs."""
    products = {}
    for code in ("race-gemeente", "race-duo"):
        organisation, _ = organisation_rows().get_or_create(code=code, defaults={"name": code, "kind": "gemeente"})
        location, _ = location_rows().get_or_create(
            organisation=organisation,
            code="stadskantoor",
            defaults={"name": "Stadskantoor", "postcode": "3521AZ", "house_number": "1"},
        )
        entry_point, _ = entry_point_rows().get_or_create(
            code=f"{code}-balie", defaults={"organisation": organisation, "location": location, "name_nl": code}
        )
        product, _ = product_rows().get_or_create(
            code=f"{code}-product", defaults={"name": code, "owner": organisation}
        )
        product.entry_points.add(entry_point)
        products[code] = product
    return products


def _race(count: int, work: Callable[[int], Any]) -> Counter[str]:
    """Run `work(i)` in `count` threads released at the same moment; count the outcomes."""
    barrier, outcomes, lock = threading.Barrier(count), Counter[str](), threading.Lock()

    def run(index: int) -> None:
        try:
            barrier.wait()
            work(index)
            outcome = "booked"
        except SlotUnavailable:
            outcome = "full"
        except QuestionAlreadyBooked:
            outcome = "question already booked"
        except QuestionNotBookable:
            outcome = "question not bookable"
        except ResidentDoubleBooked:
            outcome = "resident double booked"
        except Exception as error:  # any other error fails the test below
            outcome = f"error: {type(error).__name__}: {error}"
        finally:
            connections.close_all()
        with lock:
            outcomes[outcome] += 1

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


def _peak(agenda: Agenda, start: dt.datetime) -> int:
    return Appointment.objects.filter(
        agenda=agenda, status=AppointmentStatus.BOOKED, start__lte=start, end__gt=start
    ).count()


def test_two_desks_are_never_booked_three_times() -> None:
    products = _catalogue()
    agenda = make_agenda("race-desks", "race-gemeente-balie", {"race-gemeente-product": 30}, desks=2)
    staff = Actor.staff(user_rows().create(username="race-medewerker"))
    slot = slot_search(product=products["race-gemeente"], limit=1)[0]
    outcomes = _race(
        BOOKERS,
        lambda _: appointment_book(
            agenda=agenda, product=slot.product, start=slot.start, mode="in_person", actor=staff
        ),
    )
    assert outcomes == Counter({"booked": 2, "full": BOOKERS - 2})
    assert _peak(agenda, slot.start) == 2


def test_the_same_idempotency_key_books_once_under_a_race() -> None:
    products = _catalogue()
    agenda = make_agenda("race-key", "race-gemeente-balie", {"race-gemeente-product": 30}, desks=BOOKERS)
    staff = Actor.staff(user_rows().create(username="race-medewerker"))
    slot = slot_search(product=products["race-gemeente"], limit=1)[0]
    outcomes = _race(
        BOOKERS,
        lambda _: appointment_book(
            agenda=agenda,
            product=slot.product,
            start=slot.start,
            mode="in_person",
            actor=staff,
            idempotency_key="retry-1",
        ),
    )
    assert outcomes == Counter({"booked": BOOKERS})
    assert Appointment.objects.count() == 1


def test_combinations_racing_single_bookings_are_never_half_booked() -> None:
    products = _catalogue()
    gemeente = make_agenda("race-a", "race-gemeente-balie", {"race-gemeente-product": 30}, modes=("in_person", "video"))
    duo = make_agenda("race-b", "race-duo-balie", {"race-duo-product": 30}, modes=("in_person", "video"))
    staff = Actor.staff(user_rows().create(username="race-medewerker"))
    options = combination_search(products=list(products.values()), kind="joint", mode="video", limit=3)
    parts_per_option = [[PartChoice(p.agenda, p.product, p.start) for p in option.parts] for option in options]

    def work(index: int) -> object:
        if index % 3 == 0:  # a single booking at one of the two agendas, at a proposed time
            part = parts_per_option[index % len(options)][index % 2]
            return appointment_book(
                agenda=part.agenda, product=part.product, start=part.start, mode="video", actor=staff
            )
        return arrangement_book(kind="joint", mode="video", parts=parts_per_option[index % len(options)], actor=staff)

    outcomes = _race(BOOKERS, work)
    assert set(outcomes) <= {"booked", "full"}, outcomes
    for arrangement in Arrangement.objects.all():
        assert arrangement.appointments.filter(status=AppointmentStatus.BOOKED).count() == 2
    for option in options:
        assert _peak(gemeente, option.start) <= 1 and _peak(duo, option.start) <= 1
    assert outcomes["booked"] == Appointment.objects.filter(arrangement=None).count() + Arrangement.objects.count()


def _race_question(code: str) -> tuple[Agenda, User, Question]:
    products = _catalogue()
    agenda = make_agenda(code, "race-gemeente-balie", {"race-gemeente-product": 30}, desks=2)
    employee = user_rows().create(username="race-medewerker")
    question = open_case(employee).questions.get()
    question_link(question=question, product=products["race-gemeente"], by=employee)
    return agenda, employee, question


def test_two_tabs_booking_one_question_book_it_once() -> None:
    agenda, employee, question = _race_question("race-question")
    slots = slot_search(product=question.product, limit=2)  # type: ignore[arg-type]
    outcomes = _race(
        2,
        lambda index: appointment_book(
            agenda=agenda,
            product=slots[index].product,
            start=slots[index].start,
            mode="in_person",
            actor=Actor.staff(employee),
            question=question,
        ),
    )
    assert outcomes == Counter({"booked": 1, "question already booked": 1})
    assert Appointment.objects.filter(question=question, status=AppointmentStatus.BOOKED).count() == 1


def test_one_resident_booked_in_two_places_at_once_is_booked_once() -> None:
    products = _catalogue()
    agendas = [
        make_agenda("race-here", "race-gemeente-balie", {"race-gemeente-product": 30}),
        make_agenda("race-there", "race-duo-balie", {"race-duo-product": 30}),
    ]
    employee = user_rows().create(username="race-medewerker")
    resident = open_case(employee).resident
    slots = [slot_search(product=products[code], limit=1)[0] for code in ("race-gemeente", "race-duo")]
    assert slots[0].start < slots[1].end and slots[1].start < slots[0].end  # the two times overlap
    outcomes = _race(
        2,
        lambda index: appointment_book(
            agenda=agendas[index],
            product=slots[index].product,
            start=slots[index].start,
            mode="in_person",
            actor=Actor.staff(employee),
            resident=resident,
        ),
    )
    assert outcomes == Counter({"booked": 1, "resident double booked": 1})

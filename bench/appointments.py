"""Appointments: slot and combination search on calendars 60% full, and booking under contention.

Setup: 50 agendas (10 buildings, 5 agendas each, 1-3 desks, Mon-Fri 09:00-17:00, in person and
video), each with one product of its own and two of 10 shared products (each shared product is
offered at 10 agendas); 60% of every desk's time booked over the 8-week horizon.

Measured (p95 over many calls, in process, through the selectors, database reads included):
- slot search: the earliest free slots (the default 10) for one shared product over 8 weeks;
- combination search: the earliest options for 3 products at 3 agendas in one building over 8
  weeks, alternately consecutive (in person) and joint (video);
- contention: 20 bookers (threads, each with its own connection) race for 10 slots of a 1-desk
  agenda, each trying every slot: exactly 10 bookings and no double booking expected;
- throughput: 20 threads book 25 slots each through appointment_book, two threads per agenda
  (2 desks) so they also wait for each other's agenda lock: bookings per second.

Database: the figures are meant for PostgreSQL. The bench uses its own database and refills it
on every run: SERVICEPUNT_BENCH_DATABASE_URL if set; else, when DATABASE_URL points at
PostgreSQL, a sibling database named <name>_bench on the same server (your data is not
touched); else postgres://postgres@127.0.0.1:5432/servicepunt_bench. It is created if missing.

Run: .venv/bin/python bench/appointments.py
Last line: slot_p95_ms=… combination_p95_ms=… bookings=… double_bookings=… bookings_per_s=…
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import random
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import percentile

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/servicepunt_bench"
AGENDAS, BUILDINGS, SHARED_PRODUCTS, SHARED_PER_AGENDA = 50, 10, 10, 2
FILL, WEEKS, SEED = 0.6, 8, 20261123
SLOT_ROUNDS, COMBINATION_ROUNDS, WARM_UP = 300, 200, 20
BOOKERS, CONTENDED_SLOTS, THROUGHPUT_PER_BOOKER = 20, 10, 25


def bench_database_url() -> str:
    explicit = os.environ.get("SERVICEPUNT_BENCH_DATABASE_URL")
    if explicit:
        return explicit
    configured = os.environ.get("DATABASE_URL", "")
    if configured.startswith(("postgres://", "postgresql://")):
        parts = urlsplit(configured)
        name = parts.path.lstrip("/") or "servicepunt"
        return urlunsplit(parts._replace(path=f"/{name}_bench"))
    return DEFAULT_URL


def ensure_database(url: str) -> None:
    if not url.startswith(("postgres://", "postgresql://")):
        print("warning: not PostgreSQL; the figures must be taken on PostgreSQL", file=sys.stderr)
        return
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as admin:
        if not admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            admin.execute(f'CREATE DATABASE "{name}"')


def setup_django(url: str) -> None:
    name = urlsplit(url).path.lstrip("/")
    if "bench" not in name:
        raise SystemExit(f"refusing to empty database '{name}': the bench database name must contain 'bench'")
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DEBUG", "false")  # no query log in memory
    os.environ.setdefault("LOG_LEVEL", "WARNING")  # no event per booking: the figures come last
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "servicepunt.config.settings.local")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    call_command("flush", interactive=False, verbosity=0)


def build_world() -> dict[str, Any]:
    from servicepunt.accounts.models import User
    from servicepunt.appointments.models import Agenda, AgendaHours, AgendaProduct
    from servicepunt.catalogue.models import EntryPoint, Location, Organisation, Product

    rng = random.Random(SEED)
    user = User.objects.create(username="bench-medewerker")
    shared_owner = Organisation.objects.create(code="bench-shared", name="Bench gedeeld", kind="gemeente")
    shared = [
        Product.objects.create(code=f"bench-shared-{i}", name=f"Gedeeld {i}", owner=shared_owner)
        for i in range(SHARED_PRODUCTS)
    ]
    agendas, own = [], []
    for i in range(AGENDAS):
        organisation = Organisation.objects.create(code=f"bench-org-{i}", name=f"Organisatie {i}", kind="partner")
        building = i % BUILDINGS
        location = Location.objects.create(
            organisation=organisation,
            code=f"gebouw-{building}",
            name=f"Gebouw {building}",
            postcode=f"35{building:02d}AB",
            house_number="1",
        )
        entry_point = EntryPoint.objects.create(
            code=f"bench-loket-{i}", organisation=organisation, location=location, name_nl=f"Loket {i}"
        )
        mine = Product.objects.create(code=f"bench-own-{i}", name=f"Eigen {i}", owner=organisation)
        offered = [mine, shared[i % SHARED_PRODUCTS], shared[(i + 3) % SHARED_PRODUCTS]]
        agenda = Agenda.objects.create(
            code=f"bench-{i}", name=f"Agenda {i}", entry_point=entry_point, desks=1 + i % 3, video=True
        )
        for product in offered:
            product.entry_points.add(entry_point)
            AgendaProduct.objects.create(agenda=agenda, product=product, duration_minutes=rng.choice([15, 30, 45]))
        AgendaHours.objects.bulk_create(
            AgendaHours(agenda=agenda, weekday=d, opens=dt.time(9), closes=dt.time(17)) for d in range(5)
        )
        agendas.append(agenda)
        own.append(mine)
    return {"user": user, "agendas": agendas, "own": own, "shared": shared, "rng": rng}


def fill(world: dict[str, Any]) -> int:
    """Book FILL of every desk's time over the horizon, straight into the table."""
    from servicepunt.appointments.engine import opening_spans
    from servicepunt.appointments.models import Agenda, Appointment
    from servicepunt.appointments.specs import load_agendas, local_today

    rng, user, rows = world["rng"], world["user"], []
    for spec in load_agendas(Agenda.objects.filter(code__startswith="bench-"))[1]:
        for offset in range(WEEKS * 7):
            for opens, closes in opening_spans(spec, local_today() + dt.timedelta(days=offset)):
                for _desk in range(spec.desks):
                    moment = opens
                    while True:
                        product = rng.choice(list(spec.durations))
                        length = dt.timedelta(minutes=spec.durations[product])
                        if moment + length > closes:
                            break
                        if rng.random() < FILL:
                            rows.append(
                                Appointment(
                                    agenda_id=spec.id,
                                    product_id=product,
                                    mode="in_person",
                                    start=moment,
                                    end=moment + length,
                                    booked_by=user,
                                )
                            )
                        moment += length
    Appointment.objects.bulk_create(rows, batch_size=5000)
    return len(rows)


def timed(rounds: int, call: Callable[[int], object]) -> float:
    for i in range(WARM_UP):
        call(i)
    timings = []
    for i in range(rounds):
        started = time.perf_counter()
        call(i)
        timings.append((time.perf_counter() - started) * 1000)
    return percentile(timings, 0.95)


def slot_p95(world: dict[str, Any]) -> float:
    from servicepunt.appointments.selectors import slot_search

    shared = world["shared"]
    return timed(SLOT_ROUNDS, lambda i: slot_search(product=shared[i % len(shared)]))


def combination_p95(world: dict[str, Any]) -> float:
    from servicepunt.appointments.selectors import combination_search

    own = world["own"]

    def search(i: int) -> None:
        building = i % BUILDINGS
        products = [own[building], own[building + BUILDINGS], own[building + 2 * BUILDINGS]]  # one building
        kind = "consecutive" if i % 2 == 0 else "joint"
        assert combination_search(products=products, kind=kind), "no option found"

    return timed(COMBINATION_ROUNDS, search)


def run_threads(count: int, work: Callable[[int], None]) -> float:
    from django.db import connections

    barrier, errors = threading.Barrier(count), []

    def run(index: int) -> None:
        try:
            barrier.wait()
            work(index)
        except Exception as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    if errors:
        raise RuntimeError(f"{len(errors)} booker(s) failed, the first with: {errors[0]!r}")
    return elapsed


def empty_agenda(world: dict[str, Any], code: str, desks: int) -> Any:
    """An agenda of its own (own organisation, product and entry point), open every day from
    07:00 to 21:00 with no lead time, so the booking runs do not touch the searched agendas."""
    from servicepunt.appointments.models import Agenda, AgendaHours, AgendaProduct
    from servicepunt.catalogue.models import EntryPoint, Organisation, Product

    organisation = Organisation.objects.create(code=code, name=code, kind="partner")
    entry_point = EntryPoint.objects.create(code=code, organisation=organisation, name_nl=code)
    if "booking_product" not in world:
        world["booking_product"] = Product.objects.create(code="bench-booking", name="Boeken", owner=organisation)
    product = world["booking_product"]
    product.entry_points.add(entry_point)
    agenda = Agenda.objects.create(code=code, name=code, entry_point=entry_point, desks=desks, lead_time_minutes=0)
    AgendaProduct.objects.create(agenda=agenda, product=product, duration_minutes=30)
    AgendaHours.objects.bulk_create(
        AgendaHours(agenda=agenda, weekday=d, opens=dt.time(7), closes=dt.time(21)) for d in range(7)
    )
    return agenda


def separate_slots(agenda: Any, product: Any, count: int) -> list[dt.datetime]:
    """The first `count` free starts that do not overlap each other."""
    from django.utils import timezone

    from servicepunt.appointments.engine import Window, free_slots
    from servicepunt.appointments.specs import load_agendas, local_today

    spec = load_agendas(type(agenda).objects.filter(pk=agenda.pk))[1][0]
    window = Window(timezone.now(), local_today(), local_today() + dt.timedelta(days=spec.horizon_days))
    chosen: list[dt.datetime] = []
    for slot in free_slots([spec], product.pk, {}, window):
        if not chosen or slot.start >= chosen[-1] + (slot.end - slot.start):
            chosen.append(slot.start)
        if len(chosen) == count:
            break
    return chosen


def contention(world: dict[str, Any]) -> tuple[int, int]:
    from servicepunt.appointments.engine import Occupancy
    from servicepunt.appointments.models import Appointment
    from servicepunt.appointments.services import Actor, SlotUnavailable, appointment_book

    agenda = empty_agenda(world, "bench-contention", desks=1)
    product = world["booking_product"]
    starts, staff = separate_slots(agenda, product, CONTENDED_SLOTS), Actor.staff(world["user"])

    def book_all(index: int) -> None:
        order = starts[:]
        random.Random(index).shuffle(order)
        for start in order:
            with contextlib.suppress(SlotUnavailable):
                appointment_book(agenda=agenda, product=product, start=start, mode="in_person", actor=staff)

    run_threads(BOOKERS, book_all)
    booked = list(Appointment.objects.filter(agenda=agenda, status="booked").values_list("start", "end"))
    taken = Occupancy(booked)
    double = sum(1 for start, end in booked if taken.peak(start, end) > agenda.desks)
    return len(booked), double


def throughput(world: dict[str, Any]) -> tuple[int, float]:
    from servicepunt.appointments.models import Appointment
    from servicepunt.appointments.services import Actor, appointment_book

    staff = Actor.staff(world["user"])
    agendas = [empty_agenda(world, f"bench-throughput-{i}", desks=2) for i in range(BOOKERS // 2)]
    product = world["booking_product"]
    plans = {agenda.pk: separate_slots(agenda, product, THROUGHPUT_PER_BOOKER) for agenda in agendas}

    def book(index: int) -> None:
        agenda = agendas[index // 2]
        for start in plans[agenda.pk]:
            appointment_book(agenda=agenda, product=product, start=start, mode="in_person", actor=staff)

    elapsed = run_threads(BOOKERS, book)
    made = Appointment.objects.filter(agenda__in=agendas).count()
    return made, made / elapsed


def main() -> None:
    url = bench_database_url()
    ensure_database(url)
    setup_django(url)
    from django.db import connection

    world = build_world()
    booked = fill(world)
    slot_ms = slot_p95(world)
    combination_ms = combination_p95(world)
    bookings, double = contention(world)
    made, per_second = throughput(world)
    host = connection.settings_dict.get("HOST") or "local"
    print(f"database={connection.vendor} {connection.settings_dict['NAME']}@{host}")
    print(f"agendas={AGENDAS} filled_appointments={booked} weeks={WEEKS} fill={FILL:.0%}")
    print(f"contention: {BOOKERS} bookers x {CONTENDED_SLOTS} slots; throughput: {made} bookings by {BOOKERS} threads")
    print(
        f"slot_p95_ms={slot_ms:.2f} combination_p95_ms={combination_ms:.2f} bookings={bookings} "
        f"double_bookings={double} bookings_per_s={per_second:.0f}"
    )


if __name__ == "__main__":
    main()

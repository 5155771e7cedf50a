"""Free slots: the grid within opening hours, desks, existing bookings, lead time and horizon,
and the reasons a chosen slot is refused."""

from __future__ import annotations

import datetime as dt

from servicepunt.appointments.engine import Mode, Occupancy, Slot, SlotProblem, Window, free_slots, slot_problem
from servicepunt.appointments.tests.engine_helpers import local, spec, walls

MONDAY = dt.date(2027, 1, 11)
SUNDAY_BEFORE = dt.datetime(2027, 1, 10, 12, tzinfo=dt.UTC)
PRODUCT = 100


def _window(days: int = 1, now: dt.datetime = SUNDAY_BEFORE, first: dt.date = MONDAY) -> Window:
    return Window(now=now, first_day=first, last_day=first + dt.timedelta(days=days - 1))


def test_slots_follow_the_grid_and_end_before_closing() -> None:
    agenda = spec(hours=[(0, "09:00", "10:30")], durations={PRODUCT: 45})
    found = free_slots([agenda], PRODUCT, {}, _window())
    assert walls(s.start for s in found) == ["09:00", "09:15", "09:30", "09:45"]
    assert found[-1].end == local(MONDAY, "10:30")


def test_a_slot_is_free_while_fewer_bookings_run_than_there_are_desks() -> None:
    agenda = spec(desks=2, hours=[(0, "09:00", "10:00")], durations={PRODUCT: 30}, step=30)
    nine = (local(MONDAY, "09:00"), local(MONDAY, "09:30"))
    assert walls(s.start for s in free_slots([agenda], PRODUCT, {1: [nine]}, _window())) == ["09:00", "09:30"]
    assert walls(s.start for s in free_slots([agenda], PRODUCT, {1: [nine, nine]}, _window())) == ["09:30"]


def test_overlapping_bookings_count_at_the_same_moment_only() -> None:
    agenda = spec(desks=2, hours=[(0, "09:00", "10:00")], durations={PRODUCT: 60}, step=60)
    early = (local(MONDAY, "09:00"), local(MONDAY, "09:20"))
    late = (local(MONDAY, "09:40"), local(MONDAY, "10:00"))
    assert len(free_slots([agenda], PRODUCT, {1: [early, late]}, _window())) == 1  # never two at once
    assert free_slots([agenda], PRODUCT, {1: [early, late, early]}, _window()) == []


def test_lead_time_and_horizon_limit_the_search() -> None:
    agenda = spec(hours=[(0, "09:00", "12:00")], lead=120, horizon=6, step=60)
    now = local(MONDAY, "08:30")
    assert walls(s.start for s in free_slots([agenda], PRODUCT, {}, _window(now=now))) == ["11:00"]
    two_weeks = free_slots([agenda], PRODUCT, {}, _window(days=15, now=now))
    assert {s.start.date() for s in two_weeks} == {MONDAY}  # the next Monday is past the horizon


def test_several_agendas_merge_in_time_order_and_respect_the_limit_and_mode() -> None:
    phone = spec(1, hours=[(0, "10:00", "11:00")], modes=[Mode.PHONE], step=30)
    desk = spec(2, hours=[(0, "09:30", "11:00")], step=30)
    found = free_slots([phone, desk], PRODUCT, {}, _window(), limit=3)
    assert [(s.agenda, *walls([s.start])) for s in found] == [(2, "09:30"), (1, "10:00"), (2, "10:00")]
    assert {s.agenda for s in free_slots([phone, desk], PRODUCT, {}, _window(), mode=Mode.PHONE)} == {1}
    assert free_slots([phone, desk], 999, {}, _window()) == []


def test_slot_problem_names_the_reason() -> None:
    agenda = spec(hours=[(0, "09:00", "12:00")], lead=60, horizon=30)
    now = local(MONDAY, "08:30")

    def problem(start: str, minutes: int = 30, product: int = PRODUCT, day: dt.date = MONDAY, **kw: object) -> object:
        begin = local(day, start)
        slot = Slot(begin, begin + dt.timedelta(minutes=minutes), 1, product)
        return slot_problem(agenda, slot, kw.get("taken", Occupancy()), now, mode=kw.get("mode"))  # type: ignore[arg-type]

    assert problem("10:00") is None
    assert problem("10:00", product=5) == SlotProblem.NOT_OFFERED
    assert problem("10:00", mode=Mode.VIDEO) == SlotProblem.MODE
    assert problem("09:00") == SlotProblem.TOO_SOON
    assert problem("10:00", day=MONDAY + dt.timedelta(days=35)) == SlotProblem.TOO_FAR
    assert problem("10:05") == SlotProblem.CLOSED  # not on the grid
    assert problem("11:45") == SlotProblem.CLOSED  # would end after closing
    assert problem("10:00", minutes=15) == SlotProblem.DURATION
    taken = Occupancy([(local(MONDAY, "10:15"), local(MONDAY, "10:45"))])
    assert problem("10:00", taken=taken) == SlotProblem.FULL


def test_occupancy_peak() -> None:
    taken = Occupancy(
        [
            (local(MONDAY, "09:00"), local(MONDAY, "10:00")),
            (local(MONDAY, "09:30"), local(MONDAY, "10:30")),
            (local(MONDAY, "10:00"), local(MONDAY, "11:00")),
        ]
    )
    assert taken.peak(local(MONDAY, "08:00"), local(MONDAY, "09:00")) == 0
    assert taken.peak(local(MONDAY, "09:00"), local(MONDAY, "09:30")) == 1
    assert taken.peak(local(MONDAY, "09:15"), local(MONDAY, "09:45")) == 2
    assert taken.peak(local(MONDAY, "10:30"), local(MONDAY, "12:00")) == 1
    assert taken.peak(local(MONDAY, "11:00"), local(MONDAY, "12:00")) == 0

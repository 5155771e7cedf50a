"""Free slots: start times on the agenda's grid within opening hours, after the lead time,
before the horizon, where fewer bookings run at once than there are desks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from enum import StrEnum

from servicepunt.appointments.engine.calendar import opening_spans
from servicepunt.appointments.engine.model import AMSTERDAM, AgendaSpec, Mode, Slot, Span, Window
from servicepunt.appointments.engine.occupancy import Occupancy


class SlotProblem(StrEnum):
    """Why a chosen slot cannot be booked."""

    NOT_OFFERED = "not_offered"
    MODE = "mode"
    TOO_SOON = "too_soon"
    TOO_FAR = "too_far"
    CLOSED = "closed"  # outside opening hours or not on the agenda's grid
    DURATION = "duration"  # shorter than the product takes at this agenda
    FULL = "full"


def earliest_start(spec: AgendaSpec, now: dt.datetime) -> dt.datetime:
    return now + dt.timedelta(minutes=spec.lead_minutes)


def last_day(spec: AgendaSpec, now: dt.datetime) -> dt.date:
    return now.astimezone(AMSTERDAM).date() + dt.timedelta(days=spec.horizon_days)


def grid_starts(spec: AgendaSpec, day: dt.date, minutes: int, earliest: dt.datetime | None = None) -> list[dt.datetime]:
    """Every start on the grid of `day` where `minutes` fit before closing, from `earliest` on."""
    step, length = dt.timedelta(minutes=spec.step_minutes), dt.timedelta(minutes=minutes)
    found = []
    for opens, closes in opening_spans(spec, day):
        start = opens
        if earliest is not None and earliest > opens:
            skipped = -((opens - earliest) // step)  # steps to the first start at or after `earliest`
            start = opens + skipped * step
        while start + length <= closes:
            found.append(start)
            start += step
    return found


def free_starts(
    spec: AgendaSpec, day: dt.date, minutes: int, occupancy: Occupancy, now: dt.datetime
) -> list[dt.datetime]:
    if day > last_day(spec, now):
        return []
    length = dt.timedelta(minutes=minutes)
    return [
        start
        for start in grid_starts(spec, day, minutes, earliest_start(spec, now))
        if occupancy.peak(start, start + length) < spec.desks
    ]


def occupancies(specs: Iterable[AgendaSpec], bookings: Mapping[int, Sequence[Span]]) -> dict[int, Occupancy]:
    return {spec.id: Occupancy(bookings.get(spec.id, ())) for spec in specs}


def free_slots(
    specs: Sequence[AgendaSpec],
    product: int,
    bookings: Mapping[int, Sequence[Span]],
    window: Window,
    *,
    mode: Mode | None = None,
    limit: int | None = None,
) -> list[Slot]:
    """The earliest free slots for `product` at any of `specs`, in time order (then agenda)."""
    chosen = [spec for spec in specs if spec.offers(product, mode)]
    taken = occupancies(chosen, bookings)
    found: list[Slot] = []
    for day in window.days():
        today = []
        for spec in chosen:
            length = dt.timedelta(minutes=spec.durations[product])
            today += [
                Slot(start, start + length, spec.id, product)
                for start in free_starts(spec, day, spec.durations[product], taken[spec.id], window.now)
            ]
        found += sorted(today)
        if limit is not None and len(found) >= limit:
            return found[:limit]
    return found


def slot_problem(
    spec: AgendaSpec, slot: Slot, occupancy: Occupancy, now: dt.datetime, *, mode: Mode | None = None
) -> SlotProblem | None:
    """Whether `slot` may be booked at `spec` now. The slot's own length is used, so a joint
    appointment may last longer than the product's usual duration, never shorter."""
    if not spec.offers(slot.product):
        return SlotProblem.NOT_OFFERED
    if mode is not None and mode not in spec.modes:
        return SlotProblem.MODE
    minutes = (slot.end - slot.start) // dt.timedelta(minutes=1)
    if minutes < spec.durations[slot.product]:
        return SlotProblem.DURATION
    if slot.start < earliest_start(spec, now):
        return SlotProblem.TOO_SOON
    day = slot.start.astimezone(AMSTERDAM).date()
    if day > last_day(spec, now):
        return SlotProblem.TOO_FAR
    if slot.start not in grid_starts(spec, day, minutes):
        return SlotProblem.CLOSED
    if occupancy.peak(slot.start, slot.end) >= spec.desks:
        return SlotProblem.FULL
    return None

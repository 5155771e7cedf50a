"""Re-checking a chosen option before it is booked: the booking service calls this with the
bookings read under lock, so what is stored is always feasible, whatever the search proposed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from itertools import pairwise

from servicepunt.appointments.engine.combinations import MINIMUM_PARTS, CombinationKind, Option, joint_minutes
from servicepunt.appointments.engine.model import AgendaSpec, Mode
from servicepunt.appointments.engine.occupancy import Occupancy
from servicepunt.appointments.engine.slots import SlotProblem, slot_problem


class OptionProblem(StrEnum):
    TOO_FEW = "too_few"
    SAME_AGENDA = "same_agenda"
    SAME_PRODUCT = "same_product"
    BUILDING = "building"
    GAP = "gap"
    DURATION = "duration"
    NOT_TOGETHER = "not_together"


@dataclass(frozen=True)
class Finding:
    """What is wrong, and with which part (index into the option's slots), if one part."""

    problem: SlotProblem | OptionProblem
    part: int | None = None


def _structure(option: Option, specs: list[AgendaSpec], max_gap: dt.timedelta) -> Finding | None:
    slots = option.slots
    if len(slots) < MINIMUM_PARTS:
        return Finding(OptionProblem.TOO_FEW)
    if len({s.agenda for s in slots}) != len(slots):
        return Finding(OptionProblem.SAME_AGENDA)
    if len({s.product for s in slots}) != len(slots):
        return Finding(OptionProblem.SAME_PRODUCT)
    if option.mode == Mode.IN_PERSON and (specs[0].building is None or len({s.building for s in specs}) != 1):
        return Finding(OptionProblem.BUILDING)
    if option.kind == CombinationKind.JOINT:
        minutes = joint_minutes(specs, [s.product for s in slots])
        if len({(s.start, s.end) for s in slots}) != 1:
            return Finding(OptionProblem.NOT_TOGETHER)
        if slots[0].end - slots[0].start != dt.timedelta(minutes=minutes):
            return Finding(OptionProblem.DURATION)
        return None
    order = sorted(range(len(slots)), key=lambda i: slots[i].start)
    for i in order:
        if slots[i].end - slots[i].start != dt.timedelta(minutes=specs[i].durations.get(slots[i].product, 0)):
            return Finding(OptionProblem.DURATION, i)
    for before, after in pairwise(order):
        gap = slots[after].start - slots[before].end
        if gap < dt.timedelta(0) or gap > max_gap:
            return Finding(OptionProblem.GAP, after)
    return None


def option_finding(
    option: Option,
    specs: Mapping[int, AgendaSpec],
    taken: Mapping[int, Occupancy],
    now: dt.datetime,
    max_gap: dt.timedelta,
) -> Finding | None:
    """The first reason `option` cannot be booked, or None when it can."""
    chosen = [specs[s.agenda] for s in option.slots]
    for index, (slot, spec) in enumerate(zip(option.slots, chosen, strict=True)):
        problem = slot_problem(spec, slot, taken[spec.id], now, mode=option.mode)
        if problem is not None:
            return Finding(problem, index)
    return _structure(option, chosen, max_gap)

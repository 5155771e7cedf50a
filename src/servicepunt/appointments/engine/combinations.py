"""Combination appointments: two or more products at different agendas as one arrangement.

Consecutive: one after the other, in any order, each next part starting at most `max_gap` after
the previous one ends; in person this needs one building. Joint: all parties at the same time
for as long as the longest part takes (for example one video call with the gemeente and DUO);
in person also in one building."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import permutations, product

from servicepunt.appointments.engine.model import AgendaSpec, Mode, Slot, Span, Window
from servicepunt.appointments.engine.occupancy import Occupancy
from servicepunt.appointments.engine.slots import free_starts, occupancies

MINIMUM_PARTS = 2


class CombinationKind(StrEnum):
    CONSECUTIVE = "consecutive"
    JOINT = "joint"


@dataclass(frozen=True)
class CombinationRequest:
    kind: CombinationKind
    products: tuple[int, ...]
    mode: Mode
    max_gap: dt.timedelta

    def __post_init__(self) -> None:
        if len(self.products) < MINIMUM_PARTS or len(set(self.products)) != len(self.products):
            raise ValueError("a combination needs two or more different products")


@dataclass(frozen=True, order=True)
class Option:
    """One feasible arrangement: its slots in time order (joint: in product order)."""

    start: dt.datetime
    end: dt.datetime
    slots: tuple[Slot, ...]
    kind: CombinationKind
    mode: Mode

    @classmethod
    def of(cls, kind: CombinationKind, mode: Mode, slots: Sequence[Slot]) -> Option:
        return cls(min(s.start for s in slots), max(s.end for s in slots), tuple(slots), kind, mode)


class _FreeToday:
    """Free starts per (agenda, length) on one day, computed once."""

    def __init__(self, day: dt.date, taken: Mapping[int, Occupancy], now: dt.datetime) -> None:
        self.day, self.taken, self.now = day, taken, now
        self._cache: dict[tuple[int, int], list[dt.datetime]] = {}

    def starts(self, spec: AgendaSpec, minutes: int) -> list[dt.datetime]:
        key = (spec.id, minutes)
        if key not in self._cache:
            self._cache[key] = free_starts(spec, self.day, minutes, self.taken[spec.id], self.now)
        return self._cache[key]


def same_building_groups(specs: Sequence[AgendaSpec], mode: Mode) -> list[list[AgendaSpec]]:
    """In person the parties must be in one building; by phone or video anywhere will do."""
    if mode != Mode.IN_PERSON:
        return [list(specs)]
    groups: dict[str, list[AgendaSpec]] = {}
    for spec in specs:
        if spec.building is not None:
            groups.setdefault(spec.building, []).append(spec)
    return list(groups.values())


def _assignments(group: Sequence[AgendaSpec], request: CombinationRequest) -> Iterator[tuple[AgendaSpec, ...]]:
    candidates = [[spec for spec in group if spec.offers(p, request.mode)] for p in request.products]
    for chosen in product(*candidates):
        if len({spec.id for spec in chosen}) == len(chosen):
            yield chosen


def _extend(
    chain: list[Slot], rest: Sequence[tuple[AgendaSpec, int]], free: _FreeToday, max_gap: dt.timedelta
) -> list[Slot] | None:
    if not rest:
        return chain
    (spec, product_id), later = rest[0], rest[1:]
    minutes = spec.durations[product_id]
    starts, previous_end = free.starts(spec, minutes), chain[-1].end
    index = bisect_left(starts, previous_end)
    while index < len(starts) and starts[index] <= previous_end + max_gap:
        start = starts[index]
        slot = Slot(start, start + dt.timedelta(minutes=minutes), spec.id, product_id)
        found = _extend([*chain, slot], later, free, max_gap)
        if found:
            return found
        index += 1
    return None


def _consecutive(
    assignment: Sequence[AgendaSpec], request: CombinationRequest, free: _FreeToday, wanted: int | None
) -> list[Option]:
    """Per order of the parts, the chains from the earliest first start on; `wanted` chains of
    one order are enough, as later ones of that order can never be among the earliest."""
    options = []
    for order in permutations(zip(assignment, request.products, strict=True)):
        (spec, product_id), rest, found = order[0], order[1:], 0
        minutes = spec.durations[product_id]
        for start in free.starts(spec, minutes):
            first = Slot(start, start + dt.timedelta(minutes=minutes), spec.id, product_id)
            chain = _extend([first], rest, free, request.max_gap)
            if chain:
                options.append(Option.of(request.kind, request.mode, chain))
                found += 1
                if wanted is not None and found >= wanted:
                    break
    return options


def joint_minutes(assignment: Sequence[AgendaSpec], products: Sequence[int]) -> int:
    return max(spec.durations[p] for spec, p in zip(assignment, products, strict=True))


def _joint(
    assignment: Sequence[AgendaSpec], request: CombinationRequest, free: _FreeToday, wanted: int | None
) -> list[Option]:
    minutes = joint_minutes(assignment, request.products)
    common = set(free.starts(assignment[0], minutes))
    for spec in assignment[1:]:
        common &= set(free.starts(spec, minutes))
    length = dt.timedelta(minutes=minutes)
    return [
        Option.of(
            request.kind,
            request.mode,
            [Slot(start, start + length, spec.id, p) for spec, p in zip(assignment, request.products, strict=True)],
        )
        for start in sorted(common)[:wanted]
    ]


def combination_options(
    request: CombinationRequest,
    specs: Sequence[AgendaSpec],
    bookings: Mapping[int, Sequence[Span]],
    window: Window,
    *,
    limit: int | None = None,
) -> list[Option]:
    """The earliest feasible options, sorted by start, then end, then agendas."""
    candidates = [spec for spec in specs if any(spec.offers(p, request.mode) for p in request.products)]
    taken = occupancies(candidates, bookings)
    assignments = [
        chosen for group in same_building_groups(candidates, request.mode) for chosen in _assignments(group, request)
    ]
    search = _consecutive if request.kind == CombinationKind.CONSECUTIVE else _joint
    found: list[Option] = []
    if not assignments:
        return found
    for day in window.days():
        free = _FreeToday(day, taken, window.now)
        today: set[Option] = set()
        for chosen in assignments:
            today.update(search(chosen, request, free, None if limit is None else limit - len(found)))
        found += sorted(today)
        if limit is not None and len(found) >= limit:
            return found[:limit]
    return found

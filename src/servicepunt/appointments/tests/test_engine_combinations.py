"""Combination search: consecutive (either order, within the gap, one building in person) and
joint (same start for all). The property: every proposed option is feasible by an independent
check, and no feasible option starts earlier than the first one proposed."""

from __future__ import annotations

import datetime as dt
from itertools import pairwise, permutations, product

import holidays
from hypothesis import event, given, settings
from hypothesis import strategies as st

from servicepunt.appointments.engine import (
    AMSTERDAM,
    AgendaSpec,
    CombinationKind,
    CombinationRequest,
    HolidayRules,
    LiberationDay,
    Mode,
    Option,
    Slot,
    Span,
    Window,
    combination_options,
    option_finding,
)
from servicepunt.appointments.engine.slots import occupancies
from servicepunt.appointments.tests.engine_helpers import local, spec, walls

MONDAY = dt.date(2027, 1, 11)
QUARTER = dt.timedelta(minutes=15)
MINUTE = dt.timedelta(minutes=1)
GAP = dt.timedelta(minutes=30)


def _request(
    kind: CombinationKind, mode: Mode = Mode.IN_PERSON, products: tuple[int, ...] = (1, 2)
) -> CombinationRequest:
    return CombinationRequest(kind, products, mode, GAP)


def _window(days: int = 1) -> Window:
    return Window(dt.datetime(2027, 1, 10, tzinfo=dt.UTC), MONDAY, MONDAY + dt.timedelta(days=days - 1))


def _shown(option: Option) -> list[tuple[int, str]]:
    return [(slot.agenda, walls([slot.start])[0]) for slot in option.slots]


def test_consecutive_in_either_order_within_the_gap() -> None:
    gemeente = spec(1, durations={1: 30}, hours=[(0, "09:00", "10:00")])
    duo = spec(2, durations={2: 30}, hours=[(0, "09:30", "10:30")])
    options = combination_options(_request(CombinationKind.CONSECUTIVE), [gemeente, duo], {}, _window())
    assert _shown(options[0]) == [(1, "09:00"), (2, "09:30")]
    full_gemeente_at_nine = {1: [(local(MONDAY, "09:00"), local(MONDAY, "09:30"))]}
    options = combination_options(
        _request(CombinationKind.CONSECUTIVE), [gemeente, duo], full_gemeente_at_nine, _window()
    )
    assert _shown(options[0]) == [(1, "09:30"), (2, "10:00")]
    assert [(2, "09:30"), (1, "10:00")] not in [_shown(o) for o in options]  # gemeente closes at 10:00


def test_consecutive_needs_the_gap_to_be_small_enough() -> None:
    first = spec(1, durations={1: 30}, hours=[(0, "09:00", "09:30")])
    later = spec(2, durations={2: 30}, hours=[(0, "10:15", "11:00")])
    assert combination_options(_request(CombinationKind.CONSECUTIVE), [first, later], {}, _window()) == []
    wide = CombinationRequest(CombinationKind.CONSECUTIVE, (1, 2), Mode.IN_PERSON, dt.timedelta(minutes=45))
    assert _shown(combination_options(wide, [first, later], {}, _window())[0]) == [(1, "09:00"), (2, "10:15")]


def test_in_person_needs_one_building_remote_does_not() -> None:
    here = spec(1, durations={1: 30}, modes=[Mode.IN_PERSON, Mode.VIDEO], building="stadskantoor")
    there = spec(2, durations={2: 30}, modes=[Mode.IN_PERSON, Mode.VIDEO], building="vleuten")
    nowhere = spec(3, durations={2: 30}, modes=[Mode.VIDEO], building=None)
    assert combination_options(_request(CombinationKind.CONSECUTIVE), [here, there, nowhere], {}, _window()) == []
    video = combination_options(
        _request(CombinationKind.JOINT, Mode.VIDEO), [here, there, nowhere], {}, _window(), limit=4
    )
    assert {o.slots[1].agenda for o in video} == {2, 3}


def test_joint_starts_together_for_as_long_as_the_longest_part() -> None:
    gemeente = spec(1, durations={1: 45}, modes=[Mode.VIDEO], hours=[(0, "09:00", "12:00")], desks=1)
    duo = spec(2, durations={2: 30}, modes=[Mode.VIDEO], hours=[(0, "10:00", "12:00")])
    busy = {1: [(local(MONDAY, "10:00"), local(MONDAY, "10:30"))]}
    options = combination_options(
        _request(CombinationKind.JOINT, Mode.VIDEO), [gemeente, duo], busy, _window(), limit=2
    )
    assert [_shown(o) for o in options] == [[(1, "10:30"), (2, "10:30")], [(1, "10:45"), (2, "10:45")]]
    assert all(o.end - o.start == dt.timedelta(minutes=45) for o in options)


# --- The property ------------------------------------------------------------------------------

PRODUCTS = (1, 2, 3)
WINDOW = Window(dt.datetime(2027, 3, 24, 6, tzinfo=dt.UTC), dt.date(2027, 3, 24), dt.date(2027, 3, 27))


@st.composite
def agendas(draw: st.DrawFn, agenda: int) -> AgendaSpec:
    offered = draw(st.lists(st.sampled_from(PRODUCTS), min_size=2, max_size=3, unique=True))
    hours = []
    for weekday in range(7):
        if draw(st.integers(0, 4)):  # mostly open
            opens = dt.time(draw(st.integers(8, 11)), draw(st.sampled_from([0, 15, 30, 45])))
            length = draw(st.integers(4, 16)) * QUARTER
            closes = (dt.datetime.combine(MONDAY, opens) + length).time()
            hours.append((weekday, opens.isoformat("minutes"), closes.isoformat("minutes")))
    return spec(
        agenda,
        durations={p: draw(st.sampled_from([15, 30, 45])) for p in offered},
        desks=draw(st.integers(1, 2)),
        hours=hours,
        modes=draw(st.sets(st.sampled_from(list(Mode)), min_size=2)),
        lead=draw(st.sampled_from([0, 60, 180])),
        horizon=draw(st.integers(1, 4)),
        building=draw(st.sampled_from(["A", "A", "A", "B", None])),
        rules=HolidayRules(LiberationDay.LUSTRUM, good_friday_closed=draw(st.booleans())),
    )


@st.composite
def bookings(draw: st.DrawFn, ids: list[int]) -> dict[int, list[Span]]:
    taken: dict[int, list[Span]] = {}
    for agenda in ids:
        for _ in range(draw(st.integers(0, 8))):
            day = draw(st.sampled_from(WINDOW.days()))
            start = local(day, "08:00") + draw(st.integers(0, 32)) * QUARTER
            taken.setdefault(agenda, []).append((start, start + draw(st.integers(1, 4)) * QUARTER))
    return taken


HOLIDAYS = holidays.country_holidays("NL", years=2027, language="en_US")


def _closed(agenda: AgendaSpec, day: dt.date) -> bool:
    name = HOLIDAYS.get(day)
    if name == "Good Friday":
        return agenda.holidays.good_friday_closed
    return name is not None


def _open_then(agenda: AgendaSpec, slot: Slot) -> bool:
    start, end = slot.start.astimezone(AMSTERDAM), slot.end.astimezone(AMSTERDAM)
    if _closed(agenda, start.date()) or end.date() != start.date():
        return False
    return any(
        h.weekday == start.weekday() and h.opens <= start.time() and end.time() <= h.closes for h in agenda.weekly
    )


def _free(agenda: AgendaSpec, slot: Slot, taken: dict[int, list[Span]]) -> bool:
    moment = slot.start
    while moment < slot.end:
        if sum(1 for b in taken.get(agenda.id, []) if b[0] <= moment < b[1]) >= agenda.desks:
            return False
        moment += MINUTE
    return True


def feasible(
    request: CombinationRequest, by_id: dict[int, AgendaSpec], slots: list[Slot], taken: dict[int, list[Span]]
) -> bool:
    """An independent reading of the rules, minute by minute."""
    chosen = [by_id[s.agenda] for s in slots]
    if len({a.id for a in chosen}) != len(chosen) or sorted(s.product for s in slots) != sorted(request.products):
        return False
    if request.mode == Mode.IN_PERSON and (chosen[0].building is None or len({a.building for a in chosen}) > 1):
        return False
    for agenda, slot in zip(chosen, slots, strict=True):
        today = WINDOW.now.astimezone(AMSTERDAM).date()
        local_day = slot.start.astimezone(AMSTERDAM).date()
        if request.mode not in agenda.modes or slot.product not in agenda.durations:
            return False
        if slot.start < WINDOW.now + agenda.lead_minutes * MINUTE or (local_day - today).days > agenda.horizon_days:
            return False
        if not (_open_then(agenda, slot) and _free(agenda, slot, taken)):
            return False
    if request.kind == CombinationKind.JOINT:
        longest = max(a.durations[s.product] for a, s in zip(chosen, slots, strict=True))
        return all(s.start == slots[0].start and s.end - s.start == longest * MINUTE for s in slots)
    ordered = sorted(zip(chosen, slots, strict=True), key=lambda pair: pair[1].start)
    if any(s.end - s.start != a.durations[s.product] * MINUTE for a, s in ordered):
        return False
    return all(dt.timedelta(0) <= b.start - a.end <= request.max_gap for (_, a), (_, b) in pairwise(ordered))


def _earliest_by_brute_force(
    request: CombinationRequest, specs: list[AgendaSpec], taken: dict[int, list[Span]]
) -> dt.datetime | None:
    by_id = {a.id: a for a in specs}
    starts = [local(day, "00:00") + n * QUARTER for day in WINDOW.days() for n in range(96)]
    best: dt.datetime | None = None
    for chosen in product(*[[a for a in specs if p in a.durations] for p in request.products]):
        pairs = list(zip(chosen, request.products, strict=True))
        orders = permutations(pairs) if request.kind == CombinationKind.CONSECUTIVE else [pairs]
        for order in orders:
            for start in starts:
                if best is not None and start >= best:
                    break
                if _chain_from(request, by_id, list(order), start, taken):
                    best = start
    return best


def _chain_from(
    request: CombinationRequest,
    by_id: dict[int, AgendaSpec],
    order: list[tuple[AgendaSpec, int]],
    start: dt.datetime,
    taken: dict[int, list[Span]],
) -> bool:
    if request.kind == CombinationKind.JOINT:
        longest = max(a.durations[p] for a, p in order) * MINUTE
        return feasible(request, by_id, [Slot(start, start + longest, a.id, p) for a, p in order], taken)

    def extend(chain: list[Slot], rest: list[tuple[AgendaSpec, int]]) -> bool:
        if not rest:
            return feasible(request, by_id, chain, taken)
        agenda, product_id = rest[0]
        for k in range(request.max_gap // QUARTER + 1):
            begin = chain[-1].end + k * QUARTER
            if extend(
                [*chain, Slot(begin, begin + agenda.durations[product_id] * MINUTE, agenda.id, product_id)], rest[1:]
            ):
                return True
        return False

    first, product_id = order[0]
    return extend([Slot(start, start + first.durations[product_id] * MINUTE, first.id, product_id)], order[1:])


@settings(max_examples=100, deadline=None)
@given(
    st.integers(2, 3).flatmap(lambda n: st.tuples(*[agendas(i + 1) for i in range(n)])),
    st.sampled_from(list(CombinationKind)),
    st.sampled_from(list(Mode)),
    st.lists(st.sampled_from(PRODUCTS), min_size=2, max_size=3, unique=True),
    st.sampled_from([0, 15, 30]),
    st.data(),
)
def test_every_option_is_feasible_and_the_first_is_the_earliest(
    specs: tuple[AgendaSpec, ...], kind: CombinationKind, mode: Mode, products: list[int], gap: int, data: st.DataObject
) -> None:
    taken = data.draw(bookings([a.id for a in specs]))
    request = CombinationRequest(kind, tuple(products), mode, gap * MINUTE)
    options = combination_options(request, list(specs), taken, WINDOW, limit=15)
    by_id = {a.id: a for a in specs}
    busy = occupancies(specs, taken)
    for option in options:
        assert feasible(request, by_id, list(option.slots), taken), option
        assert option_finding(option, by_id, busy, WINDOW.now, request.max_gap) is None
    event("options found" if options else "no option")
    assert options == sorted(options)
    assert (options[0].start if options else None) == _earliest_by_brute_force(request, list(specs), taken)

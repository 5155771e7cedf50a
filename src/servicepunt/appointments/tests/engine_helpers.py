"""Building engine specs in tests without Django."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from servicepunt.appointments.engine import (
    AMSTERDAM,
    AgendaSpec,
    DayException,
    HolidayRules,
    LiberationDay,
    Mode,
    WeeklyHours,
)

WEEKDAYS = range(5)
DEFAULT_RULES = HolidayRules(liberation_day=LiberationDay.LUSTRUM, good_friday_closed=False)


def spec(
    agenda: int = 1,
    *,
    durations: Mapping[int, int] | None = None,
    desks: int = 1,
    hours: Iterable[tuple[int, str, str]] | None = None,
    modes: Iterable[Mode] = (Mode.IN_PERSON,),
    step: int = 15,
    lead: int = 0,
    horizon: int = 400,
    rules: HolidayRules = DEFAULT_RULES,
    exceptions: Iterable[DayException] = (),
    building: str | None = "stadskantoor",
) -> AgendaSpec:
    weekly = hours if hours is not None else [(day, "09:00", "17:00") for day in WEEKDAYS]
    return AgendaSpec(
        id=agenda,
        desks=desks,
        durations=dict(durations or {100: 30}),
        weekly=tuple(WeeklyHours(d, dt.time.fromisoformat(o), dt.time.fromisoformat(c)) for d, o, c in weekly),
        modes=frozenset(modes),
        step_minutes=step,
        lead_minutes=lead,
        horizon_days=horizon,
        holidays=rules,
        exceptions=tuple(exceptions),
        building=building,
    )


def local(day: dt.date, wall: str) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.fromisoformat(wall), tzinfo=AMSTERDAM).astimezone(dt.UTC)


def walls(moments: Iterable[dt.datetime]) -> list[str]:
    return [f"{m.astimezone(AMSTERDAM):%H:%M}" for m in moments]

"""The plain types of the slot engine: agendas as specifications, bookings as spans, slots and
the search window. All moments are timezone-aware; the engine computes in UTC and reads opening
hours as Europe/Amsterdam wall-clock times, so daylight saving time needs no special cases."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
UTC = dt.UTC

# A booked or open period: (start, end), end exclusive, both aware.
Span = tuple[dt.datetime, dt.datetime]


class Mode(StrEnum):
    IN_PERSON = "in_person"
    PHONE = "phone"
    VIDEO = "video"


class LiberationDay(StrEnum):
    """When the agenda is closed on Bevrijdingsdag (5 May)."""

    EVERY_YEAR = "every_year"
    LUSTRUM = "lustrum"  # only in years divisible by 5, as the `holidays` package has it
    NEVER = "never"


@dataclass(frozen=True)
class HolidayRules:
    liberation_day: LiberationDay
    good_friday_closed: bool


@dataclass(frozen=True)
class WeeklyHours:
    weekday: int  # 0 = Monday
    opens: dt.time
    closes: dt.time  # 00:00 means midnight, the end of the day


@dataclass(frozen=True)
class DayException:
    """A dated deviation. Closed without times: the whole day. Closed with times: that part of
    the day. Not closed: extra opening hours (also on a holiday)."""

    day: dt.date
    closed: bool
    opens: dt.time | None = None
    closes: dt.time | None = None

    @property
    def whole_day(self) -> bool:
        return self.opens is None or self.closes is None


@dataclass(frozen=True, eq=False)
class AgendaSpec:
    """One agenda as the engine sees it. `durations` maps product id to minutes."""

    id: int
    desks: int
    durations: Mapping[int, int]
    weekly: tuple[WeeklyHours, ...]
    modes: frozenset[Mode]
    step_minutes: int
    lead_minutes: int
    horizon_days: int
    holidays: HolidayRules
    exceptions: tuple[DayException, ...] = ()
    building: str | None = None  # same value = same building (consecutive combinations)
    _weekly_by_day: dict[int, tuple[WeeklyHours, ...]] = field(init=False, repr=False)
    _exceptions_by_day: dict[dt.date, tuple[DayException, ...]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        weekly: dict[int, list[WeeklyHours]] = {}
        for hours in self.weekly:
            weekly.setdefault(hours.weekday, []).append(hours)
        exceptions: dict[dt.date, list[DayException]] = {}
        for exception in self.exceptions:
            exceptions.setdefault(exception.day, []).append(exception)
        object.__setattr__(self, "_weekly_by_day", {k: tuple(v) for k, v in weekly.items()})
        object.__setattr__(self, "_exceptions_by_day", {k: tuple(v) for k, v in exceptions.items()})

    def weekly_on(self, day: dt.date) -> tuple[WeeklyHours, ...]:
        return self._weekly_by_day.get(day.weekday(), ())

    def exceptions_on(self, day: dt.date) -> tuple[DayException, ...]:
        return self._exceptions_by_day.get(day, ())

    def offers(self, product: int, mode: Mode | None = None) -> bool:
        return product in self.durations and (mode is None or mode in self.modes)


@dataclass(frozen=True, order=True)
class Slot:
    """A free (or chosen) period at one agenda for one product. Moments in UTC."""

    start: dt.datetime
    end: dt.datetime
    agenda: int
    product: int


@dataclass(frozen=True)
class Window:
    """What to search: local dates from `first_day` to `last_day` inclusive, seen at `now`."""

    now: dt.datetime
    first_day: dt.date
    last_day: dt.date

    def days(self) -> list[dt.date]:
        count = (self.last_day - self.first_day).days + 1
        return [self.first_day + dt.timedelta(days=n) for n in range(max(count, 0))]

"""Opening hours of one agenda on one day: the weekly hours, Dutch public holidays (with the
agenda's rules for Bevrijdingsdag and Goede Vrijdag) and the dated exceptions."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import holidays

from servicepunt.appointments.engine.model import AMSTERDAM, UTC, AgendaSpec, HolidayRules, LiberationDay, Span

LIBERATION_DAY = (5, 5)
LUSTRUM = 5
GOOD_FRIDAY_BEFORE_EASTER = dt.timedelta(days=2)


def easter_sunday(year: int) -> dt.date:
    """Gregorian Easter (the anonymous algorithm of Meeus, Jones and Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


@lru_cache(maxsize=64)
def _national_holidays(year: int) -> frozenset[dt.date]:
    return frozenset(holidays.country_holidays("NL", years=year))


def closed_for_holiday(day: dt.date, rules: HolidayRules) -> bool:
    if day == easter_sunday(day.year) - GOOD_FRIDAY_BEFORE_EASTER:
        return rules.good_friday_closed
    if (day.month, day.day) == LIBERATION_DAY:
        if rules.liberation_day == LiberationDay.EVERY_YEAR:
            return True
        return rules.liberation_day == LiberationDay.LUSTRUM and day.year % LUSTRUM == 0
    return day in _national_holidays(day.year)


def moment(day: dt.date, wall: dt.time) -> dt.datetime:
    """A wall-clock time in Amsterdam on `day`, in UTC."""
    return dt.datetime.combine(day, wall, tzinfo=AMSTERDAM).astimezone(UTC)


def _span(day: dt.date, opens: dt.time, closes: dt.time) -> Span | None:
    end = moment(day + dt.timedelta(days=1), dt.time(0)) if closes == dt.time(0) else moment(day, closes)
    start = moment(day, opens)
    return (start, end) if start < end else None


def _merged(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _without(spans: list[Span], cut: Span) -> list[Span]:
    kept: list[Span] = []
    for start, end in spans:
        if end <= cut[0] or cut[1] <= start:
            kept.append((start, end))
            continue
        if start < cut[0]:
            kept.append((start, cut[0]))
        if cut[1] < end:
            kept.append((cut[1], end))
    return kept


def opening_spans(spec: AgendaSpec, day: dt.date) -> list[Span]:
    """When the agenda is open on `day`, in UTC, sorted and not overlapping."""
    exceptions = spec.exceptions_on(day)
    if any(e.closed and e.whole_day for e in exceptions):
        return []
    wanted: list[tuple[dt.time, dt.time]] = []
    if not closed_for_holiday(day, spec.holidays):
        wanted += [(hours.opens, hours.closes) for hours in spec.weekly_on(day)]
    wanted += [(e.opens, e.closes) for e in exceptions if not e.closed and e.opens and e.closes]
    spans = _merged([span for opens, closes in wanted if (span := _span(day, opens, closes))])
    for exception in exceptions:
        if exception.closed and exception.opens and exception.closes:
            cut = _span(day, exception.opens, exception.closes)
            if cut:
                spans = _without(spans, cut)
    return spans

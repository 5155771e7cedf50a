"""Printable places: an entry point's address, phone, grouped opening hours and closed days,
in the resident's language. Plain data made from the catalogue alone, so any page or document
that tells a resident where to go (the summary, an appointment) prints the same place."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch
from django.utils.dates import WEEKDAYS
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from servicepunt.catalogue.localization import localized_field
from servicepunt.catalogue.models import EntryPoint, OpeningException
from servicepunt.catalogue.selectors import weekly_hours


@dataclass(frozen=True)
class HoursLine:
    days: str  # "Maandag tot en met vrijdag"
    hours: str  # "09:00–17:00"


@dataclass(frozen=True)
class DayException:
    date: dt.date
    closed: bool
    hours: str
    note: str


@dataclass(frozen=True)
class Place:
    """Where the resident goes or calls: an entry point (loket) of an organisation."""

    organisation: str
    name: str
    address: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    hours: tuple[HoursLine, ...] = ()
    exceptions: tuple[DayException, ...] = ()
    accessibility: str = ""


EXCEPTIONS_AHEAD = dt.timedelta(weeks=6)  # closed days printed: those of the coming six weeks
ALL_DAY = "00:00–24:00"
WEEK = 7
SHORTEST_RANGE = 3  # three days in a row or more read as "maandag tot en met woensdag"


def _day_names(weekdays: list[int]) -> str:
    names = [str(WEEKDAYS[day]) for day in weekdays]
    if len(weekdays) == WEEK:
        return _("elke dag")
    if len(weekdays) >= SHORTEST_RANGE and weekdays == list(range(weekdays[0], weekdays[-1] + 1)):
        return _("%(first)s tot en met %(last)s") % {"first": names[0], "last": names[-1]}
    if len(names) == 1:
        return names[0]
    return _("%(days)s en %(last)s") % {"days": ", ".join(names[:-1]), "last": names[-1]}


def hours_lines(entry_point: EntryPoint) -> tuple[HoursLine, ...]:
    """Days with the same hours together: "Maandag tot en met vrijdag: 09:00–17:00"."""
    groups: dict[str, list[int]] = {}
    for day in weekly_hours(entry_point):
        if day.intervals:
            groups.setdefault(", ".join(day.intervals), []).append(day.weekday)
    return tuple(
        HoursLine(days=capfirst(_day_names(days)), hours=_("24 uur per dag") if hours == ALL_DAY else hours)
        for hours, days in groups.items()
    )


def _exceptions(entry_point: EntryPoint, language: str) -> tuple[DayException, ...]:
    return tuple(
        DayException(
            date=exception.date,
            closed=exception.closed,
            hours=", ".join(interval.replace("-", "–") for interval in exception.hours),
            note=localized_field(exception, "note", language),
        )
        for exception in entry_point.opening_exceptions.all()
    )


def entry_point_prefetches(path: str = "", *, today: dt.date) -> list[Any]:
    """What `entry_point_place` reads, to prefetch on entry points or along `path` to them
    (e.g. "agenda__entry_point" from appointments)."""
    prefix = f"{path}__" if path else ""
    exceptions = OpeningException.objects.filter(date__gte=today, date__lte=today + EXCEPTIONS_AHEAD)
    return [f"{prefix}opening_hours", Prefetch(f"{prefix}opening_exceptions", queryset=exceptions.order_by("date"))]


def entry_point_place(entry_point: EntryPoint, language: str) -> Place:
    """The printable place of an entry point. Expects organisation and location selected and
    `entry_point_prefetches` prefetched, or it costs queries."""
    location = entry_point.location
    address = ", ".join(part for part in (location.name, location.address_line) if part) if location else ""
    accessibility = localized_field(entry_point, "accessibility", language)
    if not accessibility and location is not None:
        accessibility = localized_field(location, "accessibility", language)
    return Place(
        organisation=localized_field(entry_point.organisation, "name", language),
        name=localized_field(entry_point, "name", language),
        address=address,
        phone=entry_point.phone,
        email=entry_point.email,
        website=entry_point.website,
        hours=hours_lines(entry_point),
        exceptions=_exceptions(entry_point, language),
        accessibility=accessibility,
    )

"""What every message about an appointment says, in the resident's language: when, where (the
address of the entry point's location, and floor and desk where the catalogue knows them), with
whom, how (in person, phone, video and its link), what to bring, and how to cancel or move it.

The e-mail, the letter, the calendar file, the SMS and the resident page all read these views,
so they say the same. Another language needs only its translations and product texts."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils import formats, timezone, translation
from django.utils.translation import gettext_lazy

from servicepunt.appointments.choices import AppointmentStatus, ModeChoice
from servicepunt.appointments.models import Appointment, Arrangement
from servicepunt.appointments.resident.links import resident_link
from servicepunt.catalogue.choices import EntryChannel
from servicepunt.catalogue.localization import FALLBACK_LANGUAGE, localized_field, resident_language, written_languages
from servicepunt.catalogue.selectors import product_contents, servicepunt_entry_points

if TYPE_CHECKING:
    from servicepunt.cases.models import Resident
    from servicepunt.catalogue.models import EntryPoint, ProductContent

# Fields a Location or Agenda may gain later; printed when present and filled.
PLACE_DETAIL_FIELDS = (("floor", gettext_lazy("Verdieping")), ("desk", gettext_lazy("Balie")))


@dataclass(frozen=True)
class PartView:
    """One appointment as the resident reads it."""

    uuid: uuid.UUID
    product: str
    organisation: str
    entry_point: str
    mode: str
    mode_label: str
    start: dt.datetime
    end: dt.datetime
    day: str  # "dinsdag 25 november 2026"
    time: str  # "10:30"
    end_time: str
    address: str
    place_details: tuple[tuple[str, str], ...]  # (label, value): floor, desk
    accessibility: str
    phone: str
    meeting_url: str
    what_to_bring: tuple[str, ...]
    in_combination: bool
    booked: bool
    upcoming: bool

    @property
    def where(self) -> str:
        """The place in one line, for a calendar or an SMS."""
        if self.mode == ModeChoice.VIDEO:
            return self.meeting_url or self.mode_label
        if self.mode == ModeChoice.PHONE:
            return self.mode_label
        return ", ".join(part for part in (self.entry_point, self.address) if part)


@dataclass(frozen=True)
class Contact:
    """How to reach the Servicepunt."""

    name: str
    phone: str
    website: str


@dataclass(frozen=True)
class Notice:
    """Everything one confirmation or reminder says."""

    language: str
    resident: Resident
    parts: tuple[PartView, ...]
    combination: bool
    link: str
    servicepunt: Contact

    @property
    def first(self) -> PartView:
        return self.parts[0]


def _place_details(entry_point: EntryPoint, appointment: Appointment) -> tuple[tuple[str, str], ...]:
    sources = (entry_point.location, appointment.agenda)
    found = []
    for field, label in PLACE_DETAIL_FIELDS:
        value = next((str(getattr(s, field, "") or "") for s in sources if getattr(s, field, "")), "")
        if value:
            found.append((str(label), value))
    return tuple(found)


def _contents(appointments: Sequence[Appointment], language: str) -> dict[tuple[int, str], ProductContent]:
    rows = product_contents(languages={language, FALLBACK_LANGUAGE}, product_ids={a.product_id for a in appointments})
    return {(row.product_id, row.language): row for row in rows}


def part_views(appointments: Iterable[Appointment], language: str, *, now: dt.datetime | None = None) -> list[PartView]:
    """The appointments (with agenda, entry point, organisation, location and product selected) as
    the resident reads them, in `language`: two queries for the product texts, whatever the list."""
    rows, now = list(appointments), now or timezone.now()
    contents = _contents(rows, language)
    views = []
    with translation.override(language):
        for row in rows:
            entry_point = row.agenda.entry_point
            location = entry_point.location
            content = contents.get((row.product_id, language)) or contents.get((row.product_id, FALLBACK_LANGUAGE))
            start, end = timezone.localtime(row.start), timezone.localtime(row.end)
            address = ", ".join(part for part in (location.name, location.address_line) if part) if location else ""
            accessibility = localized_field(entry_point, "accessibility", language)
            if not accessibility and location is not None:
                accessibility = localized_field(location, "accessibility", language)
            views.append(
                PartView(
                    uuid=row.uuid,
                    product=localized_field(row.product, "name", language),
                    organisation=localized_field(entry_point.organisation, "name", language),
                    entry_point=localized_field(entry_point, "name", language),
                    mode=row.mode,
                    mode_label=str(ModeChoice(row.mode).label),
                    start=row.start,
                    end=row.end,
                    day=formats.date_format(start, "l j F Y"),
                    time=formats.time_format(start, "H:i"),
                    end_time=formats.time_format(end, "H:i"),
                    address=address if row.mode == ModeChoice.IN_PERSON else "",
                    place_details=_place_details(entry_point, row) if row.mode == ModeChoice.IN_PERSON else (),
                    accessibility=accessibility if row.mode == ModeChoice.IN_PERSON else "",
                    phone=entry_point.phone,
                    meeting_url=row.meeting_url if row.mode == ModeChoice.VIDEO else "",
                    what_to_bring=tuple(str(item) for item in (content.what_to_bring if content else [])),
                    in_combination=row.arrangement_id is not None,
                    booked=row.status == AppointmentStatus.BOOKED,
                    upcoming=row.end > now,
                )
            )
    return views


def servicepunt_contact(language: str) -> Contact:
    """The Servicepunt's phone line and website, from the catalogue."""
    entry_points = list(servicepunt_entry_points().select_related("organisation"))
    if not entry_points:
        return Contact(name="Servicepunt", phone="", website="")
    organisation = entry_points[0].organisation
    line = next((ep for ep in entry_points if EntryChannel.TELEFOON in ep.channels and ep.phone), None)
    phone = line.phone if line else organisation.phone or next((ep.phone for ep in entry_points if ep.phone), "")
    return Contact(name=localized_field(organisation, "name", language), phone=phone, website=organisation.website)


def selected(appointments: Iterable[Appointment]) -> list[Appointment]:
    """Reload the appointments with what the views read."""
    pks = [a.pk for a in appointments]
    return list(
        Appointment.objects.filter(pk__in=pks)
        .select_related(
            "agenda__entry_point__organisation",
            "agenda__entry_point__location",
            "product",
            "resident",
            "arrangement",
            "question__case",
        )
        .order_by("start", "id")
    )


def booked_parts(*, appointment: Appointment | None, arrangement: Arrangement | None) -> list[Appointment]:
    """The booked appointments one message is about: the appointment, or every booked part of the
    combination (also when one part of it is given)."""
    if appointment is not None and appointment.arrangement_id is not None:
        arrangement = appointment.arrangement
    if arrangement is not None:
        rows = list(arrangement.appointments.filter(status=AppointmentStatus.BOOKED))
    elif appointment is not None:
        rows = [appointment] if appointment.status == AppointmentStatus.BOOKED else []
    else:
        rows = []
    return selected(rows)


def notice_for(parts: Sequence[Appointment], *, language: str | None = None) -> Notice | None:
    """The notice about these booked appointments of one resident, or None without a resident."""
    resident = next((part.resident for part in parts if part.resident is not None), None)
    if resident is None or not parts:
        return None
    language = language if language in written_languages() else resident_language(resident.preferred_language)
    arrangement = parts[0].arrangement
    link = resident_link(arrangement=arrangement) if arrangement is not None else resident_link(appointment=parts[0])
    return Notice(
        language=language,
        resident=resident,
        parts=tuple(part_views(parts, language)),
        combination=arrangement is not None,
        link=link,
        servicepunt=servicepunt_contact(language),
    )

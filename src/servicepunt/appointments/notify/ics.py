"""The calendar file (.ics) sent with a confirmation: one VEVENT per appointment, also for each
part of a combination. Times are in UTC; the UID stays the same for an appointment, and the
SEQUENCE counts its moves, so a calendar replaces the old time instead of adding one."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from servicepunt.appointments.choices import EventKind
from servicepunt.appointments.models import AppointmentEvent
from servicepunt.appointments.notify.content import Notice, PartView

PRODID = "-//Servicepunt//Afspraken//NL"
UID_DOMAIN = "servicepunt"


def event_uid(part: PartView) -> str:
    return f"{part.uuid}@{UID_DOMAIN}"


def _moves(notice: Notice) -> dict[str, int]:
    rows = (
        AppointmentEvent.objects.filter(
            appointment__uuid__in=[p.uuid for p in notice.parts], kind=EventKind.RESCHEDULED
        )
        .values("appointment__uuid")
        .annotate(moves=Count("id"))
    )
    return {str(row["appointment__uuid"]): int(row["moves"]) for row in rows}


def _description(part: PartView, notice: Notice) -> str:
    lines = [
        _("%(product)s bij %(organisation)s (%(entry_point)s)")
        % {"product": part.product, "organisation": part.organisation, "entry_point": part.entry_point},
        _("Hoe: %(mode)s") % {"mode": part.mode_label},
    ]
    if part.meeting_url:
        lines.append(_("Videolink: %(link)s") % {"link": part.meeting_url})
    if part.what_to_bring:
        lines.append(_("Neem mee:"))
        lines += [f"- {item}" for item in part.what_to_bring]
    lines.append(_("Annuleren of een andere tijd kiezen: %(link)s") % {"link": notice.link})
    if notice.servicepunt.phone:
        lines.append(_("Of bel het Servicepunt: %(phone)s") % {"phone": notice.servicepunt.phone})
    return "\n".join(lines)


def calendar_bytes(notice: Notice, *, now: dt.datetime | None = None) -> bytes:
    """The .ics file for the booked parts of `notice`, in its language."""
    stamp, moves = now or timezone.now(), _moves(notice)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    with translation.override(notice.language):
        for part in notice.parts:
            event = Event()
            event.add("uid", event_uid(part))
            event.add("dtstamp", stamp.astimezone(dt.UTC))
            event.add("dtstart", part.start.astimezone(dt.UTC))
            event.add("dtend", part.end.astimezone(dt.UTC))
            event.add("sequence", moves.get(str(part.uuid), 0))
            event.add("summary", _("Afspraak: %(product)s") % {"product": part.product})
            event.add("location", part.where)
            event.add("description", _description(part, notice))
            event.add("status", "CONFIRMED")
            if part.meeting_url:
                event.add("url", part.meeting_url)
            calendar.add_component(event)
    return bytes(calendar.to_ical())

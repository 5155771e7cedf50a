"""The free times a resident may move an appointment to: the same product, the same way (in
person, phone, video) and the same entry point, from slot_search. A chosen time travels as
"<agenda uuid>/<unix time>"; the booking service checks it again under its lock."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from django.utils import formats, timezone

from servicepunt.appointments.models import Agenda, AgendaProduct, Appointment
from servicepunt.appointments.selectors import slot_search

SEARCHED = 80  # free times searched at every agenda offering the product
SHOWN = 30  # of which at most this many (at the same entry point) are offered


@dataclass(frozen=True)
class SlotChoice:
    value: str
    day: str  # "woensdag 26 november 2026", in the active language
    time: str  # "09:00"
    end_time: str


def slot_choices(appointment: Appointment, *, now: dt.datetime | None = None) -> list[SlotChoice]:
    found = slot_search(product=appointment.product, mode=appointment.mode, limit=SEARCHED, now=now)
    entry_point = appointment.agenda.entry_point_id
    choices = []
    for slot in found:
        if slot.agenda.entry_point_id != entry_point:
            continue
        if (slot.agenda.pk, slot.start) == (appointment.agenda_id, appointment.start):
            continue
        start, end = timezone.localtime(slot.start), timezone.localtime(slot.end)
        choices.append(
            SlotChoice(
                value=f"{slot.agenda.uuid}/{int(slot.start.timestamp())}",
                day=formats.date_format(start, "l j F Y"),
                time=formats.time_format(start, "H:i"),
                end_time=formats.time_format(end, "H:i"),
            )
        )
    return choices[:SHOWN]


def slot_parse(appointment: Appointment, value: str) -> tuple[Agenda, dt.datetime] | None:
    """The agenda and start of a chosen time, if it is one this appointment may move to (an
    agenda of the same entry point offering the product); None when it cannot be read."""
    agenda_part, _sep, seconds = value.partition("/")
    try:
        agenda_id, start = uuid.UUID(agenda_part), dt.datetime.fromtimestamp(int(seconds), tz=dt.UTC)
    except (ValueError, OverflowError, OSError):
        return None
    offering = AgendaProduct.objects.filter(product_id=appointment.product_id).values("agenda_id")
    agenda = Agenda.objects.filter(
        uuid=agenda_id, entry_point_id=appointment.agenda.entry_point_id, pk__in=offering
    ).first()
    return (agenda, start) if agenda is not None else None

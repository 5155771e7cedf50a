"""One resident, two places at once: a booking or move that overlaps another active appointment
of the same resident is refused unless the employee confirms it (say, a phone call during a
visit), and the confirmation is kept in the appointment's history and on the case timeline.
Parts of one combination are meant to be together and never clash with each other."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from servicepunt.appointments.choices import AppointmentStatus, EventKind
from servicepunt.appointments.models import Appointment
from servicepunt.appointments.services.actors import Actor
from servicepunt.appointments.services.common import record
from servicepunt.cases.services import case_overlap_confirm, resident_lock
from servicepunt.core.errors import ServicepuntError

if TYPE_CHECKING:
    from servicepunt.accounts.models import User
    from servicepunt.cases.models import Resident

Span = tuple[dt.datetime, dt.datetime]
DETAIL_LENGTH = 300  # AppointmentEvent.reason and CaseEvent.detail


def _described(appointment: Appointment) -> str:
    start, end = timezone.localtime(appointment.start), timezone.localtime(appointment.end)
    return _("%(day)s %(start)s–%(end)s bij %(place)s") % {
        "day": formats.date_format(start, "SHORT_DATE_FORMAT"),
        "start": f"{start:%H:%M}",
        "end": f"{end:%H:%M}",
        "place": appointment.agenda.name,
    }


class ResidentDoubleBooked(ServicepuntError):
    """The resident has another appointment at that time. `clashes` are those appointments."""

    status = 409
    code = "resident-double-booked"

    def __init__(self, clashes: Sequence[Appointment]) -> None:
        listed = "; ".join(_described(row) for row in clashes)
        super().__init__(
            _("Op die tijd heeft de inwoner al een andere afspraak: %(appointments)s.") % {"appointments": listed},
            field="confirm_overlap",
        )
        self.clashes = list(clashes)


def lock_resident(resident: Resident | None) -> None:
    """Lock the resident right after the agendas and before any case or question: every booking
    and move takes these locks in this order (agendas, appointments, resident, case, question),
    so two of them never wait for each other in a circle."""
    if resident is not None:
        resident_lock(resident=resident)


def overlap_guard(
    resident: Resident | None, spans: Sequence[Span], *, confirmed: bool, exclude: Collection[int] = ()
) -> list[Appointment]:
    """The resident's active appointments overlapping `spans`, read under the resident's lock
    (taken here if the caller did not yet); refused unless `confirmed`. Returns the clashes, to
    record."""
    if resident is None:
        return []
    lock_resident(resident)
    overlapping = Q()
    for start, end in spans:
        overlapping |= Q(start__lt=end, end__gt=start)
    clashes = list(
        Appointment.objects.filter(overlapping, resident=resident, status=AppointmentStatus.BOOKED)
        .exclude(pk__in=exclude)
        .select_related("agenda__entry_point__organisation")
        .order_by("start", "pk")
    )
    if clashes and not confirmed:
        raise ResidentDoubleBooked(clashes)
    return clashes


def overlap_record(rows: Sequence[Appointment], clashes: Sequence[Appointment], actor: Actor, by: User) -> None:
    """Keep the confirmation: in the history of each new or moved appointment, and once on the
    timeline of each case they belong to."""
    if not clashes:
        return
    detail = _("Bevestigd, ook al is er op die tijd een andere afspraak: %(appointments)s") % {
        "appointments": "; ".join(_described(row) for row in clashes)
    }
    if len(detail) > DETAIL_LENGTH:  # many clashes: shortened visibly; the history lists each
        detail = detail[: DETAIL_LENGTH - 1] + "…"
    for row in rows:
        record(row, EventKind.OVERLAP_CONFIRMED, actor, by, reason=detail)
    cases = {row.question.case_id: row.question.case for row in rows if row.question is not None}
    for case_id in sorted(cases):
        case_overlap_confirm(case=cases[case_id], by=by, detail=detail)

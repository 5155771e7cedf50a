"""Cancelling and moving appointments, by staff or by the resident, with history. A cancelled
appointment reopens its question unless another booked appointment still covers it. A
combination is booked and moved as a whole; a resident may still cancel one part of it (say,
the DUO part because they already went there), which leaves the other part booked.

Every cancellation tells the other side, in the same transaction: when staff cancel (a reason is
required) the resident gets a message in their language; when the resident cancels, the employee
who booked it (or the case owner, or the Servicepunt team) gets a task in Mijn werkvoorraad. A
move is confirmed to the resident again."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

import structlog
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from servicepunt.appointments.choices import ActorKind, AppointmentStatus, EventKind
from servicepunt.appointments.engine import (
    CombinationKind,
    Finding,
    Mode,
    Slot,
    SlotProblem,
    option_finding,
    slot_problem,
)
from servicepunt.appointments.models import Agenda, Appointment, Arrangement
from servicepunt.appointments.notify.cancellation import cancellation_queue
from servicepunt.appointments.notify.confirmation import confirmation_queue
from servicepunt.appointments.services.actors import Actor, actor_user
from servicepunt.appointments.services.common import (
    PartChoice,
    checked_question,
    lock_agendas,
    occupancy_between,
    option_of_parts,
    record,
    utc,
)
from servicepunt.appointments.services.followup import resident_cancellation_task
from servicepunt.appointments.services.overlap import overlap_guard, overlap_record
from servicepunt.appointments.services.problems import raise_for
from servicepunt.appointments.specs import current_parameters
from servicepunt.cases.closing import Resolution
from servicepunt.cases.services import question_reopen
from servicepunt.core.errors import InvalidInput
from servicepunt.core.validation import text_checked

if TYPE_CHECKING:
    from servicepunt.accounts.models import User
    from servicepunt.cases.models import Question

log = structlog.get_logger(__name__)
# A cancellation's reason goes to the resident (in an SMS too) and, after "afspraak geannuleerd: ",
# on the case timeline (300 characters): 200 leaves room for both.
REASON_LENGTH = 200


def _locked_appointments(pks: Sequence[int]) -> list[Appointment]:
    rows = list(Appointment.objects.select_for_update().filter(pk__in=sorted(pks)).order_by("pk"))
    now = timezone.now()
    for row in rows:
        if row.status != AppointmentStatus.BOOKED:
            raise InvalidInput(_("Deze afspraak is al geannuleerd."), field="appointment")
        if row.end <= now:
            raise InvalidInput(_("Deze afspraak is al geweest."), field="appointment")
    return rows


def _reopen_uncovered(questions: list[Question], by: User, reason: str) -> None:
    for question in sorted(questions, key=lambda q: (q.case_id, q.pk)):
        still_covered = Appointment.objects.filter(question=question, status=AppointmentStatus.BOOKED).exists()
        question.refresh_from_db(fields=["resolution"])
        if question.resolution == Resolution.BOOKED and not still_covered:
            text = _("afspraak geannuleerd") + (f": {reason}" if reason else "")
            question_reopen(question=question, by=by, reason=text)


def _checked_reason(actor: Actor, reason: str) -> str:
    required = _("Geef een reden voor de annulering. De inwoner krijgt die te lezen.")
    return text_checked(
        reason, field="reason", max_length=REASON_LENGTH, required=required if actor.kind == ActorKind.STAFF else None
    )


def _cancel(pks: Sequence[int], actor: Actor, reason: str) -> list[Appointment]:
    reason = _checked_reason(actor, reason)
    by, now = actor_user(actor), timezone.now()
    rows = _locked_appointments(pks)
    for row in rows:
        row.status, row.cancelled_at = AppointmentStatus.CANCELLED, now
        row.save(update_fields=["status", "cancelled_at"])
        record(row, EventKind.CANCELLED, actor, by, reason=reason)
    questions = {row.question_id: row.question for row in rows if row.question is not None}
    _reopen_uncovered(list(questions.values()), by, reason)
    if actor.kind == ActorKind.RESIDENT:
        resident_cancellation_task(rows, by=by, reason=reason)
    else:
        cancellation_queue(rows)
    uuids = [str(row.uuid) for row in rows]
    transaction.on_commit(lambda: log.info("appointment_cancelled", appointments=uuids, by=actor.kind))
    return rows


@transaction.atomic
def appointment_cancel(*, appointment: Appointment, actor: Actor, reason: str = "") -> Appointment:
    """Cancel one appointment, also when it is one part of a combination: only that part ends,
    and only its question reopens. `arrangement_cancel` cancels the whole combination."""
    _cancel([appointment.pk], actor, reason)
    appointment.refresh_from_db()
    return appointment


@transaction.atomic
def arrangement_cancel(*, arrangement: Arrangement, actor: Actor, reason: str = "") -> Arrangement:
    booked = list(arrangement.appointments.filter(status=AppointmentStatus.BOOKED).values_list("pk", flat=True))
    if not booked:
        raise InvalidInput(_("Deze afspraken zijn al geannuleerd."), field="arrangement")
    _cancel(booked, actor, reason)
    return arrangement


def _move(row: Appointment, slot: Slot, actor: Actor, by: User, reason: str) -> None:
    previous = Appointment(start=row.start, end=row.end, agenda_id=row.agenda_id)
    row.agenda_id, row.start, row.end = slot.agenda, slot.start, slot.end
    row.save(update_fields=["agenda", "start", "end"])
    record(row, EventKind.RESCHEDULED, actor, by, reason=reason, previous=previous)


@transaction.atomic
def appointment_reschedule(
    *,
    appointment: Appointment,
    start: dt.datetime,
    actor: Actor,
    agenda: Agenda | None = None,
    reason: str = "",
    confirm_overlap: bool = False,
) -> Appointment:
    """Move an appointment to another free time (and optionally another agenda offering the same
    product). The history keeps where it was. A part of a combination moves with the whole:
    use arrangement_reschedule."""
    if appointment.arrangement_id is not None:
        raise InvalidInput(
            _("Deze afspraak hoort bij een combinatieafspraak. Verzet de hele combinatie."), field="appointment"
        )
    by, start = actor_user(actor), utc(start)
    target_id = agenda.pk if agenda is not None else appointment.agenda_id
    agendas, specs = lock_agendas({appointment.agenda_id, target_id})
    row = _locked_appointments([appointment.pk])[0]
    if target_id != row.agenda_id:
        checked_question(row.question, agendas[target_id], row.product)
    spec, now = specs[target_id], timezone.now()
    minutes = spec.durations.get(row.product_id)
    if minutes is None:
        raise_for(Finding(SlotProblem.NOT_OFFERED), spec=spec, now=now)
    slot = Slot(start, start + dt.timedelta(minutes=minutes), target_id, row.product_id)
    if (slot.agenda, slot.start) == (row.agenda_id, row.start):
        raise InvalidInput(_("De afspraak staat al op deze tijd. Kies een andere tijd."), field="start")
    taken = occupancy_between([target_id], slot.start, slot.end, exclude=[row.pk])[target_id]
    problem = slot_problem(spec, slot, taken, now, mode=Mode(row.mode))
    if problem is not None:
        raise_for(Finding(problem), spec=spec, now=now)
    clashes = overlap_guard(row.resident, [(slot.start, slot.end)], confirmed=confirm_overlap, exclude=[row.pk])
    _move(row, slot, actor, by, reason.strip())
    overlap_record([row], clashes, actor, by)
    confirmation_queue(appointment=row)
    uuid = str(row.uuid)
    transaction.on_commit(lambda: log.info("appointment_rescheduled", appointment=uuid, by=actor.kind))
    return row


@transaction.atomic
def arrangement_reschedule(
    *,
    arrangement: Arrangement,
    parts: Sequence[PartChoice],
    actor: Actor,
    reason: str = "",
    confirm_overlap: bool = False,
) -> Arrangement:
    """Move a whole combination to a newly chosen option with the same products."""
    by = actor_user(actor)
    current = {a.product_id: a for a in arrangement.appointments.all()}
    if sorted(current) != sorted(p.product.pk for p in parts):
        raise InvalidInput(_("Kies een nieuwe tijd voor elk product van de combinatie."), field="parts")
    for index, part in enumerate(parts):
        if part.agenda.pk != current[part.product.pk].agenda_id:
            checked_question(current[part.product.pk].question, part.agenda, part.product, field=f"parts[{index}].")
    agendas, specs = lock_agendas({a.agenda_id for a in current.values()} | {p.agenda.pk for p in parts})
    rows = {row.product_id: row for row in _locked_appointments([a.pk for a in current.values()])}
    now, parameters = timezone.now(), current_parameters()
    kind = CombinationKind(arrangement.kind)
    option = option_of_parts(kind, Mode(arrangement.mode), parts, specs)
    exclude = [row.pk for row in rows.values()]
    taken = occupancy_between(list(agendas), option.start, option.end, exclude=exclude)
    finding = option_finding(option, specs, taken, now, dt.timedelta(minutes=parameters.max_gap_minutes))
    if finding is not None:
        spec = specs[option.slots[finding.part].agenda] if finding.part is not None else None
        raise_for(finding, spec=spec, now=now, gap_minutes=parameters.max_gap_minutes)
    resident = next((row.resident for row in rows.values() if row.resident is not None), None)
    spans = [(slot.start, slot.end) for slot in option.slots]
    clashes = overlap_guard(resident, spans, confirmed=confirm_overlap, exclude=exclude)
    for slot in option.slots:
        _move(rows[slot.product], slot, actor, by, reason.strip())
    overlap_record(list(rows.values()), clashes, actor, by)
    confirmation_queue(arrangement=arrangement)
    uuid = str(arrangement.uuid)
    transaction.on_commit(lambda: log.info("arrangement_rescheduled", arrangement=uuid, by=actor.kind))
    return arrangement

"""Booking one appointment, or a combination as one arrangement (all parts or none).

Each booking locks the agendas involved (in primary-key order), reads their bookings under the
lock and re-checks the slot with the engine before inserting, so two employees can never take
the last desk of a slot. A retried request with the same idempotency key returns the booking
made the first time. The confirmation to the resident is queued in the same transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

import structlog
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from servicepunt.appointments.choices import ArrangementKind, EventKind, ModeChoice
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
from servicepunt.appointments.notify.confirmation import confirmation_queue
from servicepunt.appointments.services.actors import Actor, actor_user
from servicepunt.appointments.services.common import (
    PartChoice,
    appointment_insert,
    checked_key,
    checked_mode,
    checked_question,
    lock_agendas,
    occupancy_between,
    option_of_parts,
    question_claim,
    record,
    resident_of,
    resolve_question,
    utc,
)
from servicepunt.appointments.services.overlap import lock_resident, overlap_guard, overlap_record
from servicepunt.appointments.services.problems import raise_for
from servicepunt.appointments.specs import current_parameters
from servicepunt.appointments.video import meeting_url_new
from servicepunt.core.errors import InvalidInput

if TYPE_CHECKING:
    from servicepunt.cases.models import Question, Resident
    from servicepunt.catalogue.models import Product

log = structlog.get_logger(__name__)


def _same_single(existing: Appointment, agenda: Agenda, product: Product, start: dt.datetime) -> Appointment:
    if (existing.agenda_id, existing.product_id, existing.start) != (agenda.pk, product.pk, start):
        raise InvalidInput(_("Deze aanvraagsleutel is al gebruikt voor een andere afspraak."), field="idempotency_key")
    return existing


@transaction.atomic
def appointment_book(
    *,
    agenda: Agenda,
    product: Product,
    start: dt.datetime,
    mode: str,
    actor: Actor,
    question: Question | None = None,
    resident: Resident | None = None,
    idempotency_key: str | None = None,
    note: str = "",
    confirm_overlap: bool = False,
) -> Appointment:
    """Book one appointment. Linked to a question, it resolves that question as booked. When the
    resident has another appointment at that time it is refused (ResidentDoubleBooked) unless
    `confirm_overlap`; the confirmation is recorded."""
    key, start, chosen_mode = checked_key(idempotency_key), utc(start), checked_mode(mode)
    if key and (existing := Appointment.objects.filter(idempotency_key=key).first()):
        return _same_single(existing, agenda, product, start)
    by = actor_user(actor)
    checked_question(question, agenda, product)
    resident = resident_of([question], resident)
    agendas, specs = lock_agendas([agenda.pk])
    agenda = agendas[agenda.pk]
    if key and (existing := Appointment.objects.filter(idempotency_key=key).first()):
        return _same_single(existing, agenda, product, start)
    lock_resident(resident)
    question = question_claim(question)
    spec, now = specs[agenda.pk], timezone.now()
    minutes = spec.durations.get(product.pk)
    if minutes is None:
        raise_for(Finding(SlotProblem.NOT_OFFERED), spec=spec, now=now)
    slot = Slot(start, start + dt.timedelta(minutes=minutes), agenda.pk, product.pk)
    taken = occupancy_between([agenda.pk], slot.start, slot.end)[agenda.pk]
    problem = slot_problem(spec, slot, taken, now, mode=Mode(chosen_mode))
    if problem is not None:
        raise_for(Finding(problem), spec=spec, now=now)
    clashes = overlap_guard(resident, [(slot.start, slot.end)], confirmed=confirm_overlap)
    fields = {
        "agenda": agenda,
        "product": product,
        "mode": chosen_mode,
        "start": slot.start,
        "end": slot.end,
        "question": question,
        "resident": resident,
        "note": note.strip()[:300],
        "meeting_url": meeting_url_new() if chosen_mode == ModeChoice.VIDEO else "",
        "booked_by": by,
    }
    try:
        appointment = appointment_insert(idempotency_key=key, **fields)
    except IntegrityError:  # the same key, committed meanwhile for another agenda
        existing = Appointment.objects.filter(idempotency_key=key).first() if key else None
        if existing is None:
            raise
        return _same_single(existing, agenda, product, start)
    record(appointment, EventKind.BOOKED, actor, by)
    overlap_record([appointment], clashes, actor, by)
    resolve_question(appointment, by)
    confirmation_queue(appointment=appointment)
    uuid, agenda_code = str(appointment.uuid), agenda.code
    transaction.on_commit(lambda: log.info("appointment_booked", appointment=uuid, agenda=agenda_code))
    return appointment


def _same_arrangement(existing: Arrangement, parts: Sequence[PartChoice]) -> Arrangement:
    booked = set(existing.appointments.values_list("agenda_id", "product_id", "start"))
    if booked != {(p.agenda.pk, p.product.pk, utc(p.start)) for p in parts}:
        raise InvalidInput(_("Deze aanvraagsleutel is al gebruikt voor een andere afspraak."), field="idempotency_key")
    return existing


def _question_order(question: Question | None) -> tuple[int, int]:
    return (question.case_id, question.pk) if question is not None else (0, 0)


def _checked_parts(kind: str, parts: Sequence[PartChoice]) -> CombinationKind:
    if kind not in ArrangementKind.values:
        raise InvalidInput(_("Kies na elkaar of samen tegelijk."), field="kind")
    if len(parts) < 2:
        raise InvalidInput(_("Een combinatieafspraak heeft minstens twee afspraken."), field="parts")
    most = current_parameters().max_parts
    if len(parts) > most:
        raise InvalidInput(
            _("Een combinatieafspraak heeft hoogstens %(count)s afspraken.") % {"count": most}, field="parts"
        )
    questions = [part.question.pk for part in parts if part.question is not None]
    if len(questions) != len(set(questions)):
        raise InvalidInput(_("Kies voor elke afspraak in de combinatie een andere vraag."), field="parts")
    for index, part in enumerate(parts):
        checked_question(part.question, part.agenda, part.product, field=f"parts[{index}].")
    return CombinationKind(kind)


@transaction.atomic
def arrangement_book(
    *,
    kind: str,
    mode: str,
    parts: Sequence[PartChoice],
    actor: Actor,
    resident: Resident | None = None,
    idempotency_key: str | None = None,
    note: str = "",
    confirm_overlap: bool = False,
) -> Arrangement:
    """Book a combination: every part or none. The parties of a joint video appointment share
    one link; consecutive video appointments each get their own."""
    key, chosen_mode, by = checked_key(idempotency_key), checked_mode(mode), actor_user(actor)
    if key and (existing := Arrangement.objects.filter(idempotency_key=key).first()):
        return _same_arrangement(existing, parts)
    combination = _checked_parts(kind, parts)
    resident = resident_of([p.question for p in parts], resident)
    agendas, specs = lock_agendas(p.agenda.pk for p in parts)
    if key and (existing := Arrangement.objects.filter(idempotency_key=key).first()):
        return _same_arrangement(existing, parts)
    lock_resident(resident)
    # Cases in primary-key order, like the agendas: two combinations never wait in a circle.
    ordered = sorted(range(len(parts)), key=lambda i: _question_order(parts[i].question))
    claimed = {i: question_claim(parts[i].question, field=f"parts[{i}].question") for i in ordered}
    now, parameters = timezone.now(), current_parameters()
    option = option_of_parts(combination, Mode(chosen_mode), parts, specs)
    taken = occupancy_between(list(agendas), option.start, option.end)
    finding = option_finding(option, specs, taken, now, dt.timedelta(minutes=parameters.max_gap_minutes))
    if finding is not None:
        spec = specs[option.slots[finding.part].agenda] if finding.part is not None else None
        raise_for(finding, spec=spec, now=now, gap_minutes=parameters.max_gap_minutes)
    clashes = overlap_guard(resident, [(slot.start, slot.end) for slot in option.slots], confirmed=confirm_overlap)
    shared_link = chosen_mode == ModeChoice.VIDEO and combination == CombinationKind.JOINT
    try:
        with transaction.atomic():
            arrangement = Arrangement.objects.create(
                kind=combination.value,
                mode=chosen_mode,
                idempotency_key=key,
                created_by=by,
                meeting_url=meeting_url_new() if shared_link else "",
            )
    except IntegrityError:
        existing = Arrangement.objects.filter(idempotency_key=key).first() if key else None
        if existing is None:
            raise
        return _same_arrangement(existing, parts)
    booked = []
    for index, (part, slot) in enumerate(zip(parts, option.slots, strict=True)):
        appointment = appointment_insert(
            field=f"parts[{index}].question",
            agenda=agendas[slot.agenda],
            product=part.product,
            mode=chosen_mode,
            start=slot.start,
            end=slot.end,
            question=claimed[index],
            resident=resident,
            arrangement=arrangement,
            note=note.strip()[:300],
            meeting_url=arrangement.meeting_url or (meeting_url_new() if chosen_mode == ModeChoice.VIDEO else ""),
            booked_by=by,
        )
        record(appointment, EventKind.BOOKED, actor, by)
        resolve_question(appointment, by)
        booked.append(appointment)
    overlap_record(booked, clashes, actor, by)
    confirmation_queue(arrangement=arrangement)
    uuid = str(arrangement.uuid)
    transaction.on_commit(lambda: log.info("arrangement_booked", arrangement=uuid, parts=len(parts)))
    return arrangement

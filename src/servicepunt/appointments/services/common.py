"""Shared steps of the booking services: locking agendas in a stable order, reading their rules
and bookings under that lock, and linking the question (the closing rule)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from servicepunt.appointments.choices import ActorKind, AppointmentStatus, EventKind, ModeChoice
from servicepunt.appointments.engine import UTC, AgendaSpec, CombinationKind, Mode, Occupancy, Option, Slot
from servicepunt.appointments.models import Agenda, Appointment, AppointmentEvent
from servicepunt.appointments.services.actors import Actor
from servicepunt.appointments.services.problems import question_already_booked
from servicepunt.appointments.specs import booked_spans, load_agendas
from servicepunt.cases.closing import Resolution
from servicepunt.cases.services import question_lock_for_booking, question_resolve
from servicepunt.core.errors import InvalidInput, NotFound

if TYPE_CHECKING:
    from servicepunt.accounts.models import User
    from servicepunt.cases.models import Question, Resident
    from servicepunt.catalogue.models import Product

IDEMPOTENCY_KEY_LENGTH = 100


@dataclass(frozen=True)
class PartChoice:
    """One part of a combination as chosen from a proposed option."""

    agenda: Agenda
    product: Product
    start: dt.datetime
    question: Question | None = None


def lock_agendas(ids: Iterable[int]) -> tuple[dict[int, Agenda], dict[int, AgendaSpec]]:
    """Lock the agenda rows in primary-key order (so two bookers never wait for each other in a
    circle), then read them with their rules. Every booking and move passes here, so the capacity
    check that follows sees every booking committed before it got the lock."""
    wanted = sorted(set(ids))
    locked = list(Agenda.objects.select_for_update().filter(pk__in=wanted).order_by("pk").values_list("pk", flat=True))
    if len(locked) != len(wanted):
        raise NotFound(_("Deze agenda bestaat niet (meer)."), field="agenda")
    agendas, specs = load_agendas(Agenda.objects.filter(pk__in=wanted))
    if any(not agenda.active for agenda in agendas.values()):
        raise InvalidInput(_("Deze agenda is niet meer in gebruik. Kies een andere agenda."), field="agenda")
    return agendas, {spec.id: spec for spec in specs}


def occupancy_between(
    agenda_ids: Collection[int], start: dt.datetime, end: dt.datetime, *, exclude: Collection[int] = ()
) -> dict[int, Occupancy]:
    spans = booked_spans(agenda_ids, start, end, exclude=exclude)
    return {pk: Occupancy(spans[pk]) for pk in agenda_ids}


def utc(moment: dt.datetime) -> dt.datetime:
    """A start as given by a form or the API; a time without zone is Amsterdam time."""
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment.astimezone(UTC)


def checked_mode(mode: str) -> ModeChoice:
    if mode not in ModeChoice.values:
        raise InvalidInput(_("Kies op locatie, telefoon of videobellen."), field="mode")
    return ModeChoice(mode)


def checked_key(key: str | None) -> str | None:
    if key is None or not key.strip():
        return None
    if len(key.strip()) > IDEMPOTENCY_KEY_LENGTH:
        raise InvalidInput(_("De aanvraagsleutel is te lang."), field="idempotency_key")
    return key.strip()


def checked_question(question: Question | None, agenda: Agenda, product: Product, field: str = "") -> None:
    """The closing rule counts a booked first appointment at an entry point that offers the
    product: check that before the booking resolves the question."""
    if question is None:
        return
    if question.product_id is not None and question.product_id != product.pk:
        raise InvalidInput(
            _("Deze vraag gaat over een ander product. Kies het product van de vraag."), field=f"{field}product"
        )
    if not product.entry_points.filter(pk=agenda.entry_point_id).exists():
        raise InvalidInput(
            _("Het loket van deze agenda biedt dit product niet aan. Kies een andere agenda."), field=f"{field}agenda"
        )


def question_claim(question: Question | None, field: str = "question") -> Question | None:
    """The question, locked through the cases context and checked again under the lock: still
    bookable (not answered or declined, case open) and without an active appointment. Call it
    after lock_agendas, so the lock order stays agendas, then case, then question."""
    if question is None:
        return None
    locked = question_lock_for_booking(question=question)
    question_free_check(locked, field=field)
    return locked


def question_free_check(question: Question, *, field: str = "question") -> None:
    """Refuse a question that has an active appointment already, naming when and where."""
    active = Appointment.objects.filter(question=question, status=AppointmentStatus.BOOKED).select_related("agenda")
    if current := active.first():
        raise question_already_booked(current.start, current.agenda.name, field=field)


def appointment_insert(*, field: str = "question", **fields: Any) -> Appointment:
    """Insert one appointment. Should the one-active-appointment index refuse it anyway (a writer
    that skipped question_claim), the answer is the same refusal, not a server error."""
    try:
        with transaction.atomic():
            return Appointment.objects.create(**fields)
    except IntegrityError:
        key = fields.get("idempotency_key")
        if key and Appointment.objects.filter(idempotency_key=key).exists():
            raise  # the same request, committed meanwhile: the caller answers with that booking
        question = fields.get("question")
        active = Appointment.objects.filter(question=question, status=AppointmentStatus.BOOKED)
        current = active.select_related("agenda").first() if question is not None else None
        if current is None:
            raise
        raise question_already_booked(current.start, current.agenda.name, field=field) from None


def resident_of(questions: Iterable[Question | None], resident: Resident | None) -> Resident | None:
    residents = {q.case.resident_id for q in questions if q is not None}
    if resident is not None:
        residents.add(resident.pk)
    if len(residents) > 1:
        raise InvalidInput(_("Alle afspraken moeten voor dezelfde inwoner zijn."), field="question")
    if resident is not None:
        return resident
    # All questions are of one resident (checked above): the first one's case names them.
    return next((q.case.resident for q in questions if q is not None), None)


def resolve_question(appointment: Appointment, by: User) -> None:
    question = appointment.question
    if question is None or question.resolution == Resolution.BOOKED:
        return
    when = timezone.localtime(appointment.start)
    detail = _("afspraak op %(day)s om %(time)s bij %(agenda)s") % {
        "day": f"{when:%d-%m-%Y}",
        "time": f"{when:%H:%M}",
        "agenda": appointment.agenda.name,
    }
    question_resolve(question=question, resolution=Resolution.BOOKED, by=by, detail=detail)


def record(
    appointment: Appointment,
    kind: EventKind,
    actor: Actor,
    by: User,
    *,
    reason: str = "",
    previous: Appointment | None = None,
) -> AppointmentEvent:
    return AppointmentEvent.objects.create(
        appointment=appointment,
        kind=kind,
        actor_kind=ActorKind(actor.kind),
        by=by,
        actor_description=actor.description[:200],
        previous_start=previous.start if previous else None,
        previous_end=previous.end if previous else None,
        previous_agenda_id=previous.agenda_id if previous else None,
        start=appointment.start,
        end=appointment.end,
        reason=reason[:300],
    )


def option_of_parts(
    kind: CombinationKind, mode: Mode, parts: Sequence[PartChoice], specs: dict[int, AgendaSpec]
) -> Option:
    """The chosen parts as an engine option: each part lasts as long as its product takes at its
    agenda; together (joint) as long as the longest part. A product the agenda does not offer
    gets no length here and is refused by the check."""
    known = [specs[part.agenda.pk].durations.get(part.product.pk, 0) for part in parts]
    if kind == CombinationKind.JOINT:
        known = [max(known)] * len(known)
    slots = [
        Slot(utc(part.start), utc(part.start) + dt.timedelta(minutes=minutes), part.agenda.pk, part.product.pk)
        for part, minutes in zip(parts, known, strict=True)
    ]
    return Option.of(kind, mode, slots)

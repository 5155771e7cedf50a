"""Reads of the appointments context: the earliest free slots for a product, combination
options, and the appointments of a question or case.

Searches read bookings in growing chunks of days (2, 4, 8, … days, from now on) and stop as soon
as enough slots are found, so the common case (free time within days) reads little."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from servicepunt.appointments.choices import (
    AppointmentStatus,
    ModeChoice,
    NotificationChannel,
    NotificationKind,
    NotificationStatus,
)
from servicepunt.appointments.engine import (
    AMSTERDAM,
    AgendaSpec,
    CombinationKind,
    CombinationRequest,
    Mode,
    Option,
    Slot,
    Span,
    Window,
    combination_options,
    free_slots,
)
from servicepunt.appointments.models import Agenda, AgendaProduct, Appointment, AppointmentEvent, Notification
from servicepunt.appointments.specs import booked_spans, building_key, current_parameters, day_bounds, load_agendas
from servicepunt.core.errors import InvalidInput

if TYPE_CHECKING:
    from servicepunt.accounts.models import User
    from servicepunt.cases.models import Case, Question, Resident
    from servicepunt.catalogue.models import Location, Product

FIRST_CHUNK_DAYS = 2  # today (often half over) and tomorrow
LARGEST_CHUNK_DAYS = 28


@dataclass(frozen=True)
class FreeSlot:
    agenda: Agenda
    product: Product
    start: dt.datetime
    end: dt.datetime
    modes: tuple[str, ...]  # the ways this slot can be held (the agenda's, or the one asked for)


@dataclass(frozen=True)
class CombinationOption:
    kind: str
    mode: str
    start: dt.datetime
    end: dt.datetime
    parts: tuple[FreeSlot, ...]  # consecutive: in time order; joint: all at the same time


def _chunks(first_day: dt.date, last_day: dt.date) -> Iterator[tuple[dt.date, dt.date]]:
    size, day = FIRST_CHUNK_DAYS, first_day
    while day <= last_day:
        end = min(day + dt.timedelta(days=size - 1), last_day)
        yield day, end
        day, size = end + dt.timedelta(days=1), min(size * 2, LARGEST_CHUNK_DAYS)


def _bookings(specs: Sequence[AgendaSpec], first: dt.date, last: dt.date, now: dt.datetime) -> dict[int, list[Span]]:
    """What is booked on these days; nothing that ended before now matters."""
    start, end = day_bounds(first, last)
    return booked_spans([s.id for s in specs], max(start, now), end)


def _mode(mode: str | None) -> Mode | None:
    if mode is None or mode == "":
        return None
    if mode not in ModeChoice.values:
        raise InvalidInput(_("Kies op locatie, telefoon of videobellen."), field="mode")
    return Mode(mode)


def _range(
    specs: Sequence[AgendaSpec], first_day: dt.date | None, last_day: dt.date | None, now: dt.datetime
) -> Window:
    today = now.astimezone(AMSTERDAM).date()
    furthest = today + dt.timedelta(days=max((s.horizon_days for s in specs), default=0))
    first, last = max(first_day or today, today), min(last_day or furthest, furthest)
    return Window(now=now, first_day=first, last_day=last)


def _search_agendas(products: Sequence[Product], mode: Mode | None) -> tuple[dict[int, Agenda], list[AgendaSpec]]:
    offering = AgendaProduct.objects.filter(product__in=products).values("agenda_id")
    agendas = Agenda.objects.filter(active=True, entry_point__active=True, pk__in=offering)
    if mode is not None:
        agendas = agendas.filter(**{"in_person" if mode == Mode.IN_PERSON else mode.value: True})
    return load_agendas(agendas)


def _modes(agenda: Agenda, mode: Mode | None) -> tuple[str, ...]:
    return (mode.value,) if mode is not None else tuple(sorted(m.value for m in agenda.modes))


def _view(slot: Slot, agendas: dict[int, Agenda], products: dict[int, Product], mode: Mode | None) -> FreeSlot:
    agenda = agendas[slot.agenda]
    return FreeSlot(agenda, products[slot.product], slot.start, slot.end, _modes(agenda, mode))


def slot_search(
    *,
    product: Product,
    mode: str | None = None,
    location: Location | None = None,
    first_day: dt.date | None = None,
    last_day: dt.date | None = None,
    limit: int | None = None,
    now: dt.datetime | None = None,
) -> list[FreeSlot]:
    """The earliest free slots for `product` at every agenda that offers it, optionally only in
    one way (in person, phone, video), in the building of `location`, between two dates."""
    chosen_mode, now = _mode(mode), now or timezone.now()
    limit = limit or current_parameters().search_limit
    by_id, specs = _search_agendas([product], chosen_mode)
    if location is not None:
        wanted = building_key(location)
        specs = [spec for spec in specs if spec.building is not None and spec.building == wanted]
    window, found = _range(specs, first_day, last_day, now), list[Slot]()
    for first, last in _chunks(window.first_day, window.last_day):
        bookings = _bookings(specs, first, last, now)
        chunk = Window(now, first, last)
        found += free_slots(specs, product.pk, bookings, chunk, mode=chosen_mode, limit=limit - len(found))
        if len(found) >= limit:
            break
    return [_view(slot, by_id, {product.pk: product}, chosen_mode) for slot in found[:limit]]


def combination_search(
    *,
    products: Sequence[Product],
    kind: str,
    mode: str | None = None,
    first_day: dt.date | None = None,
    last_day: dt.date | None = None,
    limit: int | None = None,
    max_gap_minutes: int | None = None,
    now: dt.datetime | None = None,
) -> list[CombinationOption]:
    """The earliest options to see the organisations of `products` one after the other in one
    building (consecutive, in person unless another mode is asked) or all at the same time
    (joint, by video unless another mode is asked). `max_gap_minutes` can ask for a shorter wait
    between consecutive parts, never a longer one than the parameter the booking enforces."""
    parameters, now = current_parameters(), now or timezone.now()
    if kind not in {k.value for k in CombinationKind}:
        raise InvalidInput(_("Kies na elkaar of samen tegelijk."), field="kind")
    if len(products) < 2 or len({p.pk for p in products}) != len(products):
        raise InvalidInput(_("Kies minstens twee verschillende producten."), field="products")
    if len(products) > parameters.max_parts:
        raise InvalidInput(
            _("Een combinatieafspraak heeft hoogstens %(count)s afspraken.") % {"count": parameters.max_parts},
            field="products",
        )
    combination = CombinationKind(kind)
    default = Mode.IN_PERSON if combination == CombinationKind.CONSECUTIVE else Mode.VIDEO
    chosen_mode = _mode(mode) or default
    limit = limit or parameters.search_limit
    gap = parameters.max_gap_minutes if max_gap_minutes is None else min(max_gap_minutes, parameters.max_gap_minutes)
    request = CombinationRequest(combination, tuple(p.pk for p in products), chosen_mode, dt.timedelta(minutes=gap))
    by_id, specs = _search_agendas(products, chosen_mode)
    window, found = _range(specs, first_day, last_day, now), list[Option]()
    for first, last in _chunks(window.first_day, window.last_day):
        bookings = _bookings(specs, first, last, now)
        found += combination_options(request, specs, bookings, Window(now, first, last), limit=limit - len(found))
        if len(found) >= limit:
            break
    by_product = {p.pk: p for p in products}
    return [
        CombinationOption(
            kind=option.kind.value,
            mode=option.mode.value,
            start=option.start,
            end=option.end,
            parts=tuple(_view(slot, by_id, by_product, chosen_mode) for slot in option.slots),
        )
        for option in found[:limit]
    ]


def _appointments() -> QuerySet[Appointment]:
    return Appointment.objects.select_related(
        "agenda__entry_point__organisation", "agenda__entry_point__location", "product", "arrangement"
    )


def appointments_for_question(*, question: Question, include_cancelled: bool = False) -> QuerySet[Appointment]:
    rows = _appointments().filter(question=question)
    return rows if include_cancelled else rows.filter(status=AppointmentStatus.BOOKED)


def appointments_for_case(*, case: Case, include_cancelled: bool = False) -> QuerySet[Appointment]:
    rows = _appointments().filter(question__case=case)
    return rows if include_cancelled else rows.filter(status=AppointmentStatus.BOOKED)


# Why a message was not sent, in the employee's words (the record keeps the code).
REASON_LABELS = {
    "no-address": gettext_lazy("geen e-mailadres of telefoonnummer bekend"),
    "no-resident": gettext_lazy("geen inwoner bij de afspraak"),
    "preference-letter": gettext_lazy("de inwoner wil post: geef of stuur de brief"),
    "preference-none": gettext_lazy("de inwoner wil geen berichten"),
    "cancelled": gettext_lazy("de afspraak was al geannuleerd"),
    "no-sms-provider": gettext_lazy("er is geen sms-dienst ingesteld"),
    "sms-logging-only": gettext_lazy("de sms-dienst verstuurt niets (alleen voor ontwikkeling)"),
}


@dataclass(frozen=True)
class MessageState:
    """One message to the resident as the employee sees it on the case page: what, how, where it
    stands and how often it was tried (one message may cover several parts of a combination)."""

    message: str
    kind: str
    kind_label: str
    channel: str
    channel_label: str
    status: str
    status_label: str
    attempts: int
    reason: str
    reason_label: str
    last_error: str
    at: dt.datetime
    sent_at: dt.datetime | None
    next_attempt_at: dt.datetime | None
    appointments: tuple[str, ...]  # public uuids of the appointments it is about


def messages_for_case(*, case: Case) -> list[MessageState]:
    """The messages about the appointments of this case, newest first: one query."""
    rows = (
        Notification.objects.filter(appointment__question__case=case)
        .select_related("appointment")
        .only(
            "message",
            "kind",
            "channel",
            "status",
            "attempts",
            "reason",
            "last_error",
            "at",
            "sent_at",
            "next_attempt_at",
            "appointment__uuid",
        )
        .order_by("-at", "-id")
    )
    grouped: dict[str, list[Notification]] = {}
    for row in rows:
        grouped.setdefault(str(row.message), []).append(row)
    states = []
    for message, group in grouped.items():
        first = group[0]
        states.append(
            MessageState(
                message=message,
                kind=first.kind,
                kind_label=str(NotificationKind(first.kind).label),
                channel=first.channel,
                channel_label=str(NotificationChannel(first.channel).label),
                status=first.status,
                status_label=str(NotificationStatus(first.status).label),
                attempts=first.attempts,
                reason=first.reason,
                reason_label=str(REASON_LABELS.get(first.reason, first.reason)),
                last_error=first.last_error,
                at=first.at,
                sent_at=first.sent_at,
                next_attempt_at=first.next_attempt_at,
                appointments=tuple(str(row.appointment.uuid) for row in group),
            )
        )
    return states


def appointment_history(*, appointment: Appointment) -> QuerySet[AppointmentEvent]:
    return appointment.events.select_related("by", "previous_agenda").order_by("at", "id")


def agendas_manageable(*, user: User) -> QuerySet[Agenda]:
    """The agendas a user may manage: partner staff those of their own organisation, the
    Functioneel beheerder (no organisation) all of them; nobody without the permission."""
    if not user.is_authenticated or not user.has_perm("appointments.manage_agendas"):
        return Agenda.objects.none()
    organisation_id = getattr(user, "organisation_id", None)
    agendas = Agenda.objects.select_related("entry_point__organisation")
    return agendas.filter(entry_point__organisation_id=organisation_id) if organisation_id else agendas.all()


def appointment_figures(*, since: dt.datetime) -> dict[str, int]:
    """Counts for the team leads' figures (`reporting`): appointments booked since `since` that
    stand or were cancelled, and the combination appointments among them."""
    booked = Appointment.objects.filter(booked_at__gte=since)
    return {
        "appointments_booked": booked.filter(status=AppointmentStatus.BOOKED).count(),
        "appointments_cancelled": booked.filter(status=AppointmentStatus.CANCELLED).count(),
        "combinations": booked.filter(arrangement__isnull=False).values("arrangement").distinct().count(),
    }


def appointments_record(resident: Resident) -> dict[str, list[dict[str, object]]]:
    """This resident's appointments and the messages sent about them (AVG art. 15)."""
    appointments = list(
        Appointment.objects.filter(resident=resident).select_related("product", "agenda").order_by("start")
    )
    return {
        "appointments": [
            {
                "uuid": str(a.uuid),
                "product": a.product.code,
                "agenda": a.agenda.name,
                "start": a.start.isoformat(),
                "end": a.end.isoformat(),
                "status": a.status,
                "mode": a.mode,
                "note": a.note,
                "booked_at": a.booked_at.isoformat(),
            }
            for a in appointments
        ],
        "notifications": [
            {
                "appointment": str(n.appointment.uuid),
                "kind": n.kind,
                "channel": n.channel,
                "status": n.status,
                "at": n.at.isoformat(),
                "sent_at": n.sent_at.isoformat() if n.sent_at else None,
            }
            for n in Notification.objects.filter(appointment__in=appointments)
            .select_related("appointment")
            .order_by("at")
        ],
    }


def agendas_any() -> QuerySet[Agenda]:
    """Every agenda, for a form's choice (lazy): the booking itself checks what may be booked."""
    return Agenda.objects.all()


def appointment_of_case(*, case: Case, uuid: object) -> Appointment:
    """One appointment for a question of this case by its public id; another case's is not found (404)."""
    return get_object_or_404(Appointment, question__case=case, uuid=uuid)


def single_appointment_of_question(*, question: Question, uuid: object) -> Appointment:
    """One appointment of this question by its public id that is not part of a combination (a
    combination is moved as a whole); anything else is not found (404)."""
    return get_object_or_404(Appointment, question=question, uuid=uuid, arrangement__isnull=True)

"""From agenda rows to the engine's AgendaSpec, with the dated defaults filled in, and the
booked spans of agendas in a period."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from typing import TYPE_CHECKING, Any

from django.db.models import FloatField, Func, QuerySet
from django.utils import timezone

from servicepunt.appointments.choices import AppointmentStatus, ExceptionKind, GoodFridayChoice
from servicepunt.appointments.engine import (
    AMSTERDAM,
    UTC,
    AgendaSpec,
    AppointmentParameters,
    DayException,
    HolidayRules,
    LiberationDay,
    Span,
    WeeklyHours,
    parameters_at,
)
from servicepunt.appointments.engine.calendar import moment
from servicepunt.appointments.models import Agenda, AgendaException, AgendaHours, AgendaProduct, Appointment

if TYPE_CHECKING:
    from servicepunt.catalogue.models import Location

AGENDA_RELATED = ("entry_point__location", "entry_point__organisation")


def local_today() -> dt.date:
    return timezone.now().astimezone(AMSTERDAM).date()


def current_parameters() -> AppointmentParameters:
    return parameters_at(local_today())


def building_key(location: Location | None) -> str | None:
    """Agendas in one building can be combined one after the other. Locations belong to one
    organisation, so the same building is recognised by its address (postcode and house number),
    or else by the location code the catalogue uses for it."""
    if location is None:
        return None
    postcode = location.postcode.replace(" ", "").upper()
    if postcode and location.house_number.strip():
        return f"{postcode}-{location.house_number.strip().lower()}"
    return f"locatie:{location.code}"


def agenda_building(agenda: Agenda) -> str | None:
    return agenda.building.strip() or building_key(agenda.entry_point.location)


def _holiday_rules(agenda: Agenda, defaults: HolidayRules) -> HolidayRules:
    liberation = LiberationDay(agenda.liberation_day) if agenda.liberation_day else defaults.liberation_day
    good_friday = (agenda.good_friday == GoodFridayChoice.CLOSED) if agenda.good_friday else defaults.good_friday_closed
    return HolidayRules(liberation_day=liberation, good_friday_closed=good_friday)


def _default(value: int | None, fallback: int) -> int:
    return fallback if value is None else value


def load_agendas(agendas: QuerySet[Agenda]) -> tuple[dict[int, Agenda], list[AgendaSpec]]:
    """The agendas (with entry point, location and organisation) and their engine specs, in
    primary-key order, in four light queries whatever the number of agendas."""
    rows = {agenda.pk: agenda for agenda in agendas.select_related(*AGENDA_RELATED).order_by("pk")}
    durations: dict[int, dict[int, int]] = {pk: {} for pk in rows}
    for agenda_id, product_id, minutes in AgendaProduct.objects.filter(agenda_id__in=rows).values_list(
        "agenda_id", "product_id", "duration_minutes"
    ):
        durations[agenda_id][product_id] = minutes
    weekly: dict[int, list[WeeklyHours]] = {pk: [] for pk in rows}
    for agenda_id, weekday, opens, closes in AgendaHours.objects.filter(agenda_id__in=rows).values_list(
        "agenda_id", "weekday", "opens", "closes"
    ):
        weekly[agenda_id].append(WeeklyHours(weekday, opens, closes))
    exceptions: dict[int, list[DayException]] = {pk: [] for pk in rows}
    recent = AgendaException.objects.filter(agenda_id__in=rows, date__gte=local_today() - dt.timedelta(days=1))
    for agenda_id, day, kind, begins, ends in recent.values_list("agenda_id", "date", "kind", "opens", "closes"):
        exceptions[agenda_id].append(DayException(day, kind == ExceptionKind.CLOSED, begins, ends))
    parameters = current_parameters()
    specs = [
        AgendaSpec(
            id=pk,
            desks=agenda.desks,
            durations=durations[pk],
            weekly=tuple(weekly[pk]),
            exceptions=tuple(exceptions[pk]),
            modes=agenda.modes,
            step_minutes=_default(agenda.slot_step_minutes, parameters.slot_step_minutes),
            lead_minutes=_default(agenda.lead_time_minutes, parameters.lead_time_minutes),
            horizon_days=_default(agenda.horizon_days, parameters.horizon_days),
            holidays=_holiday_rules(agenda, parameters.holidays),
            building=agenda_building(agenda),
        )
        for pk, agenda in rows.items()
    ]
    return rows, specs


class EpochSeconds(Func):
    """A moment as seconds since 1970, as a float. Reading floats is several times faster than
    parsing timestamps, which counts when a search reads weeks of bookings."""

    output_field = FloatField()
    template = "EXTRACT(EPOCH FROM %(expressions)s)::float8"

    def as_sqlite(self, compiler: Any, connection: Any, **extra_context: Any) -> Any:
        template = "((julianday(%(expressions)s) - 2440587.5) * 86400.0)"
        return self.as_sql(compiler, connection, template=template, **extra_context)


def _moment(seconds: float) -> dt.datetime:
    return dt.datetime.fromtimestamp(round(seconds, 3), UTC)  # SQLite's julianday is exact to ~10 µs


def booked_spans(
    agenda_ids: Collection[int], start: dt.datetime, end: dt.datetime, *, exclude: Collection[int] = ()
) -> dict[int, list[Span]]:
    """The booked (not cancelled) appointments of the agendas that run at some moment in [start, end)."""
    rows = Appointment.objects.filter(
        agenda_id__in=agenda_ids, status=AppointmentStatus.BOOKED, start__lt=end, end__gt=start
    )
    if exclude:
        rows = rows.exclude(pk__in=exclude)
    spans: dict[int, list[Span]] = {agenda_id: [] for agenda_id in agenda_ids}
    moments = rows.annotate(begins=EpochSeconds("start"), ends=EpochSeconds("end"))
    for agenda_id, begins, ends in moments.values_list("agenda_id", "begins", "ends"):
        spans[agenda_id].append((_moment(begins), _moment(ends)))
    return spans


def day_bounds(first_day: dt.date, last_day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """From the start of `first_day` to the end of `last_day`, Amsterdam time, in UTC."""
    return moment(first_day, dt.time(0)), moment(last_day + dt.timedelta(days=1), dt.time(0))

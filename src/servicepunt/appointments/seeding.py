"""Writing example agendas (products, weekly hours, exceptions) from plain values, for the demo
data and the benchmarks only.

Why a path next to the admin: the demo loads its agendas from a file at every start of
`make run`, without a user in the admin; this creates or replaces them by their code in one go,
in the caller's transaction. For example data only: real agendas are kept in the admin.

The rules stay here, the ones the admin applies: an agenda offers at least one mode and only
products its entry point offers (as `AgendaProductFormSet`), hours close after they open, an
exception is closed (the whole day or from–to) or extra hours; each row is `full_clean`ed and a
refusal is an `InvalidInput` naming the agenda. Entry points and products are named by primary
key; the result gives the agendas' primary keys in the order of the batch.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models

from servicepunt.appointments.choices import ExceptionKind, ModeChoice
from servicepunt.appointments.models import Agenda, AgendaException, AgendaHours, AgendaProduct
from servicepunt.catalogue.selectors import entry_points_offering
from servicepunt.core.errors import InvalidInput


@dataclass(frozen=True, slots=True)
class OfferSeed:
    product_id: int
    duration_minutes: int


@dataclass(frozen=True, slots=True)
class HoursSeed:
    weekday: int  # 0 = Monday
    opens: dt.time
    closes: dt.time  # 00:00 is midnight, the end of the day


@dataclass(frozen=True, slots=True)
class ExceptionSeed:
    date: dt.date
    kind: str = ExceptionKind.CLOSED
    opens: dt.time | None = None
    closes: dt.time | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class AgendaSeed:
    code: str
    name: str
    entry_point_id: int
    modes: frozenset[str]
    desks: int = 1
    liberation_day: str = ""
    good_friday: str = ""
    offers: tuple[OfferSeed, ...] = ()
    hours: tuple[HoursSeed, ...] = ()
    exceptions: tuple[ExceptionSeed, ...] = ()


def _checked(row: models.Model, code: str) -> None:
    try:
        row.full_clean(validate_unique=False)
    except ValidationError as error:
        raise InvalidInput(f"agenda {code}: {'; '.join(error.messages)}", field="agenda") from error


def _agenda(seed: AgendaSeed, offered: dict[int, set[int]]) -> Agenda:
    agenda = Agenda.objects.filter(code=seed.code).first() or Agenda(code=seed.code)
    agenda.name, agenda.entry_point_id, agenda.desks = seed.name, seed.entry_point_id, seed.desks
    agenda.in_person = ModeChoice.IN_PERSON in seed.modes
    agenda.phone = ModeChoice.PHONE in seed.modes
    agenda.video = ModeChoice.VIDEO in seed.modes
    agenda.liberation_day, agenda.good_friday, agenda.active = seed.liberation_day, seed.good_friday, True
    _checked(agenda, seed.code)
    agenda.save()
    agenda.offers.all().delete()
    agenda.hours.all().delete()
    agenda.exceptions.all().delete()
    offers = []
    for offer in seed.offers:
        if seed.entry_point_id not in offered.get(offer.product_id, set()):
            raise InvalidInput(
                f"agenda {seed.code}: het loket van deze agenda biedt dit product niet aan.", field="products"
            )
        offers.append(
            AgendaProduct(agenda=agenda, product_id=offer.product_id, duration_minutes=offer.duration_minutes)
        )
    hours = [AgendaHours(agenda=agenda, weekday=h.weekday, opens=h.opens, closes=h.closes) for h in seed.hours]
    exceptions = [
        AgendaException(agenda=agenda, date=e.date, kind=e.kind, opens=e.opens, closes=e.closes, note=e.note)
        for e in seed.exceptions
    ]
    for row in (*offers, *hours, *exceptions):
        _checked(row, seed.code)
    AgendaProduct.objects.bulk_create(offers)
    AgendaHours.objects.bulk_create(hours)
    AgendaException.objects.bulk_create(exceptions)
    return agenda


def agendas_seed(batch: Sequence[AgendaSeed]) -> tuple[int, ...]:
    """Create the agendas of the batch, or replace the ones with the same code (their products,
    hours and exceptions too), in the caller's transaction."""
    offered = entry_points_offering({offer.product_id for seed in batch for offer in seed.offers})
    return tuple(_agenda(seed, offered).pk for seed in batch)

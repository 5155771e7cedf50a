"""Demo agendas from data/demo-agendas.yaml, for development and demos. Loading is idempotent:
an agenda is found by its code and its products, hours and exceptions are replaced."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml
from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from servicepunt.appointments.choices import ExceptionKind, GoodFridayChoice, LiberationDayChoice, ModeChoice
from servicepunt.appointments.models import Agenda, AgendaException, AgendaHours, AgendaProduct
from servicepunt.catalogue.selectors import entry_points_choosable, products_any
from servicepunt.core.errors import InvalidInput

DEMO_PATH = Path(__file__).resolve().parent / "data" / "demo-agendas.yaml"
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MIDNIGHT = "24:00"


def _fail(where: str, message: str) -> InvalidInput:
    return InvalidInput(f"{where}: {message}", field="demo-agendas.yaml")


def _interval(text: Any, where: str) -> tuple[dt.time, dt.time]:
    try:
        opens, closes = (part.strip() for part in str(text).split("-"))
        return dt.time.fromisoformat(opens), dt.time(0) if closes == MIDNIGHT else dt.time.fromisoformat(closes)
    except ValueError:
        raise _fail(where, f"'{text}' is geen tijdvak als 09:00-17:00") from None


def _choice(value: Any, allowed: list[str], where: str) -> str:
    text = "" if value is None else str(value)
    if text and text not in allowed:
        raise _fail(where, f"'{text}' moet een van {', '.join(allowed)} zijn")
    return text


def _agenda(block: Mapping[str, Any], where: str) -> Agenda:
    entry_point = entry_points_choosable().filter(code=block.get("entry_point")).first()
    if entry_point is None:
        raise _fail(where, f"loket '{block.get('entry_point')}' bestaat niet in de catalogus")
    modes = set(block.get("modes") or [])
    if not modes or not modes <= set(ModeChoice.values):
        raise _fail(where, f"modes moet uit {', '.join(ModeChoice.values)} komen")
    agenda, _created = Agenda.objects.update_or_create(
        code=block["code"],
        defaults={
            "name": block.get("name") or block["code"],
            "entry_point": entry_point,
            "desks": int(block.get("desks", 1)),
            "in_person": ModeChoice.IN_PERSON in modes,
            "phone": ModeChoice.PHONE in modes,
            "video": ModeChoice.VIDEO in modes,
            "liberation_day": _choice(block.get("liberation_day"), LiberationDayChoice.values, where),
            "good_friday": _choice(block.get("good_friday"), GoodFridayChoice.values, where),
            "active": True,
        },
    )
    agenda.full_clean()
    return agenda


def _rules(agenda: Agenda, block: Mapping[str, Any], where: str) -> None:
    agenda.offers.all().delete()
    agenda.hours.all().delete()
    agenda.exceptions.all().delete()
    for code, minutes in (block.get("products") or {}).items():
        product = products_any().filter(code=code).first()
        if product is None or not product.entry_points.filter(pk=agenda.entry_point_id).exists():
            raise _fail(where, f"product '{code}' bestaat niet of wordt niet aangeboden bij dit loket")
        AgendaProduct.objects.create(agenda=agenda, product=product, duration_minutes=int(minutes))
    for day, intervals in (block.get("hours") or {}).items():
        if day not in WEEKDAYS:
            raise _fail(where, f"'{day}' is geen weekdag ({', '.join(WEEKDAYS)})")
        for text in intervals:
            start, end = _interval(text, where)
            AgendaHours.objects.create(agenda=agenda, weekday=WEEKDAYS.index(day), opens=start, closes=end)
    for item in block.get("exceptions") or []:
        kind = _choice(item.get("kind"), ExceptionKind.values, where) or ExceptionKind.CLOSED
        opens: dt.time | None = None
        closes: dt.time | None = None
        if item.get("hours"):
            opens, closes = _interval(item["hours"], where)
        exception = AgendaException(
            agenda=agenda, date=item["date"], kind=kind, opens=opens, closes=closes, note=item.get("note", "")
        )
        exception.full_clean()
        exception.save()


@transaction.atomic
def agendas_load_demo(path: Path = DEMO_PATH) -> list[Agenda]:
    """Create or update the demo agendas. Needs the catalogue loaded first."""
    if not getattr(settings, "SERVICEPUNT_ALLOW_DEMO_DATA", False):
        raise InvalidInput(_("Demo-agenda's zijn uitgeschakeld in deze omgeving."), field="SERVICEPUNT_ALLOW_DEMO_DATA")
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    agendas = []
    for index, block in enumerate(raw.get("agendas") or []):
        where = f"{path.name}: agenda {block.get('code') or index + 1}"
        if not block.get("code"):
            raise _fail(where, "code ontbreekt")
        agenda = _agenda(block, where)
        _rules(agenda, block, where)
        agendas.append(agenda)
    return agendas

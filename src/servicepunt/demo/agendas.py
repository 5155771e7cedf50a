"""Demo agendas from data/demo-agendas.yaml, for development and demos. Loading is idempotent:
an agenda is found by its code and its products, hours and exceptions are replaced. This module
reads the file and names the catalogue's entry points and products; `appointments.seeding`
writes the agendas under the appointments' rules."""

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
from servicepunt.appointments.seeding import AgendaSeed, ExceptionSeed, HoursSeed, OfferSeed, agendas_seed
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


def _seed(block: Mapping[str, Any], where: str) -> AgendaSeed:
    entry_point = entry_points_choosable().filter(code=block.get("entry_point")).first()
    if entry_point is None:
        raise _fail(where, f"loket '{block.get('entry_point')}' bestaat niet in de catalogus")
    modes = set(block.get("modes") or [])
    if not modes or not modes <= set(ModeChoice.values):
        raise _fail(where, f"modes moet uit {', '.join(ModeChoice.values)} komen")
    offers = []
    for code, minutes in (block.get("products") or {}).items():
        product = products_any().filter(code=code).first()
        if product is None:
            raise _fail(where, f"product '{code}' bestaat niet of wordt niet aangeboden bij dit loket")
        offers.append(OfferSeed(product_id=product.pk, duration_minutes=int(minutes)))
    hours = []
    for day, intervals in (block.get("hours") or {}).items():
        if day not in WEEKDAYS:
            raise _fail(where, f"'{day}' is geen weekdag ({', '.join(WEEKDAYS)})")
        for text in intervals:
            start, end = _interval(text, where)
            hours.append(HoursSeed(weekday=WEEKDAYS.index(day), opens=start, closes=end))
    exceptions = []
    for item in block.get("exceptions") or []:
        kind = _choice(item.get("kind"), ExceptionKind.values, where) or ExceptionKind.CLOSED
        opens: dt.time | None = None
        closes: dt.time | None = None
        if item.get("hours"):
            opens, closes = _interval(item["hours"], where)
        exceptions.append(
            ExceptionSeed(date=item["date"], kind=kind, opens=opens, closes=closes, note=item.get("note", ""))
        )
    return AgendaSeed(
        code=block["code"],
        name=block.get("name") or block["code"],
        entry_point_id=entry_point.pk,
        modes=frozenset(modes),
        desks=int(block.get("desks", 1)),
        liberation_day=_choice(block.get("liberation_day"), LiberationDayChoice.values, where),
        good_friday=_choice(block.get("good_friday"), GoodFridayChoice.values, where),
        offers=tuple(offers),
        hours=tuple(hours),
        exceptions=tuple(exceptions),
    )


@transaction.atomic
def agendas_load_demo(path: Path = DEMO_PATH) -> list[int]:
    """Create or update the demo agendas (through `appointments.seeding`); their primary keys.
    Needs the catalogue loaded first."""
    if not getattr(settings, "SERVICEPUNT_ALLOW_DEMO_DATA", False):
        raise InvalidInput(_("Demo-agenda's zijn uitgeschakeld in deze omgeving."), field="SERVICEPUNT_ALLOW_DEMO_DATA")
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    agendas: list[int] = []
    for index, block in enumerate(raw.get("agendas") or []):
        where = f"{path.name}: agenda {block.get('code') or index + 1}"
        if not block.get("code"):
            raise _fail(where, "code ontbreekt")
        try:
            agendas += agendas_seed([_seed(block, where)])
        except InvalidInput as error:
            if error.field == "demo-agendas.yaml":
                raise
            raise _fail(path.name, error.message) from error
    return agendas

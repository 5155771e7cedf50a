"""The dated defaults of the appointments context (data/parameters.yaml), read with the dated
parameter loader of the infoflits engine: valid_from / valid_until and a source per value."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from servicepunt.appointments.engine.model import HolidayRules, LiberationDay
from servicepunt.infoflits.engine.parameters import ParameterError, Parameters

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "parameters.yaml"


@dataclass(frozen=True)
class AppointmentParameters:
    slot_step_minutes: int
    lead_time_minutes: int
    horizon_days: int
    max_gap_minutes: int
    max_parts: int
    search_limit: int
    holidays: HolidayRules
    provisional: frozenset[str]  # parameters with no period covering the date


@lru_cache(maxsize=4)
def _load(path: Path) -> Parameters:
    return Parameters.load(path)


def _positive(value: object, name: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ParameterError(f"parameter '{name}' must be a whole number, 0 or more")
    return value


@lru_cache(maxsize=64)
def parameters_at(day: dt.date, path: Path = DEFAULT_PATH) -> AppointmentParameters:
    view = _load(path).at(day)
    try:
        liberation_day = LiberationDay(view.get("holidays.liberation_day"))
    except ValueError:
        raise ParameterError("holidays.liberation_day must be every_year, lustrum or never") from None
    return AppointmentParameters(
        slot_step_minutes=_positive(view.get("agenda.slot_step_minutes"), "agenda.slot_step_minutes"),
        lead_time_minutes=_positive(view.get("agenda.lead_time_minutes"), "agenda.lead_time_minutes"),
        horizon_days=_positive(view.get("agenda.horizon_days"), "agenda.horizon_days"),
        max_gap_minutes=_positive(view.get("combination.max_gap_minutes"), "combination.max_gap_minutes"),
        max_parts=_positive(view.get("combination.max_parts"), "combination.max_parts"),
        search_limit=_positive(view.get("search.limit"), "search.limit"),
        holidays=HolidayRules(
            liberation_day=liberation_day, good_friday_closed=bool(view.get("holidays.good_friday_closed"))
        ),
        provisional=view.provisional,
    )

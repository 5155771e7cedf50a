"""The dated parameters of the video calls (data/parameters.yaml), read without Django: the value
of a parameter on a day is the one whose period holds that day."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import Any

import yaml

PARAMETERS_FILE = Path(__file__).resolve().parent / "data" / "parameters.yaml"


@cache
def _parameters(path: Path = PARAMETERS_FILE) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))["parameters"]
    return loaded


def parameter_at(name: str, day: dt.date, parameters: dict[str, Any] | None = None) -> Any:
    """The value of `name` valid on `day`; a day no period covers is an error, never a guess."""
    values = (parameters or _parameters())[name]["values"]
    for period in values:
        until = period.get("valid_until")
        if period["valid_from"] <= day and (until is None or day <= until):
            return period["value"]
    raise LookupError(f"{name} has no value on {day.isoformat()}")


def wait_threshold_seconds(day: dt.date) -> int:
    return int(parameter_at("fallback.wait_threshold_minutes", day)) * 60

"""Dated parameters: every figure a rule uses (norms, limits, ages) with valid_from / valid_until
and its source, so next year's figures are a data change in parameters.yaml.

A situation is judged with the values valid on its reference_date. For a date after the last
known period the latest value is used and the parameter is reported as provisional (the same
for a date before the first period), so the engine keeps answering while the data is updated.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

import yaml


class ParameterError(ValueError):
    """parameters.yaml is malformed, or a parameter a rule needs does not exist."""


@dataclass(frozen=True)
class DatedValue:
    valid_from: dt.date
    valid_until: dt.date | None
    value: Any
    source: str
    url: str | None = None
    note: str | None = None

    def covers(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)


@dataclass(frozen=True)
class Parameter:
    name: str
    description: str
    unit: str
    values: tuple[DatedValue, ...]  # sorted by valid_from, not overlapping

    def at(self, day: dt.date) -> tuple[DatedValue, bool]:
        """The value in force on `day`, and whether it is provisional (no period covers `day`)."""
        for value in self.values:
            if value.covers(day):
                return value, False
        if day < self.values[0].valid_from:
            return self.values[0], True
        return self.values[-1], True


class ParamView:
    """All parameter values in force on one date."""

    def __init__(self, day: dt.date, values: dict[str, Any], provisional: frozenset[str]) -> None:
        self.date, self._values, self.provisional = day, values, provisional

    def get(self, name: str) -> Any:
        try:
            return self._values[name]
        except KeyError:
            raise ParameterError(f"unknown parameter '{name}'") from None


class Parameters:
    def __init__(self, parameters: Mapping[str, Parameter]) -> None:
        self.parameters = dict(parameters)
        self._views: dict[dt.date, ParamView] = {}

    def __contains__(self, name: object) -> bool:
        return name in self.parameters

    def at(self, day: dt.date) -> ParamView:
        view = self._views.get(day)
        if view is None:
            values, provisional = {}, set()
            for name, parameter in self.parameters.items():
                value, stale = parameter.at(day)
                values[name] = value.value
                if stale:
                    provisional.add(name)
            view = ParamView(day, values, frozenset(provisional))
            if len(self._views) < 512:
                self._views[day] = view
        return view

    @classmethod
    def load(cls, path: Path) -> Parameters:
        try:
            raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as error:
            raise ParameterError(f"{path.name}: not valid YAML: {error}") from error
        if not isinstance(raw, Mapping) or not isinstance(raw.get("parameters"), Mapping):
            raise ParameterError(f"{path.name}: needs a top-level 'parameters' mapping")
        return cls({name: _parameter(path.name, str(name), spec) for name, spec in raw["parameters"].items()})


def _date(value: Any, where: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ParameterError(f"{where}: '{value}' is not a date (YYYY-MM-DD)") from None


def _parameter(file: str, name: str, spec: Any) -> Parameter:
    where = f"{file}: parameter '{name}'"
    if not isinstance(spec, Mapping):
        raise ParameterError(f"{where}: must be a mapping")
    for key in ("description", "unit", "values"):
        if key not in spec:
            raise ParameterError(f"{where}: missing '{key}'")
    values = []
    for index, item in enumerate(spec["values"] or []):
        at = f"{where} value {index + 1}"
        if not isinstance(item, Mapping) or "value" not in item or "valid_from" not in item:
            raise ParameterError(f"{at}: needs 'valid_from' and 'value'")
        if not item.get("source"):
            raise ParameterError(f"{at}: needs a 'source' (regulation or publication)")
        until = item.get("valid_until")
        value = DatedValue(
            _date(item["valid_from"], at),
            None if until is None else _date(until, at),
            item["value"],
            str(item["source"]),
            item.get("url"),
            item.get("note"),
        )
        if value.valid_until is not None and value.valid_until < value.valid_from:
            raise ParameterError(f"{at}: valid_until is before valid_from")
        values.append(value)
    if not values:
        raise ParameterError(f"{where}: has no values")
    values.sort(key=lambda v: v.valid_from)
    for before, after in pairwise(values):
        if before.valid_until is None or before.valid_until >= after.valid_from:
            raise ParameterError(f"{where}: periods from {before.valid_from} and {after.valid_from} overlap")
    shape = _shape(values[0].value)
    for value in values[1:]:
        if _shape(value.value) != shape:
            raise ParameterError(f"{where}: the value from {value.valid_from} has other keys than the first")
    return Parameter(name, str(spec["description"]), str(spec["unit"]), tuple(values))


def _shape(value: Any) -> Any:
    if isinstance(value, Mapping):
        return tuple(sorted((str(k), _shape(v)) for k, v in value.items()))
    return None

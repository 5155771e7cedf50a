"""Validate a situation against the project's copy of situation.schema.json.

The error names the field path, e.g. "person.age: -3 is less than the minimum of 0".
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError, best_match

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "data" / "situation.schema.json"


class SituationError(ValueError):
    """The situation does not match the schema; `path` is the dotted field path ('' for the root)."""

    def __init__(self, message: str, path: str = "") -> None:
        super().__init__(message)
        self.path = path


@cache
def _validator(schema_path: Path = SCHEMA_PATH) -> Draft202012Validator:
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    return Draft202012Validator(schema, format_checker=FormatChecker())


def _path(error: ValidationError) -> str:
    return ".".join(f"[{p}]" if isinstance(p, int) else str(p) for p in error.absolute_path).replace(".[", "[")


def validate_situation(situation: Any, schema_path: Path = SCHEMA_PATH) -> None:
    """Raise SituationError naming the first offending field, or return None when valid."""
    if not isinstance(situation, dict):
        raise SituationError("(situation): must be a JSON object")
    error = best_match(_validator(schema_path).iter_errors(situation))
    if error is None:
        return
    path = _path(error)
    if error.validator == "additionalProperties":
        allowed = set(error.schema.get("properties", {}))
        extra = sorted(k for k in error.instance if k not in allowed)
        name = f"{path}.{extra[0]}" if path and extra else (extra[0] if extra else path)
        raise SituationError(f"{name}: is not a known field", name)
    raise SituationError(f"{path or '(situation)'}: {error.message}", path)

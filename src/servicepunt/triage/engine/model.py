"""The triage engine's public value types."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


class EmptyQueryError(ValueError):
    """The resident's text is empty or only whitespace."""


@dataclass(frozen=True)
class ProductDoc:
    """What the index knows of one product."""

    code: str
    name: str  # Dutch official name
    name_en: str
    domains: tuple[str, ...]
    urgent: bool
    vocabulary: Mapping[str, tuple[str, ...]]  # language -> phrases residents use
    texts: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # language -> descriptions


@dataclass(frozen=True)
class Match:
    product: str
    score: float  # 0..1, rounded to 3 decimals
    why: str  # short Dutch explanation for the employee


@dataclass(frozen=True)
class TriageAnswer:
    language: str
    results: tuple[Match, ...]

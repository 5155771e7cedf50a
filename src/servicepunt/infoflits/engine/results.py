"""What suggest() answers: dataclasses whose to_dict() is the cli.md JSON shape."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Suggestion:
    product: str
    urgent: bool
    rule: str
    reason: str
    reason_en: str
    facts: Mapping[str, Any]
    ask: tuple[str, ...]
    asked: bool
    ask_en: tuple[str, ...] = ()
    legal_basis: Mapping[str, str] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "product": self.product,
            "urgent": self.urgent,
            "rule": self.rule,
            "reason": self.reason,
            "reason_en": self.reason_en,
            "facts": dict(self.facts),
            "ask": list(self.ask),
            "asked": self.asked,
        }


@dataclass(frozen=True)
class NotSuggested:
    product: str
    reason: str
    reason_en: str
    rule: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"product": self.product, "reason": self.reason, "reason_en": self.reason_en}


@dataclass(frozen=True)
class SuggestionResult:
    suggestions: tuple[Suggestion, ...]
    not_suggested: tuple[NotSuggested, ...]
    reference_date: str
    warnings: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        return {
            "suggestions": [s.to_dict() for s in self.suggestions],
            "not_suggested": [n.to_dict() for n in self.not_suggested],
        }

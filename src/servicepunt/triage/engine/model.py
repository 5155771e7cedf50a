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
class NeedDoc:
    """A need or situation residents describe ("mijn uitkering is gestopt") and the products it leads to."""

    code: str
    label: str  # Dutch, completes "… wijst op …" for the employee
    products: tuple[tuple[str, float], ...]  # product code and how strongly the need points to it (0..1]
    vocabulary: Mapping[str, tuple[str, ...]]  # language -> phrases residents use


@dataclass(frozen=True)
class Match:
    product: str
    score: float  # 0..1, rounded to 3 decimals
    why: str  # short Dutch explanation for the employee
    urgent: bool = False  # put first because the resident's words signal a risk to life or safety


@dataclass(frozen=True)
class Need:
    """One need found in the story: the counter screen turns each into a question."""

    need: str  # a need code, "safety:<signal>" for a risk to life or safety, or "product:<code>"
    label: str  # Dutch, for the employee
    products: tuple[str, ...]  # best first, as ranked in the results
    words: tuple[str, ...]  # the resident's words that led here
    urgent: bool = False


@dataclass(frozen=True)
class TriageAnswer:
    language: str
    results: tuple[Match, ...]
    needs: tuple[Need, ...] = ()
    notice: str = ""  # Dutch; why there are no results, or what part of the text was read

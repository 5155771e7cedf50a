"""Safety signals: words that signal a risk to life or safety, in any language, as data.

The signals (suicide risk, violence at home, child abuse, sexual abuse, forced marriage,
honour-related violence, nowhere to sleep tonight) and the urgent products they lead to are
defined in ``data/safety/signals.yaml``; the words are in one file per language
(``data/safety/<lang>.yaml``) as patterns (see :mod:`patterns`), with look-alikes as *guards*
and examples that run as tests.

Every language's patterns run on every text, whatever language the text seems to be in: a
resident mixes languages, and a wrong guess of the language must never hide a risk to life.
The whole text is read, however long: a hint at the end of a long story counts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from servicepunt.triage.engine.language import STOPWORD_LANGUAGES as COMMON_LANGUAGES
from servicepunt.triage.engine.language import stopwords
from servicepunt.triage.engine.patterns import PatternError, PatternSet, Span, loose, overlaps
from servicepunt.triage.engine.text import Token, tokenize

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "safety"
ALL = "all"
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class SignalDefinition:
    code: str
    label: str  # Dutch, completes "… wijst op …" for the employee
    products: tuple[str, ...]  # urgent products, the first one is offered first


@dataclass(frozen=True)
class SignalFound:
    code: str
    label: str
    products: tuple[str, ...]
    quotes: tuple[str, ...]  # the resident's words that signalled it
    spans: tuple[tuple[int, int], ...]  # token positions (first, last) of each quote


@dataclass(frozen=True)
class Example:
    language: str
    text: str
    signal: str  # a signal code, or "none" for a look-alike


class SafetyLexicon:
    """All signal patterns and guards of all languages, compiled once."""

    def __init__(self, definitions: Sequence[SignalDefinition]) -> None:
        self.definitions = {d.code: d for d in definitions}
        self.order = [d.code for d in definitions]
        common = frozenset(loose(word) for lang in COMMON_LANGUAGES for word in stopwords(lang))
        self.signals = PatternSet(common=common)
        self.guards = PatternSet(common=common)
        self.examples: list[Example] = []
        self.languages: list[str] = []

    def __getstate__(self) -> tuple[Any, ...]:
        # The examples are for the tests (read_lexicon); a loaded lexicon only detects.
        definitions = [(d.code, d.label, d.products) for d in self.definitions.values()]
        return (definitions, self.signals.__getstate__(), self.guards.__getstate__(), self.languages)

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        definitions, signals, guards, self.languages = state
        self.definitions = {
            code: SignalDefinition(code, label, tuple(products)) for code, label, products in definitions
        }
        self.order = list(self.definitions)
        self.signals, self.guards = PatternSet.__new__(PatternSet), PatternSet.__new__(PatternSet)
        self.signals.__setstate__(signals)
        self.guards.__setstate__(guards)
        self.examples = []

    def add_language(self, language: str, data: Mapping[str, Any], source: str = "") -> None:
        classes = {str(k): [str(w) for w in v] for k, v in (data.get("classes") or {}).items()}
        for code, patterns in (data.get("signals") or {}).items():
            if code not in self.definitions:
                raise PatternError(f"{source}: signaal '{code}' staat niet in signals.yaml")
            for pattern in patterns or []:
                self.signals.add(str(code), str(pattern), classes, source=f"{language}: {pattern}")
        for scope, patterns in (data.get("guards") or {}).items():
            if scope != ALL and scope not in self.definitions:
                raise PatternError(f"{source}: guards '{scope}' is geen signaal (of 'all')")
            for pattern in patterns or []:
                self.guards.add(str(scope), str(pattern), classes, source=f"{language}: {pattern}")
        for example in data.get("examples") or []:
            signal = str(example.get("signal", ""))
            if signal != "none" and signal not in self.definitions:
                raise PatternError(f"{source}: voorbeeld met onbekend signaal '{signal}'")
            self.examples.append(Example(language, str(example["text"]), signal))
        self.languages.append(language)

    def detect_tokens(self, text: str, tokens: Sequence[Token]) -> tuple[SignalFound, ...]:
        """The signals in the text, most serious first (the order of signals.yaml)."""
        spans = self.signals.match(tokens, every=True)  # a guarded place must not hide a real one
        if not spans:
            return ()
        guards = self.guards.match(tokens, every=True, widest=True)
        by_code: dict[str, list[Span]] = {}
        for span in spans:
            relevant = [g for g in guards if g.owner in (ALL, span.owner)]
            if not overlaps(span, relevant):
                by_code.setdefault(span.owner, []).append(span)
        found: list[SignalFound] = []
        for code in self.order:
            kept = _distinct(by_code.get(code, []))
            if not kept:
                continue
            definition = self.definitions[code]
            found.append(
                SignalFound(
                    code=code,
                    label=definition.label,
                    products=definition.products,
                    quotes=tuple(text[tokens[s.first].start : tokens[s.last].end] for s in kept),
                    spans=tuple((s.first, s.last) for s in kept),
                )
            )
        return tuple(found)

    def detect(self, text: str) -> tuple[SignalFound, ...]:
        return self.detect_tokens(text, tokenize(text))


def _distinct(spans: list[Span]) -> list[Span]:
    """Longest spans first, without spans inside spans already kept; at most three."""
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.first - s.last, s.first)):
        if not overlaps(span, kept):
            kept.append(span)
        if len(kept) == 3:
            break
    return sorted(kept, key=lambda s: s.first)


def _load(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_Loader) or {}  # noqa: S506 - _Loader is a SafeLoader


def read_lexicon(data_dir: Path = DATA_DIR) -> SafetyLexicon:
    """Compile signals.yaml and every language file beside it."""
    definitions = [
        SignalDefinition(str(s["code"]), str(s["label"]), tuple(str(p) for p in s["products"]))
        for s in _load(data_dir / "signals.yaml")["signals"]
    ]
    lexicon = SafetyLexicon(definitions)
    for path in sorted(data_dir.glob("*.yaml")):
        if path.name == "signals.yaml":
            continue
        data = _load(path)
        lexicon.add_language(str(data.get("language") or path.stem), data, source=path.name)
    return lexicon


@lru_cache(maxsize=1)
def default_lexicon() -> SafetyLexicon:
    return read_lexicon()

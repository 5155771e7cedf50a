"""Word patterns over a resident's text: the matching language of the safety signals and needs.

A pattern is a line of *slots* that must stand in this order. Gaps say how many other words
may stand between two slots: none by default, up to 3 with ``..`` and up to 8 with ``...``.
A slot is one alternative or several in braces, ``{wil|wilt|wou}``; ``{een|}`` (an empty
alternative) makes the slot optional. An alternative is one or more words, each

- ``word``: the word itself (spelling-tolerant: text and pattern are folded alike, so
  "zelfmoord", "Zelfmoord" and "zelfmord" meet);
- ``word*``: a word that begins with it ("zelfmoord*" takes "zelfmoordgedachten");
- ``*word*``: a word that holds it anywhere, for languages that glue prefixes and suffixes to a
  word (Arabic "وسأقتل", Tigrinya, Somali); only for a telling stem of 3 letters or more, and
  only as a one-word alternative;
- ``@NAME``: every member of a word class of the same file (``@PARTNER``: "man|vriend|…").

A pattern that starts with ``&N`` ignores the order: all its slots within a window of N words
("&6 @PARTNER {slaat|sloeg}" finds both "mijn man, als hij drinkt, slaat" and "slaat mijn man").

Residents who write with difficulty drop or swap letters, so matching is looser than folding:
in Latin letters v/f and z/s are one letter, a final -en may lose its n and a final d is a t
("leve", "kindere", "slaad" meet "leven", "kinderen", "slaat"), and a whole word of eight letters
or more in Latin letters may differ by one edit ("zelfmort", "geschreefe").

Patterns are compiled once into plain dictionaries, so matching a text costs a few dictionary
probes per word; the compiled set pickles.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from rapidfuzz.distance import OSA

from servicepunt.triage.engine.text import Token, fold_word, script_of

GAPS = {"..": 3, "...": 8}
MIN_STEM = 2
MAX_VARIANTS = 64
FUZZY_FROM = 8  # letters: shorter words must match exactly (one edit too often makes another word)
_LOOSE = str.maketrans({"v": "f", "z": "s"})
_SLOT_RE = re.compile(r"\{[^}]*\}|\S+")

Word = tuple[str, str]  # (kind, folded literal); kind: exact | prefix | contains
Hit = tuple[int, int]  # first and last token position of a slot's words in the text


class PatternError(ValueError):
    """A pattern in a data file is malformed; the message names it."""


@dataclass(frozen=True)
class Pattern:
    owner: str  # what the pattern signals (a signal or need code)
    source: str  # the pattern as written, for messages and tests
    slots: tuple[int, ...]  # slot ids
    gaps: tuple[int, ...]  # allowed words between slot i and i+1 (ordered patterns)
    window: int = 0  # > 0: unordered, all slots within this many words


@dataclass(frozen=True)
class Span:
    owner: str
    source: str
    first: int  # token positions, inclusive
    last: int


@dataclass
class PatternSet:
    """Compiled patterns: literal → slot ids, so that each word of a text is looked up once."""

    patterns: list[Pattern] = field(default_factory=list)
    exact: dict[str, set[int]] = field(default_factory=dict)
    prefix: dict[str, set[int]] = field(default_factory=dict)
    contains: dict[str, dict[str, set[int]]] = field(default_factory=dict)  # script -> literal -> slots
    phrases: dict[Word, list[tuple[tuple[Word, ...], int]]] = field(default_factory=dict)  # first word -> rest, slot
    pairs: dict[tuple[str, str], list[tuple[tuple[Word, ...], int]]] = field(default_factory=dict)  # two exact words
    max_phrase_prefix: int = 0
    common: frozenset[str] = field(default_factory=frozenset)  # everyday words: a poor key for finding a pattern
    slot_alternatives: list[frozenset[tuple[Word, ...]]] = field(default_factory=list)
    fuzzy: dict[str, set[str]] = field(default_factory=dict)  # one-letter deletion -> exact literals
    by_slot: dict[int, list[int]] = field(default_factory=dict)  # slot id -> patterns that need it
    slot_ids: dict[frozenset[tuple[Word, ...]], int] = field(default_factory=dict)
    max_prefix: int = 0

    def add(
        self, owner: str, text: str, classes: Mapping[str, Sequence[str]] | None = None, *, source: str = ""
    ) -> None:
        """Compile one pattern line (see the module docstring) for ``owner``; ``source`` names it in errors."""
        source = source or text
        text = text.strip()
        window = 0
        if text.startswith("&"):
            head, _, text = text.partition(" ")
            try:
                window = int(head[1:])
            except ValueError as error:
                raise PatternError(f"'{source}': na & hoort een getal (het venster in woorden)") from error
        slots: list[tuple[frozenset[tuple[Word, ...]], bool]] = []  # alternatives, optional
        gaps: list[int] = []
        pending_gap = 0
        for piece in _SLOT_RE.findall(text):
            if piece in GAPS:
                if not slots or window:
                    raise PatternError(f"'{source}': '{piece}' mag alleen tussen twee woorden staan, zonder &")
                pending_gap = GAPS[piece]
                continue
            if slots:
                gaps.append(pending_gap)
            pending_gap = 0
            slots.append(_slot(piece, source, classes or {}))
        if not slots or pending_gap:
            raise PatternError(f"'{source}': geen woorden, of eindigt op een gat")
        variants = list(_without_optional(slots, gaps))
        if len(variants) > MAX_VARIANTS:
            raise PatternError(f"'{source}': te veel keuzes die weg mogen")
        for kept, kept_gaps in variants:
            if not kept:
                raise PatternError(f"'{source}': elk woord mag weg; er blijft niets over")
            ids = tuple(self._slot_id(alternatives) for alternatives in kept)
            pattern_id = len(self.patterns)
            self.patterns.append(Pattern(owner, source, ids, tuple(kept_gaps), window))
            # A pattern can only match where all its slots are found: file it under its most telling
            # slot, so that a text with "mijn" and "me" does not wake up every pattern that has them.
            self.by_slot.setdefault(min(ids, key=self._commonness), []).append(pattern_id)

    def _slot_id(self, alternatives: frozenset[tuple[Word, ...]]) -> int:
        slot = self.slot_ids.get(alternatives)
        if slot is not None:
            return slot
        slot = self.slot_ids[alternatives] = len(self.slot_ids)
        self.slot_alternatives.append(alternatives)
        for words in alternatives:
            if len(words) > 1:
                if words[0][0] == "exact" and words[1][0] == "exact":
                    self.pairs.setdefault((words[0][1], words[1][1]), []).append((words[2:], slot))
                    continue
                self.phrases.setdefault(words[0], []).append((words[1:], slot))
                if words[0][0] == "prefix":
                    self.max_phrase_prefix = max(self.max_phrase_prefix, len(words[0][1]))
                continue
            kind, literal = words[0]
            if kind == "contains":
                self.contains.setdefault(script_of(literal), {}).setdefault(literal, set()).add(slot)
                continue
            {"exact": self.exact, "prefix": self.prefix}[kind].setdefault(literal, set()).add(slot)
            if kind == "prefix":
                self.max_prefix = max(self.max_prefix, len(literal))
            elif kind == "exact" and len(literal) >= FUZZY_FROM and literal.isalpha() and literal.isascii():
                for deletion in _deletions(literal):
                    self.fuzzy.setdefault(deletion, set()).add(literal)
        return slot

    # A compiled set is stored as plain containers (see TriageIndex.__getstate__): loading it must
    # be quick for the command line. The tables only needed while compiling are left out, so a
    # loaded set can match but takes no new patterns.
    _STATE = (
        "exact",
        "prefix",
        "contains",
        "phrases",
        "pairs",
        "max_prefix",
        "max_phrase_prefix",
        "fuzzy",
        "by_slot",
        "common",
    )

    def __getstate__(self) -> tuple[Any, ...]:
        patterns = [(p.owner, p.source, p.slots, p.gaps, p.window) for p in self.patterns]
        return (patterns, *(getattr(self, name) for name in self._STATE))

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        patterns, *tables = state
        for name, table in zip(self._STATE, tables, strict=True):
            setattr(self, name, table)
        self.patterns = [Pattern(*pattern) for pattern in patterns]
        self.slot_ids, self.slot_alternatives = {}, []

    def _commonness(self, slot: int) -> tuple[int, int]:
        alternatives = self.slot_alternatives[slot]
        common = sum(1 for words in alternatives if len(words) == 1 and words[0][1] in self.common)
        short = sum(1 for words in alternatives if len(words) == 1 and words[0][0] != "exact" and len(words[0][1]) < 4)
        return common + short, len(alternatives)

    def _word_slots(self, fold: str) -> set[int]:
        key = loose(fold)
        slots: set[int] = set(self.exact.get(key, ()))
        start = _loose_start(fold)
        for length in range(MIN_STEM, min(len(start), self.max_prefix) + 1):
            slots.update(self.prefix.get(start[:length], ()))
        if not slots and len(key) >= FUZZY_FROM - 1 and key.isalpha() and key.isascii():
            for near in {n for d in _deletions(key) | {key} for n in self.fuzzy.get(d, ())}:
                if OSA.distance(key, near) <= 1:
                    slots.update(self.exact[near])
        return slots

    def positions(self, tokens: Sequence[Token]) -> dict[int, list[Hit]]:
        """For every slot that occurs in the text: where its words stand, in text order."""
        found: dict[int, set[Hit]] = {}
        folds = [token.fold for token in tokens]
        keys = [loose(fold) for fold in folds]
        for position, fold in enumerate(folds):
            for slot in self._word_slots(fold):
                found.setdefault(slot, set()).add((position, position))
            if position + 1 < len(folds):
                for rest, slot in self.pairs.get((keys[position], keys[position + 1]), ()):
                    end = position + 1 + len(rest)
                    if end < len(folds) and all(_fits(word, folds[position + 2 + i]) for i, word in enumerate(rest)):
                        found.setdefault(slot, set()).add((position, end))
            if self.phrases:
                for first in _word_forms(fold, self.max_phrase_prefix):
                    for rest, slot in self.phrases.get(first, ()):
                        end = position + len(rest)
                        if end < len(folds) and all(
                            _fits(word, folds[position + 1 + i]) for i, word in enumerate(rest)
                        ):
                            found.setdefault(slot, set()).add((position, end))
        scripts = {script_of(fold) for fold in folds} & set(self.contains)
        if scripts:
            joined, starts = _joined(folds)
            literals = [item for script in scripts for item in self.contains[script].items()]
            for literal, slots in literals:
                at = joined.find(literal)
                while at >= 0:
                    position = bisect_right(starts, at) - 1
                    for slot in slots:
                        found.setdefault(slot, set()).add((position, position))
                    at = joined.find(literal, at + 1)
        return {slot: sorted(hits) for slot, hits in found.items()}

    def match(self, tokens: Sequence[Token], *, every: bool = False, widest: bool = False) -> list[Span]:
        """Every pattern found in the text, with the stretch of words it covers: the first one
        found, or with ``every`` each place it is found; ``widest`` stretches an unordered match
        over all its words in the window (a guard must cover every word of the look-alike)."""
        found = self.positions(tokens)
        candidates: set[int] = set()
        for slot in found:
            candidates.update(self.by_slot.get(slot, ()))
        spans: list[Span] = []
        for pattern_id in sorted(candidates):
            pattern = self.patterns[pattern_id]
            if not all(slot in found for slot in pattern.slots):
                continue
            groups = [found[slot] for slot in pattern.slots]
            hits = _unordered(groups, pattern.window, widest) if pattern.window else _ordered(groups, pattern.gaps)
            for first, last in hits if every else hits[:1]:
                spans.append(Span(pattern.owner, pattern.source, first, last))
        return spans


def _slot(piece: str, source: str, classes: Mapping[str, Sequence[str]]) -> tuple[frozenset[tuple[Word, ...]], bool]:
    texts = piece[1:-1].split("|") if piece.startswith("{") else [piece]
    alternatives: set[tuple[Word, ...]] = set()
    optional = False
    for text in texts:
        text = text.strip()
        if not text:
            optional = True
            continue
        if text.startswith("@"):
            if text[1:] not in classes:
                raise PatternError(f"'{source}': woordklasse {text} bestaat niet in dit bestand")
            members = [str(m) for m in classes[text[1:]]]
        else:
            members = [text]
        for member in members:
            words = tuple(_word(w, source) for w in member.split())
            if len(words) > 1 and any(kind == "contains" for kind, _ in words):
                raise PatternError(f"'{source}': *…* kan alleen als los woord, niet in '{member}'")
            alternatives.add(words)
    if not alternatives:
        raise PatternError(f"'{source}': lege keuze {piece}")
    return frozenset(alternatives), optional


def _word(word: str, source: str) -> Word:
    if word.startswith("*") and word.endswith("*") and len(word) > 2:
        literal, kind = fold_word(word[1:-1]), "contains"
        if len(literal) < 3:
            raise PatternError(f"'{source}': *{word[1:-1]}* is te kort om binnen woorden te zoeken (3 letters of meer)")
    elif word.endswith("*") and len(word) > 1:
        literal, kind = fold_word(word[:-1]), "prefix"
        if len(literal) < MIN_STEM:
            raise PatternError(f"'{source}': {word} is te kort")
    else:
        literal, kind = loose(fold_word(word)), "exact"
    if kind == "prefix":
        literal = _loose_start(literal)
    if not literal or "*" in literal or " " in literal:
        raise PatternError(f"'{source}': '{word}' is geen woord")
    return kind, literal


def _without_optional(
    slots: list[tuple[frozenset[tuple[Word, ...]], bool]], gaps: list[int]
) -> Iterable[tuple[list[frozenset[tuple[Word, ...]]], list[int]]]:
    """Every version of the pattern with optional slots kept or left out (a left-out slot's gaps merge)."""
    optional = [i for i, (_, is_optional) in enumerate(slots) if is_optional]
    for leave_out in itertools.product((False, True), repeat=len(optional)):
        dropped = {i for i, drop in zip(optional, leave_out, strict=True) if drop}
        kept: list[frozenset[tuple[Word, ...]]] = []
        kept_gaps: list[int] = []
        carry = 0
        for i, (alternatives, _) in enumerate(slots):
            gap_before = gaps[i - 1] if i else 0
            if i in dropped:
                carry += gap_before
                continue
            if kept:
                kept_gaps.append(carry + gap_before)
            carry = 0
            kept.append(alternatives)
        yield kept, kept_gaps


def _word_forms(fold: str, max_prefix: int) -> Iterable[Word]:
    yield ("exact", loose(fold))
    start = _loose_start(fold)
    for length in range(MIN_STEM, min(len(start), max_prefix) + 1):
        yield ("prefix", start[:length])


def _fits(word: Word, fold: str) -> bool:
    kind, literal = word
    return loose(fold) == literal if kind == "exact" else _loose_start(fold).startswith(literal)


@lru_cache(maxsize=100_000)
def _loose_start(fold: str) -> str:
    """The looser form of a word for prefix matching (no end-of-word rules)."""
    return fold.translate(_LOOSE) if fold.isascii() else fold


@lru_cache(maxsize=100_000)
def loose(fold: str) -> str:
    """The looser key of a folded word (module docstring); only Latin-letter words change."""
    if not fold.isascii():
        return fold
    key = fold.translate(_LOOSE)
    if len(key) >= 5 and key.endswith("en"):
        key = key[:-1]
    if key.endswith("d"):
        key = key[:-1] + "t"
    return key


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _joined(folds: Sequence[str]) -> tuple[str, list[int]]:
    """All folded words in one string (separated by spaces) and where each word starts."""
    starts: list[int] = []
    at = 0
    for fold in folds:
        starts.append(at)
        at += len(fold) + 1
    return " ".join(folds), starts


def _ordered(groups: list[list[Hit]], gaps: tuple[int, ...]) -> list[Hit]:
    """Placements of the slots in order, each within its gap after the one before (one per start)."""

    def place(index: int, after: int) -> int | None:
        if index == len(groups):
            return after
        limit = after + gaps[index - 1] + 1
        for first, last in groups[index]:
            if first <= after:
                continue
            if first > limit:
                break
            end = place(index + 1, last)
            if end is not None:
                return end
        return None

    placements: list[Hit] = []
    for first, last in groups[0]:
        end = place(1, last)
        if end is not None:
            placements.append((first, end))
    return placements


def _unordered(groups: list[list[Hit]], window: int, widest: bool = False) -> list[Hit]:
    """Stretches of at most ``window`` words holding one hit of every group, smallest first;
    with ``widest`` each stretch runs to the last hit of any group within the window."""
    events = sorted((first, last, group) for group, hits in enumerate(groups) for first, last in hits)
    found: set[Hit] = set()
    for index, (first, _, _) in enumerate(events):
        seen: dict[int, int] = {}
        for other_first, other_last, group in events[index:]:
            if other_first - first + 1 > window:
                break
            if widest:
                seen[group] = max(seen.get(group, other_last), other_last)
            else:
                seen.setdefault(group, other_last)
        if len(seen) == len(groups):
            last = max(seen.values())
            if last - first + 1 <= window or widest:
                found.add((first, last))
    return sorted(found, key=lambda hit: (hit[1] - hit[0], hit[0]))


def overlaps(span: Span, others: Iterable[Span]) -> bool:
    return any(other.first <= span.last and span.first <= other.last for other in others)

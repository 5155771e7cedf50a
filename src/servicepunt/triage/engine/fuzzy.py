"""Typo tolerance: find the vocabulary word a misspelled word was meant to be.

Words of 6–8 letters may differ by one edit (found through a table of one-letter deletions,
so a lookup costs a handful of dictionary probes); words of 9 letters or more by two edits
(checked with rapidfuzz within a length bucket). Shorter words are never corrected: with
four or five letters one edit too often turns one real word into another.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import OSA

MIN_LENGTH = 6
TWO_EDITS_FROM = 9


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


class FuzzyMatcher:
    """Picklable lookup of vocabulary words (already folded) by edit distance."""

    def __init__(self, words: Iterable[str]) -> None:
        self.words: frozenset[str] = frozenset(w for w in words if len(w) >= MIN_LENGTH - 1 and w.isalpha())
        deletes: dict[str, list[str]] = {}
        by_length: dict[int, list[str]] = {}
        for word in sorted(self.words):
            for variant in _deletes(word) | {word}:
                deletes.setdefault(variant, []).append(word)
            by_length.setdefault(len(word), []).append(word)
        self.deletes = {k: tuple(v) for k, v in deletes.items()}
        self.by_length = {k: tuple(v) for k, v in by_length.items()}

    def __getstate__(self) -> tuple[Any, ...]:
        return (self.words, self.deletes, self.by_length)

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        self.words, self.deletes, self.by_length = state

    def correct(self, word: str, *, max_distance: int = 2) -> tuple[str, int] | None:
        """The closest vocabulary word and its distance, or None when nothing is close enough."""
        if len(word) < MIN_LENGTH or not word.isalpha():
            return None
        candidates: set[str] = set()
        for variant in _deletes(word) | {word}:
            candidates.update(self.deletes.get(variant, ()))
        best: tuple[int, int, str] | None = None
        for candidate in candidates:
            distance = OSA.distance(word, candidate)
            if distance == 1:
                rank = (distance, 0 if candidate[0] == word[0] else 1, candidate)
                if best is None or rank < best:
                    best = rank
        if best is not None:
            return best[2], best[0]
        if len(word) < TWO_EDITS_FROM or max_distance < 2:
            return None
        pool = [w for n in range(len(word) - 2, len(word) + 3) for w in self.by_length.get(n, ())]
        found = process.extractOne(word, pool, scorer=OSA.distance, score_cutoff=2)
        if found is None or found[1] > 2:
            return None
        return found[0], int(found[1])

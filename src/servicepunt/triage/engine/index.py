"""TriageIndex: the products' vocabulary and descriptions, indexed by spelling-tolerant keys.

Every vocabulary phrase becomes a sequence of content tokens, each a set of alternative keys
(its fold and its folded stems in the phrase's language). Keys point back to phrases; their
weight is a BM25-style idf over products, so a word that only one product uses ("deurwaarder")
counts far more than one many use ("geld"). Product descriptions form a second, weaker index.
The index holds only plain containers, so it pickles; stemmers are module-level caches.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import NamedTuple

from servicepunt.triage.engine.fuzzy import FuzzyMatcher
from servicepunt.triage.engine.language import stopwords
from servicepunt.triage.engine.model import ProductDoc, TriageAnswer
from servicepunt.triage.engine.search import run_search
from servicepunt.triage.engine.text import LATIN, Token, token_keys, tokenize

NAME_WEIGHT = 1.3
BM25_K1 = 1.2
BM25_B = 0.75


class Phrase(NamedTuple):
    product: int
    tokens: tuple[frozenset[str], ...]  # content tokens, each a set of alternative keys
    stops: tuple[str, ...]  # function words that must stand close (phrases with one content word)
    size: int  # number of words in the phrase
    weight: float
    folds: tuple[str, ...] = ()  # the content words as written (folded), to check look-alikes


def _stem_languages(lang: str) -> tuple[str, ...]:
    if lang == "ary":
        return ("nl",)
    return (lang,)


def _stop_set(lang: str) -> frozenset[str]:
    if lang == "ary":
        return stopwords("ary") | stopwords("nl")
    return stopwords(lang)


def _name_phrases(doc: ProductDoc) -> list[tuple[str, str]]:
    """Official names, the parts in brackets and the code, as extra phrases."""
    result: list[tuple[str, str]] = [("nl", doc.code.replace("-", " "))]
    for lang, name in (("nl", doc.name), ("en", doc.name_en)):
        if not name:
            continue
        head, _, rest = name.partition("(")
        result.append((lang, head))
        for part in rest.replace(")", ";").replace(",", ";").split(";"):
            if part.strip():
                result.append((lang, part))
    return result


class TriageIndex:
    """Search products by the resident's own words. Build once, search many times."""

    def __init__(self) -> None:
        self.codes: tuple[str, ...] = ()
        self.names: tuple[str, ...] = ()
        self.urgent: tuple[bool, ...] = ()
        self.phrases: list[Phrase] = []
        self.postings: dict[str, tuple[int, ...]] = {}
        self.idf: dict[str, float] = {}
        self.text_postings: dict[str, tuple[tuple[int, float], ...]] = {}
        self.text_idf: dict[str, float] = {}
        self.surface: dict[str, frozenset[str]] = {}
        self.known: frozenset[str] = frozenset()
        self.fuzzy = FuzzyMatcher(())

    @classmethod
    def build(cls, products: Iterable[ProductDoc]) -> TriageIndex:
        index = cls()
        docs = list(products)
        index.codes = tuple(d.code for d in docs)
        index.names = tuple(d.name for d in docs)
        index.urgent = tuple(bool(d.urgent) for d in docs)
        index._build_phrases(docs)
        index._build_texts(docs)
        return index

    def _keys(self, token: Token, lang: str) -> frozenset[str]:
        keys = token_keys(token, _stem_languages(lang))
        self.surface[token.fold] = self.surface.get(token.fold, frozenset()) | keys
        return keys

    def _build_phrases(self, docs: list[ProductDoc]) -> None:
        postings: dict[str, set[int]] = {}
        product_keys: dict[str, set[int]] = {}
        known: set[str] = set()
        seen: set[tuple[int, tuple[frozenset[str], ...], tuple[str, ...]]] = set()
        for number, doc in enumerate(docs):
            entries = [(lang, p, 1.0) for lang, phrases in doc.vocabulary.items() for p in phrases]
            entries += [(lang, p, NAME_WEIGHT) for lang, p in _name_phrases(doc)]
            for lang, text, weight in entries:
                tokens = tokenize(text)
                stops = _stop_set(lang)
                content = [t for t in tokens if t.fold not in stops]
                if not content:
                    continue
                keys = tuple(self._keys(t, lang) for t in content)
                strict = len(content) == 1 or doc.urgent  # crisis phrases keep their function words
                required = tuple(t.fold for t in tokens if t.fold in stops) if strict else ()
                if (number, keys, required) in seen:
                    continue
                seen.add((number, keys, required))
                phrase_id = len(self.phrases)
                self.phrases.append(Phrase(number, keys, required, len(tokens), weight, tuple(t.fold for t in content)))
                for token, alternatives in zip(content, keys, strict=True):
                    if token.script == LATIN and len(token.fold) >= 3 and lang in ("nl", "en", "ary"):
                        known.add(token.fold)
                    for key in alternatives:
                        postings.setdefault(key, set()).add(phrase_id)
                        product_keys.setdefault(key, set()).add(number)
        self.postings = {k: tuple(sorted(v)) for k, v in postings.items()}
        self.idf = {k: _idf(len(docs), len(v)) for k, v in product_keys.items()}
        self.known = frozenset(known)
        self.fuzzy = FuzzyMatcher(self.surface)

    def _build_texts(self, docs: list[ProductDoc]) -> None:
        counts: list[dict[str, int]] = []
        lengths: list[int] = []
        known = set(self.known)
        for doc in docs:
            tf: dict[str, int] = {}
            length = 0
            for lang, texts in doc.texts.items():
                stops = _stop_set(lang)
                for text in texts:
                    for token in tokenize(text):
                        if token.fold in stops or len(token.fold) < 2 or token.fold.isdigit():
                            continue
                        length += 1
                        if lang == "nl" and token.script == LATIN and len(token.fold) >= 3:
                            known.add(token.fold)
                        for key in token_keys(token, _stem_languages(lang)):
                            tf[key] = tf.get(key, 0) + 1
            counts.append(tf)
            lengths.append(length)
        average = (sum(lengths) / len(lengths)) if lengths and sum(lengths) else 1.0
        postings: dict[str, list[tuple[int, float]]] = {}
        for number, tf in enumerate(counts):
            norm = BM25_K1 * (1 - BM25_B + BM25_B * lengths[number] / average)
            for key, n in tf.items():
                postings.setdefault(key, []).append((number, n * (BM25_K1 + 1) / (n + norm)))
        self.text_postings = {k: tuple(v) for k, v in postings.items()}
        self.text_idf = {k: _idf(len(docs), len(v)) for k, v in postings.items()}
        self.known = frozenset(known)

    def search(self, text: str, *, limit: int = 10, language: str | None = None) -> TriageAnswer:
        """Products for the resident's words, best first (urgent signals before all others)."""
        return run_search(self, text, limit=limit, language=language)


def _idf(total: int, df: int) -> float:
    """BM25 idf, scaled so that a word only one product uses weighs 1.0 whatever the catalogue size."""
    return math.log(1.0 + (total - df + 0.5) / (df + 0.5)) / math.log(1.0 + (total - 0.5) / 1.5)

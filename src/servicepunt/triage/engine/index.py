"""TriageIndex: the products' vocabulary and descriptions, indexed by spelling-tolerant keys.

Every vocabulary phrase becomes a sequence of content tokens, each a set of alternative keys
(its fold and its folded stems in the phrase's language). Keys point back to phrases; their
weight is a BM25-style idf over documents, so a word that only one document uses ("deurwaarder")
counts far more than one many use ("geld"). Product descriptions form a second, weaker index.

Documents are the products and, after them, the *needs*: situations residents describe without
naming a product ("mijn uitkering is gestopt", "de thuiszorg komt niet meer"), each pointing to
products with a weight. The safety lexicon (:mod:`safety`) travels with the index.
The index holds only plain containers, so it pickles; stemmers are module-level caches.
"""

from __future__ import annotations

import gc
import marshal
import math
from collections.abc import Iterable
from typing import Any, NamedTuple

from servicepunt.triage.engine.fuzzy import FuzzyMatcher
from servicepunt.triage.engine.language import stopwords
from servicepunt.triage.engine.model import NeedDoc, ProductDoc, TriageAnswer
from servicepunt.triage.engine.safety import SafetyLexicon, default_lexicon
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
        self.anchors: dict[str, tuple[int, ...]] = {}  # key -> phrases whose rarest word has this key
        self.idf: dict[str, float] = {}
        self.text_postings: dict[str, tuple[tuple[int, float], ...]] = {}
        self.text_idf: dict[str, float] = {}
        self.surface: dict[str, frozenset[str]] = {}
        self.known: frozenset[str] = frozenset()
        self.fuzzy = FuzzyMatcher(())
        # needs: document numbers from len(codes) on
        self.need_codes: tuple[str, ...] = ()
        self.need_labels: tuple[str, ...] = ()
        self.need_links: tuple[tuple[tuple[int, float], ...], ...] = ()
        self.safety: SafetyLexicon = SafetyLexicon(())

    @classmethod
    def build(
        cls, products: Iterable[ProductDoc], needs: Iterable[NeedDoc] = (), safety: SafetyLexicon | None = None
    ) -> TriageIndex:
        index = cls()
        docs = list(products)
        index.codes = tuple(d.code for d in docs)
        index.names = tuple(d.name for d in docs)
        index.urgent = tuple(bool(d.urgent) for d in docs)
        number = {code: i for i, code in enumerate(index.codes)}
        need_docs = list(needs)
        index.need_codes = tuple(n.code for n in need_docs)
        index.need_labels = tuple(n.label for n in need_docs)
        index.need_links = tuple(
            tuple((number[code], weight) for code, weight in n.products if code in number) for n in need_docs
        )
        index.safety = safety if safety is not None else default_lexicon()
        as_docs = [ProductDoc(f"need:{n.code}", n.label, "", (), False, n.vocabulary) for n in need_docs]
        index._build_phrases(docs, as_docs)
        index._build_texts(docs)
        return index

    def __getstate__(self) -> dict[str, bytes]:
        """Plain containers packed with marshal: loading a built index from disk is what a
        command-line call waits for, and marshal reads them several times faster than pickle."""
        state = dict(vars(self))
        state["phrases"] = [tuple(phrase) for phrase in self.phrases]
        state["fuzzy"] = self.fuzzy.__getstate__()
        state["safety"] = self.safety.__getstate__()
        return {"marshal": marshal.dumps(state)}

    def __setstate__(self, packed: dict[str, bytes]) -> None:
        # Hundreds of thousands of small containers: the cyclic collector would walk them again and
        # again while they are created (three quarters of the time); none of them holds a cycle.
        collecting = gc.isenabled()
        gc.disable()
        try:
            self._restore(marshal.loads(packed["marshal"]))  # noqa: S302 - our own file, named by its sources' hash
        finally:
            if collecting:
                gc.enable()

    def _restore(self, state: dict[str, Any]) -> None:
        state["phrases"] = [Phrase._make(phrase) for phrase in state["phrases"]]
        fuzzy = FuzzyMatcher.__new__(FuzzyMatcher)
        fuzzy.__setstate__(state["fuzzy"])
        safety = SafetyLexicon.__new__(SafetyLexicon)
        safety.__setstate__(state["safety"])
        state["fuzzy"], state["safety"] = fuzzy, safety
        vars(self).update(state)

    def is_need(self, number: int) -> bool:
        return number >= len(self.codes)

    def _keys(self, token: Token, lang: str) -> frozenset[str]:
        keys = token_keys(token, _stem_languages(lang))
        self.surface[token.fold] = self.surface.get(token.fold, frozenset()) | keys
        return keys

    def _build_phrases(self, docs: list[ProductDoc], needs: list[ProductDoc]) -> None:
        postings: dict[str, set[int]] = {}
        product_keys: dict[str, set[int]] = {}
        known: set[str] = set()
        seen: set[tuple[int, tuple[frozenset[str], ...], tuple[str, ...]]] = set()
        # A word's weight depends on how many *products* it leads to, directly or through a need,
        # so a need that repeats a product's own word ("deurwaarder") does not make it weaker.
        reaches = [{number} for number in range(len(docs))]
        reaches += [{product for product, _ in links} for links in self.need_links]
        for number, doc in enumerate(docs + needs):
            entries = [(lang, p, 1.0) for lang, phrases in doc.vocabulary.items() for p in phrases]
            if number < len(docs):
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
                        product_keys.setdefault(key, set()).update(reaches[number])
        self.postings = {k: tuple(sorted(v)) for k, v in postings.items()}
        # Each phrase is also filed under its rarest word only: a whole match needs that word, so a
        # query finds every phrase it may match completely without walking the long lists of "huur".
        anchors: dict[str, set[int]] = {}
        for phrase_id, phrase in enumerate(self.phrases):
            rarest = min(phrase.tokens, key=lambda keys: sum(len(postings[k]) for k in keys))
            for key in rarest:
                anchors.setdefault(key, set()).add(phrase_id)
        self.anchors = {k: tuple(sorted(v)) for k, v in anchors.items()}
        self.idf = {k: _idf(len(docs), max(1, len(v))) for k, v in product_keys.items()}
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

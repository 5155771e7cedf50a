"""Answering one query against a TriageIndex.

1. Tokens get keys (fold + stems in the languages the text seems to be in). Words the
   vocabulary does not know are split as Dutch compounds, or else corrected for typos.
2. Every vocabulary phrase that shares a key is checked: all its words present, close
   together (bonus per extra word), all present but far apart, or only partly present.
   Each query word counts once per product, with the best phrase it takes part in.
3. Descriptions add weaker evidence. An urgent product needs a full phrase match of some
   weight to be put first; without one it is damped, so ordinary stories raise no alarm.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, NamedTuple

from servicepunt.triage.engine.explain import why_text
from servicepunt.triage.engine.language import candidates, dominant, language_scores, stopwords
from servicepunt.triage.engine.model import EmptyQueryError, Match, TriageAnswer
from servicepunt.triage.engine.text import (
    ARABIC,
    CYRILLIC,
    LATIN,
    Token,
    split_compound,
    stem_keys,
    token_keys,
    tokenize,
)

if TYPE_CHECKING:
    from servicepunt.triage.engine.index import TriageIndex

MAX_TOKENS = 400
PARTIAL, NEAR_BONUS, FAR_BONUS, GAP = 0.5, 0.5, 0.15, 3
COMPOUND_CONF, FUZZY_CONF = 0.85, 0.7
TEXT_WEIGHT, TEXT_CAP = 0.25, 0.4
STOP_VALUE = 0.08
URGENT_MIN, URGENT_DAMP = 0.8, 0.5  # weights: a word used by one product only counts 1.0
MIN_RAW, REL_CUT, SCALE = 0.33, 0.1, 1.6
QUOTE_FLOOR = 0.3
_LATIN_STEMMED = ("nl", "en", "tr", "pl", "es", "uk")


class Hit(NamedTuple):
    pos: int
    conf: float
    base: str
    part: bool = False  # a piece of a split compound: never enough on its own for an urgent signal


Evidence = dict[int, dict[str, tuple[float, tuple[int, ...]]]]


def _stops(lang: str) -> frozenset[str]:
    return stopwords(lang) | stopwords("nl") if lang == "ary" else stopwords(lang)


def _analyse(
    index: TriageIndex, tokens: list[Token], main: str, langs: tuple[str, ...]
) -> tuple[dict[str, list[Hit]], dict[str, list[int]]]:
    latin = tuple(dict.fromkeys([lang for lang in langs if lang in _LATIN_STEMMED] + ["nl", "en"]))
    by_script = {LATIN: latin, CYRILLIC: ("uk",), ARABIC: ("ar",)}
    stop_main = _stops(main)
    stop_other = frozenset().union(*(_stops(lang) for lang in langs if lang != main))
    query: dict[str, list[Hit]] = {}
    folds: dict[str, list[int]] = {}
    for pos, token in enumerate(tokens):
        folds.setdefault(token.fold, []).append(pos)
        if token.fold in stop_main or (token.fold in stop_other and token.fold not in index.idf):
            continue
        keys = index.surface.get(token.fold) or token_keys(token, by_script.get(token.script, ()), query=True)
        conf = 1.0
        if not any(k in index.postings for k in keys) and not any(k in index.text_postings for k in keys):
            parts = split_compound(token.fold, index.known) if token.script == LATIN else None
            if parts:
                for part in parts:
                    part_keys = index.surface.get(part, frozenset()) | {part} | stem_keys(part, part, LATIN, "nl")
                    for key in part_keys:
                        query.setdefault(key, []).append(Hit(pos, COMPOUND_CONF, part, True))
                continue
            fixed = None
            if token.script in (LATIN, CYRILLIC):  # transliterated Cyrillic: one edit at most
                fixed = index.fuzzy.correct(token.fold, max_distance=2 if token.script == LATIN else 1)
            if fixed:
                keys, conf = index.surface.get(fixed[0], frozenset({fixed[0]})), FUZZY_CONF
        for key in keys:
            query.setdefault(key, []).append(Hit(pos, conf, token.fold))
    return query, folds


def _window(groups: list[list[int]]) -> tuple[int, tuple[int, ...]]:
    """Smallest stretch of text holding one position of every group, and the positions used."""
    events = sorted({(p, g) for g, positions in enumerate(groups) for p in positions})
    count: dict[int, int] = {}
    best = (len(events) + 10**6, 0, 0)
    left = 0
    for right, (position, group) in enumerate(events):
        count[group] = count.get(group, 0) + 1
        while len(count) == len(groups):
            left_position, left_group = events[left]
            if position - left_position + 1 < best[0]:
                best = (position - left_position + 1, left, right)
            count[left_group] -= 1
            if not count[left_group]:
                del count[left_group]
            left += 1
    chosen: dict[int, int] = {}
    for position, group in events[best[1] : best[2] + 1]:
        chosen.setdefault(group, position)
    return best[0], tuple(sorted(chosen.values()))


def _looks_alike(said: str, written: str) -> bool:
    """Does the resident's word look like the vocabulary word? Stems alone may join words that
    only share a root ("slag" and "geslagen"); an urgent signal also needs the same beginning."""
    n = min(3, len(said), len(written))
    if said[:1].isascii():
        return said[:n] == written[:n]
    return said[:n] in written or written[:n] in said  # Arabic words carry prefixes (و، ال، ب)


def _score_phrases(
    index: TriageIndex, query: dict[str, list[Hit]], folds: dict[str, list[int]]
) -> tuple[Evidence, dict[int, float]]:
    phrase_ids: set[int] = set()
    for key in query:
        phrase_ids.update(index.postings.get(key, ()))
    evidence: Evidence = {}
    best_full: dict[int, float] = {}
    for phrase_id in phrase_ids:
        phrase = index.phrases[phrase_id]
        matched: list[tuple[float, str, int]] = []
        from_parts = False
        lookalike = True
        groups: list[list[int]] = []
        for alternatives, written in zip(phrase.tokens, phrase.folds, strict=True):
            best: tuple[float, str, int] | None = None
            best_part = False
            positions: list[int] = []
            for key in alternatives:
                weight = index.idf.get(key, 0.0)
                for hit in query.get(key, ()):
                    positions.append(hit.pos)
                    if best is None or weight * hit.conf > best[0]:
                        best = (weight * hit.conf, hit.base, hit.pos)
                        best_part = hit.part
            if best is not None:
                from_parts = from_parts or best_part
                lookalike = lookalike and _looks_alike(best[1], written)
                matched.append(best)
                groups.append(positions)
        size = len(phrase.tokens)
        full = len(matched) == size and all(s in folds for s in phrase.stops)
        near = False
        quote: tuple[int, ...] = ()
        if full:
            span, quote = _window(groups + [folds[s] for s in phrase.stops])
            near = span <= phrase.size + (1 if phrase.stops and size == 1 else GAP)
            full = near or not phrase.stops
        if full:
            factor = 1.0 + (NEAR_BONUS if near else FAR_BONUS) * (size - 1)
        else:
            factor = PARTIAL * math.sqrt(len(matched) / size)
        factor *= phrase.weight
        product = evidence.setdefault(phrase.product, {})
        total = 0.0
        for value, base, position in matched:
            value *= factor
            total += value
            if value > product.get(base, (0.0, ()))[0]:
                product[base] = (value, quote if full and near else (position,))
        if full and phrase.stops:
            value = STOP_VALUE * len(phrase.stops) * phrase.weight
            stop_key = "~" + " ".join(phrase.stops)
            if value > product.get(stop_key, (0.0, ()))[0]:
                product[stop_key] = (value, quote)
            total += value
        if full and not from_parts and lookalike:
            best_full[phrase.product] = max(best_full.get(phrase.product, 0.0), total)
    return evidence, best_full


def _score_texts(index: TriageIndex, query: dict[str, list[Hit]]) -> Evidence:
    evidence: Evidence = {}
    for key, hits in query.items():
        postings = index.text_postings.get(key)
        if not postings:
            continue
        weight = index.text_idf[key] * TEXT_WEIGHT
        for hit in hits:
            for product, tf in postings:
                value = weight * tf * hit.conf
                per_product = evidence.setdefault(product, {})
                if value > per_product.get(hit.base, (0.0, ()))[0]:
                    per_product[hit.base] = (value, (hit.pos,))
    return evidence


def _quotes(text: str, tokens: list[Token], records: list[tuple[float, tuple[int, ...]]]) -> list[str]:
    quotes: list[str] = []
    used: set[int] = set()
    ranked = sorted(records, reverse=True)
    floor = ranked[0][0] * QUOTE_FLOOR if ranked else 0.0
    for value, positions in ranked:
        if value < floor or not positions or set(positions) <= used:
            continue
        used.update(positions)
        if positions[-1] - positions[0] <= 5:
            quotes.append(text[tokens[positions[0]].start : tokens[positions[-1]].end])
        else:
            quotes.extend(tokens[p].raw for p in positions)
        if len(quotes) >= 3:
            break
    return quotes


def run_search(index: TriageIndex, text: str, *, limit: int = 10, language: str | None = None) -> TriageAnswer:
    if not isinstance(text, str) or not text.strip():
        raise EmptyQueryError("De tekst is leeg: vertel in een paar woorden wat de inwoner zoekt.")
    tokens = tokenize(text)[:MAX_TOKENS]
    scores = language_scores(tokens)
    main = language.strip().lower().split("-")[0] if language and language.strip() else dominant(scores, text)
    query, folds = _analyse(index, tokens, main, candidates(scores, main))
    vocab, best_full = _score_phrases(index, query, folds)
    texts = _score_texts(index, query)
    raw: dict[int, float] = {}
    for product in set(vocab) | set(texts):
        raw[product] = sum(v for v, _ in vocab.get(product, {}).values())
        raw[product] += min(TEXT_CAP, sum(v for v, _ in texts.get(product, {}).values()))
    strong = {p for p in raw if index.urgent[p] and best_full.get(p, 0.0) >= URGENT_MIN}
    for product in raw:
        if index.urgent[product] and not strong:
            raw[product] *= URGENT_DAMP
    top = max(raw.values(), default=0.0)
    keep = [p for p in raw if p in strong or (raw[p] >= MIN_RAW and raw[p] >= REL_CUT * top)]
    keep.sort(key=lambda p: (p in strong, raw[p], -p), reverse=True)
    keep = keep[: max(0, limit)]
    best_other = max((raw[p] for p in keep if p not in strong), default=0.0)
    results: list[Match] = []
    previous = 1.0
    for product in keep:
        value = max(raw[product], best_other * 1.05) if product in strong else raw[product]
        score = min(previous, round(1.0 - math.exp(-value / SCALE), 3))
        previous = score
        records = list(vocab.get(product, {}).values())
        why = why_text(
            code=index.codes[product],
            name=index.names[product],
            quotes=_quotes(text, tokens, records or list(texts.get(product, {}).values())),
            urgent=product in strong,
            from_description=not records,
        )
        results.append(Match(product=index.codes[product], score=score, why=why))
    return TriageAnswer(language=main, results=tuple(results))

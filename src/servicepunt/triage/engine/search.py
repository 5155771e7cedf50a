"""Answering one query against a TriageIndex.

1. Tokens get keys (fold + stems in the languages the text seems to be in). Words the
   vocabulary does not know are split as Dutch compounds, or else corrected for typos.
2. Every vocabulary phrase that shares a key is checked: all its words present, close
   together (bonus per extra word), all present but far apart, or only partly present.
   Each query word counts once per product, with the best phrase it takes part in.
3. Descriptions add weaker evidence. Needs pass their evidence on to their products (a word
   counts once per product, with the best of its direct and its need evidence).
4. Safety signals (:mod:`safety`) are read over the whole text, in every language: their
   urgent products come first, with a why that says so. Without a signal an urgent product is
   damped and never put first, so ordinary stories raise no alarm.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from servicepunt.triage.engine.explain import reason_of, why_text
from servicepunt.triage.engine.language import candidates, dominant, language_scores, stopwords
from servicepunt.triage.engine.model import EmptyQueryError, Match, Need, TriageAnswer
from servicepunt.triage.engine.safety import SignalFound
from servicepunt.triage.engine.text import (
    ARABIC,
    ARABIC_SCRIPT_LANGUAGES,
    CYRILLIC,
    CYRILLIC_LANGUAGES,
    LATIN,
    Token,
    split_compound,
    stem_keys,
    token_keys,
    tokenize,
)

if TYPE_CHECKING:
    from servicepunt.triage.engine.index import TriageIndex

MAX_TOKENS = 4000  # about 20,000 characters: the longest text the fronts accept is read whole
PARTIAL, NEAR_BONUS, FAR_FACTOR, GAP = 0.5, 0.5, 0.6, 3
COMPOUND_CONF, FUZZY_CONF = 0.85, 0.7
TEXT_WEIGHT, TEXT_CAP = 0.25, 0.4
STOP_VALUE = 0.08
URGENT_MIN, URGENT_DAMP = 0.8, 0.5  # weights: a word used by one product only counts 1.0
MIN_RAW, REL_CUT, SCALE = 0.33, 0.1, 1.6
QUOTE_FLOOR = 0.3
_LATIN_STEMMED = ("nl", "en", "tr", "pl", "es", "pt", "ro", "fr", "de", "it", "so", "uk", "ru")
URGENT_SCORE = 0.99
PARTIAL_MIN = 0.45  # weight (idf x confidence) a word needs to count outside a whole phrase
NEED_MIN = 0.33  # raw evidence for a need to be reported


class Hit(NamedTuple):
    pos: int
    conf: float
    base: str
    part: bool = False  # a piece of a split compound: never enough on its own for an urgent signal


Record = tuple[float, tuple[int, ...]]  # value, token positions to quote
Evidence = dict[int, dict[str, Record]]


def _stops(lang: str) -> frozenset[str]:
    return stopwords(lang) | stopwords("nl") if lang == "ary" else stopwords(lang)


def _analyse(
    index: TriageIndex, tokens: list[Token], main: str, langs: tuple[str, ...]
) -> tuple[dict[str, list[Hit]], dict[str, list[int]]]:
    latin = tuple(dict.fromkeys([lang for lang in langs if lang in _LATIN_STEMMED] + ["nl", "en"]))
    cyrillic = tuple(lang for lang in langs if lang in CYRILLIC_LANGUAGES) or ("uk", "ru")
    arabic = tuple(lang for lang in langs if lang in ARABIC_SCRIPT_LANGUAGES) or ("ar",)
    by_script = {LATIN: latin, CYRILLIC: tuple(dict.fromkeys((*cyrillic, "uk"))), ARABIC: arabic}
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


@lru_cache(maxsize=100_000)
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
    # Only phrases that can count: those this text may match whole (found through their rarest
    # word), and those with a word that weighs enough to count alone (PARTIAL_MIN).
    phrase_ids: set[int] = set()
    for key, hits in query.items():
        phrase_ids.update(index.anchors.get(key, ()))
        if index.idf.get(key, 0.0) * max(hit.conf for hit in hits) >= PARTIAL_MIN:
            phrase_ids.update(index.postings.get(key, ()))
    evidence: Evidence = {}
    best_full: dict[int, float] = {}
    for phrase_id in sorted(phrase_ids):
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
        if full and near:
            factor = 1.0 + NEAR_BONUS * (size - 1)
        elif full:  # all words, but scattered over the story: hardly more than a partial match
            factor = FAR_FACTOR
        else:
            factor = PARTIAL * math.sqrt(len(matched) / size)
        factor *= phrase.weight
        counted = [
            (value * factor, base, position)
            for value, base, position in matched
            # a common word alone ("vrouw", "niet", "weg") says little outside its phrase
            if (full and near) or value >= PARTIAL_MIN
        ]
        if not counted and not full:
            continue
        product = evidence.setdefault(phrase.product, {})
        total = 0.0
        for value, base, position in counted:
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
    floor = max((value for value, _ in records), default=0.0) * QUOTE_FLOOR
    # whole phrases first: a word inside a phrase already quoted is not quoted again
    ranked = sorted(
        records, key=lambda record: (len(set(record[1])) > 1, record[0], -min(record[1], default=0)), reverse=True
    )
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


def _with_needs(index: TriageIndex, vocab: Evidence) -> tuple[Evidence, dict[int, dict[str, int]]]:
    """Product evidence with the evidence of their needs merged in (best value per word), and for
    each product and word the need it came through (-1: the product's own vocabulary)."""
    merged: Evidence = {p: dict(words) for p, words in vocab.items() if not index.is_need(p)}
    source: dict[int, dict[str, int]] = {p: dict.fromkeys(words, -1) for p, words in merged.items()}
    for number, words in sorted(vocab.items()):
        if not index.is_need(number):
            continue
        for product, weight in index.need_links[number - len(index.codes)]:
            target = merged.setdefault(product, {})
            origin = source.setdefault(product, {})
            for base, (value, positions) in words.items():
                if value * weight > target.get(base, (0.0, ()))[0]:
                    target[base] = (value * weight, positions)
                    origin[base] = number
    return merged, source


def _anchored(index: TriageIndex, best_full: dict[int, float]) -> set[int]:
    """Products with at least one whole phrase of their own, or of a need that leads to them:
    many loose common words ("jaar", "twee", "komt") never add up to a product on their own."""
    anchored = {number for number in best_full if not index.is_need(number)}
    for number in best_full:
        if index.is_need(number):
            anchored.update(product for product, _ in index.need_links[number - len(index.codes)])
    return anchored


def _signal_why(signal: SignalFound) -> str:
    return why_text(code="", name="", quotes=signal.quotes, urgent=True, from_description=False, reason=signal.label)


def run_search(index: TriageIndex, text: str, *, limit: int = 10, language: str | None = None) -> TriageAnswer:
    if not isinstance(text, str) or not text.strip():
        raise EmptyQueryError("De tekst is leeg: vertel in een paar woorden wat de inwoner zoekt.")
    all_tokens = tokenize(text)
    tokens = all_tokens[:MAX_TOKENS]
    signals = index.safety.detect_tokens(text, all_tokens)
    scores = language_scores(tokens)
    main = language.strip().lower().split("-")[0] if language and language.strip() else dominant(scores, text)
    query, folds = _analyse(index, tokens, main, candidates(scores, main))
    vocab, best_full = _score_phrases(index, query, folds)
    evidence, source = _with_needs(index, vocab)
    anchored = _anchored(index, best_full)
    texts = _score_texts(index, query)
    raw: dict[int, float] = {}
    for product in set(evidence) | set(texts):
        raw[product] = sum(v for v, _ in evidence.get(product, {}).values())
        raw[product] += min(TEXT_CAP, sum(v for v, _ in texts.get(product, {}).values()))
    number = {code: i for i, code in enumerate(index.codes)}
    signalled: dict[int, SignalFound] = {}
    for signal in signals:
        for code in signal.products:
            if code in number:
                signalled.setdefault(number[code], signal)
    for product in raw:
        if index.urgent[product] and product not in signalled:
            raw[product] *= URGENT_DAMP
    top = max(raw.values(), default=0.0)
    ordinary = [p for p in raw if p not in signalled and raw[p] >= MIN_RAW and raw[p] >= REL_CUT * top]
    ordinary.sort(key=lambda p: (not index.urgent[p], raw[p], -p), reverse=True)
    if ordinary and index.urgent[ordinary[0]]:  # no signal: an urgent product is never first
        first = next((i for i, p in enumerate(ordinary) if not index.urgent[p]), None)
        if first is None:  # only urgent products, and no signal: a look-alike ("een film over huiselijk geweld")
            ordinary = []
        else:
            ordinary.insert(0, ordinary.pop(first))
    keep = (list(signalled) + ordinary)[: max(0, limit)]
    results: list[Match] = []
    previous = 1.0
    for product in keep:
        if product in signalled:
            score = min(previous, URGENT_SCORE)
            why = _signal_why(signalled[product])
        else:
            score = min(previous, round(1.0 - math.exp(-raw[product] / SCALE), 3))
            why = _product_why(index, text, tokens, product, evidence, source, texts, product in anchored)
        previous = score
        results.append(Match(product=index.codes[product], score=score, why=why, urgent=product in signalled))
    needs = _needs(index, text, tokens, vocab, signals, results)
    notice = "" if results else _NO_RESULTS
    return TriageAnswer(language=main, results=tuple(results), needs=needs, notice=notice)


_NO_RESULTS = "Geen startpunt gevonden in deze woorden. Vraag door: wat is er gebeurd, en wat is er nu nodig?"


def _product_why(
    index: TriageIndex,
    text: str,
    tokens: list[Token],
    product: int,
    evidence: Evidence,
    source: dict[int, dict[str, int]],
    texts: Evidence,
    anchored: bool,
) -> str:
    records = evidence.get(product, {})
    reason = None
    if records:
        best = max(records, key=lambda base: (records[base][0], base))
        via = source.get(product, {}).get(best, -1)
        if via >= 0:
            reason = index.need_labels[via - len(index.codes)]
    return why_text(
        code=index.codes[product],
        name=index.names[product],
        quotes=_quotes(text, tokens, list(records.values()) or list(texts.get(product, {}).values())),
        urgent=False,
        from_description=not records,
        reason=reason,
        tentative=not anchored,
    )


def _needs(
    index: TriageIndex,
    text: str,
    tokens: list[Token],
    vocab: Evidence,
    signals: tuple[SignalFound, ...],
    results: list[Match],
) -> tuple[Need, ...]:
    """The needs in the story, each with its ranked products: one question each at the counter."""
    ranked = [m.product for m in results]
    needs: list[Need] = []
    covered: set[str] = set()
    for signal in signals:
        products = tuple(p for p in signal.products if p in ranked)
        covered.update(products)
        needs.append(Need(f"safety:{signal.code}", signal.label, products, signal.quotes, urgent=True))
    found = sorted(
        ((sum(v for v, _ in words.values()), number) for number, words in vocab.items() if index.is_need(number)),
        reverse=True,
    )
    for value, number in found:
        if value < NEED_MIN:
            break
        links = index.need_links[number - len(index.codes)]
        linked = {index.codes[p] for p, _ in links}
        products = tuple(p for p in ranked if p in linked)
        if not products:
            continue
        covered.update(products)
        quotes = tuple(_quotes(text, tokens, list(vocab[number].values())))
        needs.append(
            Need(
                index.need_codes[number - len(index.codes)],
                index.need_labels[number - len(index.codes)],
                products,
                quotes,
            )
        )
    for match in results:
        if match.product not in covered and not match.urgent:
            number = index.codes.index(match.product)
            words = tuple(_quotes(text, tokens, list(vocab.get(number, {}).values())))
            if words:
                needs.append(
                    Need(
                        f"product:{match.product}",
                        reason_of(match.product, index.names[number]),
                        (match.product,),
                        words,
                    )
                )
    return tuple(needs)

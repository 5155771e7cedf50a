"""Lightweight language detection: the script first, then function words and telling letters.

Returns a BCP 47 primary language subtag: nl, en, ar, tr, pl, uk, es, ary (Moroccan Arabic
written in Latin letters), ru, or a script-based guess for other scripts ("und" when unknown).
Mixed text gets the language with most evidence; Dutch wins when nothing is telling, because
the Servicepunt's staff type Dutch notes most of the time.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from servicepunt.triage.engine.lexicon import CHAR_HINTS, MARKERS, STOPWORDS
from servicepunt.triage.engine.text import ARABIC, CYRILLIC, LATIN, Token, fold_word, tokenize

LATIN_LANGUAGES = ("nl", "en", "tr", "pl", "es", "uk", "ary")
DEFAULT = "nl"

_WORDS: dict[str, frozenset[str]] = {
    lang: frozenset(fold_word(w) for w in (STOPWORDS.get(lang, "") + " " + MARKERS.get(lang, "")).split())
    for lang in set(STOPWORDS) | set(MARKERS)
}
_STOPS: dict[str, frozenset[str]] = {
    lang: frozenset(fold_word(w) for w in words.split()) for lang, words in STOPWORDS.items()
}
_SHARED: dict[str, int] = {}
for _lang in LATIN_LANGUAGES:
    for _word in _WORDS[_lang]:
        _SHARED[_word] = _SHARED.get(_word, 0) + 1

_UK_LETTERS = set("іїєґ")
_RU_LETTERS = set("ыэъё")
_UK_WORDS = frozenset(["що", "це", "і", "ми", "ви", "мені", "мене", "його", "коли", "де", "є", "як", "та", "але", "чи"])
_RU_WORDS = frozenset(["что", "это", "и", "мы", "вы", "мне", "меня", "его", "когда", "где", "есть", "как", "но", "или"])
_OTHER_SCRIPTS = (
    ("ETHIOPIC", "ti"),
    ("CJK", "zh"),
    ("HIRAGANA", "ja"),
    ("KATAKANA", "ja"),
    ("HANGUL", "ko"),
    ("GREEK", "el"),
    ("HEBREW", "he"),
    ("DEVANAGARI", "hi"),
    ("THAI", "th"),
    ("ARMENIAN", "hy"),
    ("GEORGIAN", "ka"),
    ("BENGALI", "bn"),
    ("TAMIL", "ta"),
    ("GURMUKHI", "pa"),
)


def stopwords(lang: str) -> frozenset[str]:
    """Folded function words of a language (empty for languages without a list)."""
    return _STOPS.get(lang, frozenset())


def language_scores(tokens: Sequence[Token]) -> dict[str, float]:
    """Evidence per language; Arabic and Cyrillic script count per word."""
    scores: dict[str, float] = {}
    for token in tokens:
        if token.script == ARABIC:
            scores["ar"] = scores.get("ar", 0.0) + 1.0
        elif token.script == CYRILLIC:
            scores["cyrillic"] = scores.get("cyrillic", 0.0) + 1.0
            letters = set(token.lower)
            if letters & _UK_LETTERS or token.lower in _UK_WORDS:
                scores["uk"] = scores.get("uk", 0.0) + 0.5
            if letters & _RU_LETTERS or token.lower in _RU_WORDS:
                scores["ru"] = scores.get("ru", 0.0) + 0.5
        elif token.script == LATIN:
            shared = _SHARED.get(token.fold, 0)
            if shared:
                for lang in LATIN_LANGUAGES:
                    if token.fold in _WORDS[lang]:
                        scores[lang] = scores.get(lang, 0.0) + 1.0 / shared
            for ch in set(token.lower):
                hint = CHAR_HINTS.get(ch)
                if hint:
                    scores[hint[0]] = scores.get(hint[0], 0.0) + hint[1]
            if "ij" in token.lower:
                scores["nl"] = scores.get("nl", 0.0) + 0.5
    cyrillic = scores.pop("cyrillic", 0.0)
    if cyrillic:  # Ukrainian unless the text shows more Russian than Ukrainian
        lang = "ru" if scores.get("ru", 0.0) > scores.get("uk", 0.0) else "uk"
        scores.pop("ru", None)
        scores[lang] = cyrillic
    return scores


def _other_script(text: str) -> str:
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            if name.startswith("LATIN"):
                return DEFAULT
            for prefix, lang in _OTHER_SCRIPTS:
                if name.startswith(prefix):
                    return lang
    return "und"


def dominant(scores: dict[str, float], text: str = "") -> str:
    if not scores:
        return _other_script(text) if text and any(ch.isalpha() for ch in text) else DEFAULT
    best = max(scores.items(), key=lambda item: (item[1], item[0] == DEFAULT))
    return best[0]


def candidates(scores: dict[str, float], main: str) -> tuple[str, ...]:
    """Languages worth stemming for: the main one and those with a real share of the evidence."""
    top = max(scores.values(), default=0.0)
    langs = [main] + [lang for lang, s in scores.items() if s >= 0.25 * top and s >= 0.5 and lang != main]
    return tuple(dict.fromkeys(langs))


def detect_language(text: str) -> str:
    """BCP 47 code of the dominant language of ``text``."""
    tokens = tokenize(text)
    return dominant(language_scores(tokens), text)

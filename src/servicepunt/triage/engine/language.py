"""Language identification: the script, function words and telling letters, and lingua's models.

Returns BCP 47 primary language subtags: nl, en, tr, pl, es, pt, ro, fr, de, it, so, uk, ru,
bg, ar, fa, ti, am, ku, ary (Moroccan Arabic written in Latin letters), or a script-based
guess for other scripts ("und" when unknown). Two kinds of evidence are added up:

- the engine's own word lists (``lexicon``): function words, marker words and letters, which
  also know the languages lingua lacks (Darija in Latin letters, Kurdish, Tigrinya);
- lingua-language-detector, which ships its models in the package (nothing is downloaded),
  run once per script on the words in that script, so that a Dutch story with one Arabic
  sentence gets both languages.

Mixed text gets the language with most evidence; Dutch wins when nothing is telling, because
the Servicepunt's staff type Dutch notes most of the time.
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Sequence
from typing import Any

from servicepunt.triage.engine.lexicon import CHAR_HINTS, MARKERS, STOPWORDS
from servicepunt.triage.engine.text import ARABIC, CYRILLIC, ETHIOPIC, LATIN, Token, fold_word, tokenize

LATIN_LANGUAGES = ("nl", "en", "tr", "pl", "es", "pt", "ro", "fr", "de", "it", "so", "uk", "ku", "ary")
DEFAULT = "nl"
# lingua's evidence per word of a script, at confidence 1.0 (a function word of ours counts 1.0)
LINGUA_WEIGHT = 0.3
DECISIVE, DECISIVE_RATIO = 4.0, 3.0  # own evidence this clear needs no second opinion
LINGUA_MIN_WORDS = 3  # fewer words of a script: lingua's guess is noise ("WSNP" is not Romanian)
LINGUA_MIN_CONFIDENCE = 0.05
# lingua's languages per script, by the name lingua gives them
_LINGUA = {
    LATIN: {
        "DUTCH": "nl",
        "ENGLISH": "en",
        "TURKISH": "tr",
        "POLISH": "pl",
        "SPANISH": "es",
        "PORTUGUESE": "pt",
        "ROMANIAN": "ro",
        "FRENCH": "fr",
        "GERMAN": "de",
        "ITALIAN": "it",
        "SOMALI": "so",
    },
    CYRILLIC: {"UKRAINIAN": "uk", "RUSSIAN": "ru", "BULGARIAN": "bg"},
    ARABIC: {"ARABIC": "ar", "PERSIAN": "fa"},
}

_WORDS: dict[str, frozenset[str]] = {
    lang: frozenset(fold_word(w) for w in (STOPWORDS.get(lang, "") + " " + MARKERS.get(lang, "")).split())
    for lang in set(STOPWORDS) | set(MARKERS)
}
_STOPS: dict[str, frozenset[str]] = {
    lang: frozenset(fold_word(w) for w in words.split()) for lang, words in STOPWORDS.items()
}
STOPWORD_LANGUAGES = tuple(sorted(_STOPS))
_SHARED: dict[str, int] = {}
for _lang in LATIN_LANGUAGES:
    for _word in _WORDS.get(_lang, ()):
        _SHARED[_word] = _SHARED.get(_word, 0) + 1

_UK_LETTERS = set("іїєґ")
_RU_LETTERS = set("ыэё")
_BG_LETTERS = set("ъ")
_PERSIAN_LETTERS = set("پچژگکی")
_PASHTO_LETTERS = set("ټډړښږځڅۍې")
_SORANI_LETTERS = set("ڕڵۆێە")
_UK_WORDS = frozenset(["що", "це", "і", "ми", "ви", "мені", "мене", "його", "коли", "де", "є", "як", "та", "але", "чи"])
_RU_WORDS = frozenset(
    [
        "что",
        "это",
        "и",
        "мы",
        "вы",
        "мне",
        "меня",
        "его",
        "когда",
        "где",
        "есть",
        "как",
        "но",
        "или",
        "нет",
        "хочу",
        "денег",
        "деньги",
        "помогите",
        "работу",
        "квартиру",
        "сейчас",
        "тоже",
        "очень",
        "ничего",
    ]
)
_AMHARIC_WORDS = frozenset(["ነው", "እኔ", "አለ", "የለም", "ምን", "እፈልጋለሁ", "አልችልም", "ነኝ"])
_TIGRINYA_WORDS = frozenset(["እዩ", "ኣነ", "የለን", "እንታይ", "ኣሎ", "ኣሎኒ", "ደልየ", "ኣይክእልን", "እየ"])
_ARABIZI_DIGITS = set("2356789")
_OTHER_SCRIPTS = (
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

_lock = threading.Lock()
_detectors: dict[str, Any] = {}


def stopwords(lang: str) -> frozenset[str]:
    """Folded function words of a language (empty for languages without a list)."""
    return _STOPS.get(lang, frozenset())


def _add(scores: dict[str, float], lang: str, value: float) -> None:
    scores[lang] = scores.get(lang, 0.0) + value


def _word_evidence(tokens: Sequence[Token]) -> dict[str, float]:
    """Evidence per language from our own word lists and letters."""
    scores: dict[str, float] = {}
    for token in tokens:
        letters = set(token.lower)
        if token.script == ARABIC:
            if letters & _PASHTO_LETTERS:
                _add(scores, "ps", 1.5)
            elif letters & _SORANI_LETTERS:
                _add(scores, "ku", 1.5)
            elif letters & _PERSIAN_LETTERS:
                _add(scores, "fa", 0.5)
        elif token.script == CYRILLIC:
            if letters & _UK_LETTERS or token.lower in _UK_WORDS:
                _add(scores, "uk", 0.5)
            if letters & _RU_LETTERS or token.lower in _RU_WORDS:
                _add(scores, "ru", 0.5)
            if letters & _BG_LETTERS:
                _add(scores, "bg", 0.5)
        elif token.script == ETHIOPIC:
            _add(scores, "am" if token.lower in _AMHARIC_WORDS else "ti", 1.5 if token.lower in _AMHARIC_WORDS else 1.0)
            if token.lower in _TIGRINYA_WORDS:
                _add(scores, "ti", 1.0)
        elif token.script == LATIN:
            shared = _SHARED.get(token.fold, 0)
            if shared:
                for lang in LATIN_LANGUAGES:
                    if token.fold in _WORDS.get(lang, ()):
                        _add(scores, lang, 1.0 / shared)
            for ch in letters:
                hint = CHAR_HINTS.get(ch)
                if hint:
                    _add(scores, hint[0], hint[1])
            if "ij" in token.lower:
                _add(scores, "nl", 0.5)
            if _is_arabizi(token.lower):
                _add(scores, "ary", 1.5)
    return scores


def _is_arabizi(word: str) -> bool:
    """A Latin word with a digit standing for an Arabic letter between letters ("ma3ndich", "7ta")."""
    return any(
        ch in _ARABIZI_DIGITS and (i == 0 or word[i - 1].isalpha()) and i + 1 < len(word) and word[i + 1].isalpha()
        for i, ch in enumerate(word)
    )


def _detector(script: str) -> Any:
    detector = _detectors.get(script)
    if detector is None:
        with _lock:
            detector = _detectors.get(script)
            if detector is None:
                from lingua import Language, LanguageDetectorBuilder

                languages = [getattr(Language, name) for name in _LINGUA[script]]
                detector = LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()
                _detectors[script] = detector
    return detector


def _lingua_evidence(tokens: Sequence[Token]) -> dict[str, float]:
    by_script: dict[str, list[str]] = {}
    for token in tokens:
        if token.script in _LINGUA:
            by_script.setdefault(token.script, []).append(token.raw)
    scores: dict[str, float] = {}
    for script, words in by_script.items():
        if len(words) < LINGUA_MIN_WORDS:
            continue
        codes = _LINGUA[script]
        for value in _detector(script).compute_language_confidence_values(" ".join(words)):
            if value.value >= LINGUA_MIN_CONFIDENCE:
                _add(scores, codes[value.language.name], value.value * LINGUA_WEIGHT * len(words))
    return scores


def language_scores(tokens: Sequence[Token]) -> dict[str, float]:
    """Evidence per language: our word lists plus lingua's models, per script."""
    scores = _word_evidence(tokens)
    ranked = sorted(scores.values(), reverse=True)
    if ranked and ranked[0] >= DECISIVE and (len(ranked) == 1 or ranked[0] >= DECISIVE_RATIO * ranked[1]):
        return scores  # our own words already tell: lingua would only confirm
    for lang, value in _lingua_evidence(tokens).items():
        _add(scores, lang, value)
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
    # Dutch wins a near tie: product names and Dutch words turn up in every language.
    if best[0] != DEFAULT and scores.get(DEFAULT, 0.0) >= 0.9 * best[1]:
        return DEFAULT
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

"""Text handling for triage: tokens, normal forms, folding, stemming and compound splitting.

Every word gets three forms: ``lower`` (lowercase, accents kept, for the stemmers),
``plain`` (accents and Arabic vowel marks removed, letter variants unified) and ``fold``:
a spelling-tolerant key. Folding maps Cyrillic to a Latin transliteration (so Ukrainian
written in Cyrillic and in Latin letters meet), and smooths common spelling variation
(c/k, ij/ei, y/i, kh/h, double letters), so "kontract" meets "contract" and "betaalen"
meets "betalen". Stems are folded too; a word's *keys* are its fold plus its folded stems.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Container, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import snowballstemmer

_MARKS = "\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c"
_WORD = rf"(?:[^\W_]|[{_MARKS}])"
TOKEN_RE = re.compile(rf"{_WORD}+(?:['’ʼ`]{_WORD}+)*")

_SPECIAL = str.maketrans(
    {
        "ı": "i",
        "ł": "l",
        "ß": "ss",
        "ø": "o",
        "æ": "ae",
        "œ": "oe",
        "đ": "d",
        "ð": "d",
        "ـ": "",
        "\u200c": "",  # zero-width non-joiner inside Persian words (می‌خواهم = میخواهم)
        "ۀ": "ه",
        "ئ": "ي",
        "’": "'",
        "ʼ": "'",
        "`": "'",
        "ک": "ك",
        "ی": "ي",
        # Sorani Kurdish and Pashto letters that residents type either way
        "ە": "ه",
        "ھ": "ه",
        "ێ": "ي",
        "ۆ": "و",
        "ڕ": "ر",
        "ڵ": "ل",
        "ګ": "گ",
        "ې": "ي",
        "ۍ": "ي",
        **{chr(0x0660 + d): str(d) for d in range(10)},
        **{chr(0x06F0 + d): str(d) for d in range(10)},
    }
)

_CYRILLIC = str.maketrans(
    {
        "а": "a",
        "б": "b",
        "в": "v",
        "г": "h",
        "ґ": "g",
        "д": "d",
        "е": "e",
        "є": "ie",
        "ж": "zh",
        "з": "z",
        "и": "y",
        "і": "i",
        "ї": "i",
        "й": "i",
        "к": "k",
        "л": "l",
        "м": "m",
        "н": "n",
        "о": "o",
        "п": "p",
        "р": "r",
        "с": "s",
        "т": "t",
        "у": "u",
        "ф": "f",
        "х": "kh",
        "ц": "ts",
        "ч": "ch",
        "ш": "sh",
        "щ": "shch",
        "ь": "",
        "ю": "iu",
        "я": "ia",
        "'": "",
        "ё": "e",
        "ы": "y",
        "э": "e",
        "ъ": "",
    }
)

# ሠ-series → ሰ-series and ፀ-series → ጸ-series: the same sound, written either way
_ETHIOPIC = str.maketrans(
    {**{chr(0x1220 + i): chr(0x1230 + i) for i in range(8)}, **{chr(0x1340 + i): chr(0x1338 + i) for i in range(7)}}
)
_C_NOT_H = re.compile(r"c(?!h)")
_DOUBLE = re.compile(r"(.)\1+")

LATIN, CYRILLIC, ARABIC, ETHIOPIC, DIGIT, OTHER = "latin", "cyrillic", "arabic", "ethiopic", "digit", "other"
ARABIC_SCRIPT_LANGUAGES = frozenset({"ar", "fa"})  # stemmed in Arabic script
CYRILLIC_LANGUAGES = frozenset({"uk", "ru", "bg"})

# Ukrainian has no Snowball stemmer: strip common endings from the folded transliteration.
_UK_ENDINGS = sorted(
    [
        "iami",
        "iakh",
        "ami",
        "akh",
        "ovi",
        "evi",
        "omu",
        "ogo",
        "oho",
        "imi",
        "oiu",
        "eiu",
        "iiu",
        "iut",
        "aiut",
        "iat",
        "ati",
        "iti",
        "uvati",
        "iv",
        "ov",
        "om",
        "em",
        "ei",
        "oi",
        "ia",
        "iu",
        "ie",
        "ut",
        "at",
        "it",
        "esh",
        "ish",
        "ete",
        "ite",
        "mo",
        "la",
        "lo",
        "li",
        "ti",
        "t",
        "a",
        "o",
        "u",
        "e",
        "i",
    ],
    key=len,
    reverse=True,
)

_SNOWBALL = {
    "nl": ("dutch", "dutch_porter"),
    "en": ("english",),
    "tr": ("turkish",),
    "pl": ("polish",),
    "es": ("spanish",),
    "pt": ("portuguese",),
    "ro": ("romanian",),
    "fr": ("french",),
    "de": ("german",),
    "it": ("italian",),
    "ar": ("arabic",),
    "fa": ("persian",),
    "ru": ("russian",),
}
# Somali has no Snowball stemmer: strip the common definite and possessive endings.
_SO_ENDINGS = sorted(
    [
        "kayga",
        "tayga",
        "kaaga",
        "taada",
        "kiisa",
        "tiisa",
        "kooda",
        "kayaga",
        "keena",
        "kii",
        "tii",
        "kan",
        "tan",
        "yada",
        "yaal",
        "ooyin",
        "ayaal",
        "aha",
        "ka",
        "ta",
        "ga",
        "da",
        "ha",
        "o",
        "a",
    ],
    key=len,
    reverse=True,
)
_local = threading.local()  # Snowball stemmers keep state while stemming: one set per thread


@dataclass(frozen=True, slots=True)
class Token:
    """One word of the resident's text, with where it stands in the original string."""

    raw: str
    lower: str
    plain: str
    fold: str
    script: str
    start: int
    end: int


def script_of(word: str) -> str:
    for ch in word:
        code = ord(ch)
        if ch.isdigit():
            continue
        if 0x0600 <= code <= 0x06FF or 0x0750 <= code <= 0x077F or 0xFB50 <= code <= 0xFEFF:
            return ARABIC
        if 0x0400 <= code <= 0x04FF:
            return CYRILLIC
        if 0x1200 <= code <= 0x139F or 0x2D80 <= code <= 0x2DDF or 0xAB00 <= code <= 0xAB2F:
            return ETHIOPIC
        if code < 0x0250 or 0x1E00 <= code <= 0x1EFF:
            return LATIN
        return OTHER
    return DIGIT


def to_lower(word: str) -> str:
    return unicodedata.normalize("NFC", word.replace("İ", "i").lower())


def to_plain(lower: str) -> str:
    decomposed = unicodedata.normalize("NFKD", lower.translate(_SPECIAL))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold_plain(plain: str, script: str) -> str:
    """The spelling-tolerant key of a plain word (see module docstring)."""
    if script == ARABIC:
        return plain.replace("'", "").replace("ة", "ه").replace("ى", "ي")
    if script == ETHIOPIC:  # Ge'ez: letters that sound alike in Amharic and Tigrinya, no other smoothing
        return plain.translate(_ETHIOPIC)
    s = plain.translate(_CYRILLIC)  # also for mixed-keyboard words such as "Chоловік"
    s = s.replace("'", "").replace("ij", "ei").replace("ck", "k").replace("ph", "f")
    s = _C_NOT_H.sub("k", s).replace("kh", "h").replace("y", "i")
    # Short words keep their double letters: "WW" and "113" are not "w" and "13".
    return _DOUBLE.sub(r"\1", s) if len(s) > 3 else s


@lru_cache(maxsize=200_000)
def fold_word(word: str) -> str:
    """Fold any word as written (used for word lists)."""
    lower = to_lower(word)
    return fold_plain(to_plain(lower), script_of(lower))


@lru_cache(maxsize=200_000)
def _forms(raw: str) -> tuple[str, str, str, str]:
    lower = to_lower(raw)
    plain = to_plain(lower)
    script = script_of(plain)
    return lower, plain, fold_plain(plain, script), script


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    for match in TOKEN_RE.finditer(text):
        raw = match.group()
        tokens.append(Token(raw, *_forms(raw), match.start(), match.end()))
    return tokens


def uk_stem(folded: str) -> str:
    """Light Ukrainian stemmer on the folded (Latin) form."""
    word = folded
    for reflexive in ("sia", "s"):
        if word.endswith(reflexive) and len(word) - len(reflexive) >= 4:
            word = word[: -len(reflexive)]
            break
    for ending in _UK_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def so_stem(folded: str) -> str:
    """Light Somali stemmer: strip one definite or possessive ending."""
    for ending in _SO_ENDINGS_FOLDED:
        if folded.endswith(ending) and len(folded) - len(ending) >= 3:
            return folded[: -len(ending)]
    return folded


_SO_ENDINGS_FOLDED = sorted({fold_word(e) for e in _SO_ENDINGS}, key=len, reverse=True)


def _snowball(algorithm: str) -> Any:
    stemmers: dict[str, Any] = _local.__dict__.setdefault("stemmers", {})
    stemmer = stemmers.get(algorithm)
    if stemmer is None:
        stemmer = stemmers[algorithm] = snowballstemmer.stemmer(algorithm)
    return stemmer


@lru_cache(maxsize=200_000)
def stem_keys(lower: str, plain: str, script: str, lang: str, query: bool = False) -> frozenset[str]:
    """Folded stems of one word in one language, as "lang|stem" (empty when the language does not apply)."""
    if script in (DIGIT, OTHER, ETHIOPIC):
        return frozenset()
    if lang in ("uk", "bg") and script in (LATIN, CYRILLIC):
        return frozenset({f"{lang}|" + uk_stem(fold_plain(plain, script))})
    if lang == "so" and script == LATIN:
        return frozenset({"so|" + so_stem(fold_plain(plain, script))})
    if lang == "ru" and script == LATIN:  # Russian typed in Latin letters: the light Slavic stemmer
        return frozenset({"ru|" + uk_stem(fold_plain(plain, script))})
    if (script == ARABIC) != (lang in ARABIC_SCRIPT_LANGUAGES) or lang not in _SNOWBALL:
        return frozenset()
    if (script == CYRILLIC) != (lang == "ru"):
        return frozenset()
    forms = {plain} if lang in ("ar", "fa", "es", "en", "pt", "ro", "fr", "it") else {lower, plain}
    # Dutch participles, on the query side only ("gescheiden" ~ "scheiding"), so that vocabulary
    # such as "geslagen" never turns into a bare "slag" that "aan de slag" would match.
    if query and lang == "nl" and len(plain) >= 7:
        if plain.startswith("ge"):
            forms.add(plain[2:])
        if plain[-1] in "dt":
            forms.add(plain[:-1])
    keys = set()
    for algorithm in _SNOWBALL[lang]:
        stemmer = _snowball(algorithm)
        for form in forms:
            stem = stemmer.stemWord(form)
            keys.add(fold_plain(to_plain(stem), script))
            if lang == "ar" and len(stem) >= 4 and stem.endswith("ت"):  # إقامتي -> اقامت -> اقام
                keys.add(fold_plain(stem[:-1], script))
    # Stems live in a namespace per language, so that a Turkish stem never meets a Ukrainian one.
    return frozenset(f"{lang}|{k}" for k in keys if len(k) >= 2)


def token_keys(token: Token, langs: Iterable[str], *, query: bool = False) -> frozenset[str]:
    keys = {token.fold}
    for lang in langs:
        keys |= stem_keys(token.lower, token.plain, token.script, lang, query)
    return frozenset(keys)


_LINKERS = ("en", "er", "s", "e", "n")


def _part(piece: str, known: Container[str]) -> str | None:
    if piece in known:
        return piece
    for linker in _LINKERS:
        if piece.endswith(linker) and len(piece) - len(linker) >= 3 and piece[: -len(linker)] in known:
            return piece[: -len(linker)]
    return None


def split_compound(
    word: str, known: Container[str], *, min_part: int = 3, max_parts: int = 3
) -> tuple[str, ...] | None:
    """Split a (folded) compound such as "huurachterstand" into known words, fewest parts first."""
    n = len(word)
    if n < 2 * min_part:
        return None
    best: list[tuple[str, ...] | None] = [None] * (n + 1)
    best[0] = ()
    for end in range(min_part, n + 1):
        for start in range(0, end - min_part + 1):
            prefix = best[start]
            if prefix is None or len(prefix) >= max_parts:
                continue
            part = _part(word[start:end], known)
            if part is None:
                continue
            candidate = (*prefix, part)
            current = best[end]
            if current is None or len(candidate) < len(current):
                best[end] = candidate
    result = best[n]
    return result if result is not None and len(result) >= 2 else None

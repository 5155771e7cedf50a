"""Normalisation, tokenisation, folding, stemming and compound splitting (no Django)."""

from __future__ import annotations

from servicepunt.triage.engine.text import (
    ARABIC,
    CYRILLIC,
    DIGIT,
    LATIN,
    fold_word,
    split_compound,
    stem_keys,
    tokenize,
    uk_stem,
)


def test_tokens_keep_original_spelling_and_offsets() -> None:
    text = "Ik kan de HUUR niet betaalen, zo'n ellende!"
    tokens = tokenize(text)
    assert [t.raw for t in tokens] == ["Ik", "kan", "de", "HUUR", "niet", "betaalen", "zo'n", "ellende"]
    for token in tokens:
        assert text[token.start : token.end] == token.raw
    assert tokens[3].lower == "huur"


def test_accents_and_special_letters_are_removed_in_plain_form() -> None:
    tokens = tokenize("Geïnteresseerd maaşım pieniądze łóżko İstanbul")
    assert [t.plain for t in tokens] == ["geinteresseerd", "maasim", "pieniadze", "lozko", "istanbul"]


def test_arabic_vowel_marks_and_hamza_forms_are_normalised() -> None:
    with_marks, without = tokenize("الإِيجَار الايجار")
    assert with_marks.script == ARABIC
    assert with_marks.fold == without.fold


def test_scripts() -> None:
    assert [t.script for t in tokenize("huur оренда إيجار 2026")] == [LATIN, CYRILLIC, ARABIC, DIGIT]


def test_folding_tolerates_common_misspellings() -> None:
    assert fold_word("kontract") == fold_word("contract")
    assert fold_word("betaalen") == fold_word("betalen")
    assert fold_word("mijn") == fold_word("mein")
    assert fold_word("Huurtoeslaag") == fold_word("huurtoeslag")


def test_cyrillic_and_latin_ukrainian_meet() -> None:
    assert fold_word("школи") == fold_word("shkoly")
    assert fold_word("спеціальної") == fold_word("spetsialnoi")
    assert uk_stem(fold_word("роботу")) == uk_stem(fold_word("robota"))


def test_mixed_keyboard_word_is_folded() -> None:
    assert fold_word("Chоловік") == fold_word("Чоловік")


def test_stems_are_namespaced_per_language() -> None:
    dutch = stem_keys("uitkeringen", "uitkeringen", LATIN, "nl")
    assert dutch and all(key.startswith("nl|") for key in dutch)
    assert dutch & stem_keys("uitkering", "uitkering", LATIN, "nl")
    assert stem_keys("huur", "huur", LATIN, "ar") == frozenset()


def test_inflected_forms_share_a_stem() -> None:
    def shares(lang: str, a: str, b: str) -> bool:
        return bool(
            stem_keys(a, a, LATIN if lang != "ar" else ARABIC, lang)
            & stem_keys(b, b, LATIN if lang != "ar" else ARABIC, lang)
        )

    assert shares("nl", "schulden", "schuld")
    assert shares("en", "debts", "debt")
    assert shares("tr", "borçlarım", "borç")
    assert shares("pl", "długów", "długi")
    assert shares("es", "deudas", "deuda")


def test_compound_splitting() -> None:
    known = {"huur", "achterstand", "energie", "schuld", "kaart", "invalide", "parkeer"}
    assert split_compound("huurachterstand", known) == ("huur", "achterstand")
    assert split_compound("energieschuld", known) == ("energie", "schuld")
    assert split_compound("invalidenkaart", known) == ("invalide", "kaart")
    assert split_compound("huur", known) is None
    assert split_compound("xyzabcdef", known) is None

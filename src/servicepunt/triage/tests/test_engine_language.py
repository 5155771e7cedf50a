"""Language detection on short samples in each language the counter meets (no Django)."""

from __future__ import annotations

import pytest

from servicepunt.triage.engine import detect_language

SAMPLES = [
    ("nl", "Ik heb een brief gekregen en ik weet niet wat ik moet doen"),
    ("nl", "heb geen geld meer voor de boodschappen"),
    ("en", "I lost my job and I don't know how to pay the rent"),
    ("en", "Can you help me with this letter please"),
    ("ar", "أريد مساعدة في دفع الإيجار لأنني فقدت عملي"),
    ("tr", "Kirayı ödeyemiyorum, bana yardım eder misiniz?"),
    ("tr", "isimi kaybettim ve param yok, ne yapabilirim"),
    ("pl", "Nie mam pieniędzy na czynsz i nie wiem, co robić"),
    ("pl", "Szukam pracy, czy możecie mi pomóc?"),
    ("uk", "Я не можу платити за квартиру, мені потрібна допомога"),
    ("uk", "Meni potribna dopomoha, ya ne mozhu znaity robotu, shcho robyty?"),
    ("es", "No tengo dinero para pagar el alquiler, ¿qué puedo hacer?"),
    ("es", "Necesito ayuda con una carta del ayuntamiento"),
    ("ru", "Мы не можем заплатить за квартиру, что нам делать?"),
]


@pytest.mark.parametrize(("expected", "text"), SAMPLES)
def test_detects_language(expected: str, text: str) -> None:
    assert detect_language(text) == expected


def test_mixed_text_gets_the_dominant_language() -> None:
    assert detect_language("Ik wil werken maar ik vind niks, okul bana göre değil, wat moet ik doen") == "nl"
    assert detect_language("Wallah ik heb geen flouss meer, ik weet het niet meer") == "nl"


def test_single_product_word_defaults_to_dutch() -> None:
    assert detect_language("huurtoeslag") == "nl"
    assert detect_language("WSNP") == "nl"


def test_other_scripts() -> None:
    assert detect_language("我没有钱付房租") == "zh"
    assert detect_language("1234 !!") == "nl"

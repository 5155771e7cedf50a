"""The safety signal files: every example gives its signal (or none), in every language.

Run one language while writing its file: ``pytest src/servicepunt/triage/tests/test_safety_lexicon.py -k ar``.
"""

from __future__ import annotations

from collections import Counter

import pytest

from servicepunt.triage.engine.safety import Example, default_lexicon

LEXICON = default_lexicon()
# Languages the issue names (Farsi and Dari share fa.yaml; Darija in Latin letters is ary).
REQUIRED_LANGUAGES = {"nl", "en", "ar", "ary", "tr", "pl", "uk", "ru", "es", "pt", "ro", "so", "ti", "fa"}
MIN_POSITIVES, MIN_NEGATIVES = 7, 4


def _id(example: Example) -> str:
    return f"{example.language}-{example.signal}-{example.text[:40]}"


@pytest.mark.parametrize("example", LEXICON.examples, ids=_id)
def test_example(example: Example) -> None:
    found = LEXICON.detect(example.text)
    codes = [signal.code for signal in found]
    if example.signal == "none":
        assert not codes, f"false alarm {codes}: {[s.quotes for s in found]}"
    else:
        assert example.signal in codes, f"missed {example.signal}, found {codes}"


def test_every_required_language_has_a_file() -> None:
    assert set(LEXICON.languages) >= REQUIRED_LANGUAGES


@pytest.mark.parametrize("language", sorted(REQUIRED_LANGUAGES))
def test_every_language_has_positive_and_negative_examples(language: str) -> None:
    counts = Counter(e.signal for e in LEXICON.examples if e.language == language)
    negatives = counts.pop("none", 0)
    assert sum(counts.values()) >= MIN_POSITIVES, counts
    assert negatives >= MIN_NEGATIVES
    assert {"suicide", "domestic-violence", "homeless-tonight"} <= set(counts), counts


def test_every_signal_has_examples() -> None:
    signals = {e.signal for e in LEXICON.examples}
    assert set(LEXICON.definitions) <= signals


def test_the_urgent_products_exist_in_the_catalogue() -> None:
    from servicepunt.triage.engine.yaml_source import DATA_DIR, read_products

    urgent = {doc.code for doc in read_products(DATA_DIR) if doc.urgent}
    for definition in LEXICON.definitions.values():
        assert set(definition.products) <= urgent, definition.code


def test_catalogue_texts_raise_no_alarm() -> None:
    """The catalogue's own descriptions of ordinary products are ordinary text in nl and en."""
    from servicepunt.triage.engine.yaml_source import DATA_DIR, read_products

    for doc in read_products(DATA_DIR):
        if doc.urgent:
            continue
        for texts in doc.texts.values():
            for text in texts:
                assert not LEXICON.detect(text), (doc.code, text)

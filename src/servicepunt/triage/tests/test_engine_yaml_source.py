"""Reading ProductDocs from the catalogue YAML files, and the index build budget (no Django)."""

from __future__ import annotations

from pathlib import Path

import yaml

from servicepunt.triage.engine import TriageIndex
from servicepunt.triage.engine.yaml_source import DATA_DIR, read_products, read_vocabulary

CONTRACT = Path(__file__).resolve().parents[5] / "shared" / "contract" / "products.yaml"


def _contract_codes() -> set[str]:
    if not CONTRACT.exists():
        return set()
    return {p["code"] for p in yaml.safe_load(CONTRACT.read_text(encoding="utf-8"))["products"]}


def test_every_product_has_vocabulary_in_the_main_languages() -> None:
    vocabulary = read_vocabulary(DATA_DIR / "vocabulary")
    codes = _contract_codes() or set(vocabulary)
    assert codes <= set(vocabulary), sorted(codes - set(vocabulary))
    for code in codes:
        for lang in ("nl", "en", "ar", "tr", "pl", "uk", "es"):
            assert vocabulary[code].get(lang), f"{code} has no '{lang}' vocabulary"


def test_vocabulary_phrases_are_plain_strings() -> None:
    for per_lang in read_vocabulary(DATA_DIR / "vocabulary").values():
        for phrases in per_lang.values():
            assert all(isinstance(p, str) and p.strip() == p and p for p in phrases)


def test_read_products_gives_docs_with_texts_and_urgency() -> None:
    docs = {d.code: d for d in read_products(DATA_DIR, CONTRACT)}
    assert _contract_codes() <= set(docs)
    assert docs["veilig-thuis"].urgent and not docs["huurtoeslag"].urgent
    assert docs["huurtoeslag"].vocabulary["nl"]
    assert "nl" in docs["huurtoeslag"].texts


def test_index_holds_every_product_of_the_files() -> None:
    # Build time is measured in bench/triage.py, never asserted in a test.
    docs = read_products(DATA_DIR, CONTRACT)
    index = TriageIndex.build(docs)
    assert len(index.codes) == len(docs)

"""Needs between words and products, several needs in one story, very long and very short texts."""

from __future__ import annotations

import pytest

from servicepunt.triage.engine import NeedDoc, ProductDoc, TriageIndex
from servicepunt.triage.engine.devtool import cached_index
from servicepunt.triage.engine.needs import NeedFileError, read_needs
from servicepunt.triage.engine.safety import SafetyLexicon
from servicepunt.triage.engine.yaml_source import DATA_DIR, read_products


def _tiny() -> TriageIndex:
    products = [
        ProductDoc("bijstand", "Bijstandsuitkering", "", ("geld",), False, {"nl": ("bijstand",)}),
        ProductDoc("raad", "Sociaal raadslieden", "", ("geld",), False, {"nl": ("brief",)}),
    ]
    needs = [
        NeedDoc(
            "income-stopped",
            "een uitkering die is gestopt",
            (("bijstand", 1.0), ("raad", 0.5)),
            {"nl": ("uitkering gestopt",)},
        )
    ]
    return TriageIndex.build(products, needs, SafetyLexicon(()))


def test_a_need_leads_to_its_products_without_any_product_word() -> None:
    answer = _tiny().search("mijn uitkering is gestopt")
    assert [m.product for m in answer.results] == ["bijstand", "raad"]
    assert "een uitkering die is gestopt" in answer.results[0].why
    assert answer.needs[0].need == "income-stopped"
    assert answer.needs[0].words == ("uitkering is gestopt",)
    assert answer.needs[0].products == ("bijstand", "raad")


def test_a_word_counts_once_per_product_whatever_way_it_came() -> None:
    products = [ProductDoc("p", "P", "", (), False, {"nl": ("uitkering gestopt",)})]
    needs = [NeedDoc("n", "n", (("p", 1.0),), {"nl": ("uitkering gestopt",)})]
    with_need = TriageIndex.build(products, needs, SafetyLexicon(())).search("uitkering gestopt")
    without = TriageIndex.build(products, (), SafetyLexicon(())).search("uitkering gestopt")
    assert with_need.results[0].score == without.results[0].score


def test_every_need_points_to_catalogue_products_and_has_dutch_and_english_words() -> None:
    codes = {doc.code for doc in read_products(DATA_DIR)}
    needs = read_needs(products=codes)
    assert len(needs) >= 30
    for need in needs:
        assert need.vocabulary.get("nl") and need.vocabulary.get("en"), need.code


def test_a_need_pointing_to_an_unknown_product_is_refused(tmp_path: object) -> None:
    from pathlib import Path

    directory = Path(str(tmp_path))
    (directory / "needs.yaml").write_text("needs:\n  - {code: x, label: x, products: {nope: 1.0}}\n", encoding="utf-8")
    with pytest.raises(NeedFileError, match="nope"):
        read_needs(directory, products={"bijstand"})


def test_one_story_with_several_needs_gives_each_need_with_its_products_and_words() -> None:
    answer = cached_index().search(
        "Mijn man is vorige maand overleden, ik kan de begrafenis niet betalen en nu komt de thuiszorg ook niet meer."
    )
    needs = {n.need: n for n in answer.needs}
    assert {"partner-died", "funeral-costs", "care-stopped"} <= set(needs)
    assert "anw-uitkering" in needs["partner-died"].products
    assert "bijzondere-bijstand" in needs["funeral-costs"].products
    assert "huishoudelijke-hulp" in needs["care-stopped"].products
    assert all(n.words for n in answer.needs)


def test_a_signal_is_the_first_need_and_marked_urgent() -> None:
    answer = cached_index().search("ik heb schulden bij iedereen en ik wil niet meer leven")
    assert answer.needs[0].urgent and answer.needs[0].need == "safety:suicide"
    assert answer.needs[0].products == ("zelfmoordpreventie-113",)
    assert any(n.need == "debts" or "schuldhulpverlening" in n.products for n in answer.needs[1:])


def test_a_very_long_story_is_read_to_the_end() -> None:
    filler = "Ik heb een brief gekregen over mijn huurtoeslag en ik begrijp niet wat ik moet doen. " * 150
    answer = cached_index().search(filler + "Eigenlijk wil ik er niet meer zijn.")
    assert len(filler) > 10_000
    assert answer.results[0].product == "zelfmoordpreventie-113"
    assert "huurtoeslag" in [m.product for m in answer.results[:5]]


@pytest.mark.parametrize("text", ["schulden", "DigiD", "huurtoeslag", "AOW"])
def test_a_single_word_gives_an_answer(text: str) -> None:
    assert cached_index().search(text).results


@pytest.mark.parametrize("text", ["!!!", "123", "qwxz"])
def test_no_answer_says_why(text: str) -> None:
    answer = cached_index().search(text)
    assert not answer.results
    assert "Vraag door" in answer.notice

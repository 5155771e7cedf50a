"""suggest(): the cli.md shape, asked products, received products, ordering, questions to ask."""

from __future__ import annotations

import datetime as dt

from servicepunt.infoflits.engine import load_ruleset, suggest

RULESET = load_ruleset()
TODAY = dt.date(2026, 11, 23)


def test_shape_of_a_suggestion() -> None:
    result = suggest({"safety": {"domestic_violence": True}}, RULESET, today=TODAY).to_dict()
    first = next(s for s in result["suggestions"] if s["product"] == "veilig-thuis")
    assert first == {
        "product": "veilig-thuis",
        "urgent": True,
        "rule": "safety.domestic-violence",
        "reason": first["reason"],
        "reason_en": first["reason_en"],
        "facts": {"safety.domestic_violence": True},
        "ask": [],
        "asked": False,
    }
    assert result["not_suggested"] == []


def test_asked_product_excluded_by_a_rule_is_explained() -> None:
    situation = {"question": {"asked_products": ["zorgtoeslag"]}, "person": {"age": 17}}
    result = suggest(situation, RULESET, today=TODAY)
    assert "zorgtoeslag" not in [s.product for s in result.suggestions]
    assert [n.reason for n in result.not_suggested if n.product == "zorgtoeslag"] == [
        "Zorgtoeslag kan pas vanaf 18 jaar."
    ]


def test_asked_product_with_open_facts_is_suggested_with_questions() -> None:
    situation = {
        "question": {"asked_products": ["huurtoeslag", "uittreksel-brp"]},
        "person": {"age": 45},
        "housing": {"situation": "rent_social"},
    }
    by_product = {s.product: s for s in suggest(situation, RULESET, today=TODAY).suggestions}
    assert by_product["huurtoeslag"].asked and by_product["huurtoeslag"].rule == "income.huurtoeslag"
    assert any("inkomen" in q for q in by_product["huurtoeslag"].ask)
    assert by_product["uittreksel-brp"].asked and by_product["uittreksel-brp"].rule == "asked.uittreksel-brp"


def test_unknown_savings_still_suggests_huurtoeslag_and_asks_for_it() -> None:
    situation = {
        "person": {"age": 30, "has_partner": False},
        "children": [],
        "housing": {"situation": "rent_social", "monthly_rent": 650},
        "income": {"net_monthly_household": 1500},
    }
    found = {s.product: s for s in suggest(situation, RULESET, today=TODAY).suggestions}
    assert found["huurtoeslag"].ask == ("Vraag naar spaargeld en ander vermogen.",)
    assert found["huurtoeslag"].ask_en == ("Ask about savings and other assets.",)


def test_clearly_unfavourable_decisive_fact_does_not_fire() -> None:
    situation = {
        "person": {"age": 30, "has_partner": False},
        "housing": {"situation": "owner"},
        "income": {"net_monthly_household": 1500},
    }
    assert "huurtoeslag" not in {s.product for s in suggest(situation, RULESET, today=TODAY).suggestions}


def test_received_products_are_never_suggested_and_asked_ones_are_explained() -> None:
    situation = {
        "question": {"asked_products": ["kinderbijslag"]},
        "children": [{"age": 3}],
        "benefits_received": ["kinderbijslag"],
        "income": {"sources": ["social_assistance"]},
        "person": {"age": 30},
    }
    result = suggest(situation, RULESET, today=TODAY)
    products = {s.product for s in result.suggestions}
    assert "kinderbijslag" not in products
    assert "bijstand" not in products  # received per income source
    assert [n.product for n in result.not_suggested] == ["kinderbijslag"]


def test_urgent_first_then_asked_then_catalogue_order() -> None:
    situation = {
        "question": {"asked_products": ["buurtteam"]},
        "social": {"lonely": True},
        "health": {"suicidal_thoughts": True, "addiction_concern": True},
        "safety": {"domestic_violence": True},
    }
    products = [s.product for s in suggest(situation, RULESET, today=TODAY).suggestions]
    assert products[:3] == ["vrouwenopvang", "veilig-thuis", "zelfmoordpreventie-113"]
    assert products[3] == "buurtteam"
    assert products.index("urgentie-woning") < products.index("verslavingszorg")


def test_obvious_near_miss_is_explained() -> None:
    situation = {
        "person": {"age": 70, "has_partner": False},
        "children": [],
        "income": {"net_monthly_household": 500, "savings": 0},
    }
    result = suggest(situation, RULESET, today=TODAY)
    assert any(n.product == "bijstand" and "AOW" in n.reason for n in result.not_suggested)

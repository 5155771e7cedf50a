"""Coverage: every product of the contract has a rule or is listed as triage-only with a reason."""

from __future__ import annotations

from servicepunt.infoflits.engine import load_ruleset

RULESET = load_ruleset()


def test_every_product_has_a_rule_or_is_triage_only() -> None:
    uncovered = [
        code for code in RULESET.products if code not in RULESET.by_product and code not in RULESET.triage_only
    ]
    assert uncovered == []


def test_triage_only_products_have_no_rules_and_a_reason() -> None:
    for code, reason in RULESET.triage_only.items():
        assert code not in RULESET.by_product
        assert len(reason) > 20


def test_product_list_is_the_contract_list() -> None:
    assert len(RULESET.products) == 59
    urgent = {code for code, product in RULESET.products.items() if product.urgent}
    assert urgent == {"maatschappelijke-opvang", "vrouwenopvang", "veilig-thuis", "zelfmoordpreventie-113"}


def test_rules_of_urgent_products_are_urgent() -> None:
    for rule in RULESET.rules:
        assert rule.urgent == RULESET.products[rule.product].urgent, rule.id

"""Every rule's own examples: 'fires' situations raise the rule, 'silent' ones do not. The
examples are partial situations and must be schema-valid. Malformed rule files are refused with
an error naming the file and the rule id."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from servicepunt.infoflits.engine import RuleError, load_ruleset, validate_situation
from servicepunt.infoflits.engine.conditions import Env
from servicepunt.infoflits.engine.engine import reference_date
from servicepunt.infoflits.engine.facts import derive
from servicepunt.infoflits.engine.rules import ASK, FIRE, Rule, RuleSet

RULESET = load_ruleset()
EXAMPLE_DATE = dt.date(2026, 11, 23)
DATA = Path(__file__).resolve().parents[1] / "data"


def _cases() -> list[Any]:
    return [
        pytest.param(rule, kind, example, id=f"{rule.id}-{kind}-{index}")
        for rule in RULESET.rules
        for kind in ("fires", "silent")
        for index, example in enumerate(rule.examples[kind])
    ]


def decide(rule: Rule, situation: dict[str, Any], ruleset: RuleSet = RULESET) -> str:
    params = ruleset.parameters.at(reference_date(situation, EXAMPLE_DATE))
    return rule.decide(Env(derive(situation, params), params)).status


@pytest.mark.parametrize(("rule", "kind", "example"), _cases())
def test_rule_example(rule: Rule, kind: str, example: dict[str, Any]) -> None:
    validate_situation(example)
    status = decide(rule, example)
    if kind == "fires":
        assert status in (FIRE, ASK), f"{rule.id} should fire on {example}, got {status}"
    else:
        assert status not in (FIRE, ASK), f"{rule.id} should stay silent on {example}, got {status}"


def test_rule_ids_follow_the_domain_dot_name_form() -> None:
    assert all("." in rule.id and rule.id == rule.id.lower() for rule in RULESET.rules)


def test_every_rule_has_both_reasons_and_a_legal_basis_where_the_product_has_one() -> None:
    for rule in RULESET.rules:
        assert rule.reason and rule.reason_en, rule.id
        if rule.legal_basis:
            assert rule.legal_basis.get("label"), rule.id


def _broken_copy(tmp_path: Path, file: str, edit: Any) -> Path:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    path = data / "rules" / file
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(raw["rules"])
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return data


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda rules: rules[0]["when"].update({"field": "income.netto"}), "unknown field"),
        (lambda rules: rules[0].update({"product": "toverstaf"}), "unknown product 'toverstaf'"),
        (lambda rules: rules[0].pop("reason_en"), "missing 'reason_en'"),
        (
            lambda rules: rules[0].update({"when": {"field": "person.age", "lte": {"param": "nope"}}}),
            "unknown parameter 'nope'",
        ),
        (lambda rules: rules[0].update({"when": {"field": "person.age", "between": 3}}), "exactly one operator"),
        (lambda rules: rules[0].update({"when": "person.age > 3"}), "non-empty mapping"),
        (lambda rules: rules[1].update({"id": rules[0]["id"]}), "already defined"),
        (lambda rules: rules[0].update({"urgent": True}), "urgent is True"),
    ],
)
def test_bad_rule_files_are_refused_naming_file_and_rule(tmp_path: Path, edit: Any, message: str) -> None:
    data = _broken_copy(tmp_path, "geld-toeslagen.yaml", edit)
    with pytest.raises(RuleError) as error:
        load_ruleset(data)
    assert "geld-toeslagen.yaml: rule 'income." in str(error.value)
    assert message in str(error.value)

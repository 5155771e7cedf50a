"""Rules as data: loading and validating data/rules/*.yaml, and one rule's decision.

A rule raises one product when its `when` condition holds and none of its `unless` exclusions
holds. The three-valued policy, per rule:
  FIRE  when is True and no exclusion is True                         -> suggested
  ASK   when is unknown, and every unknown fact is in ask_if_unknown
        (at most max_unknown of them, default 2), no exclusion True    -> suggested, with ask
  NO    an exclusion is True (its reason), or when is False            -> not suggested
  OPEN  anything else (unknown decisive facts)                         -> not suggested, unless asked
An exclusion blocks only when it is known to hold: an unknown exclusion does not block.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from servicepunt.infoflits.engine.conditions import Cond, ConditionError, Env, compile_condition
from servicepunt.infoflits.engine.facts import DERIVED_FIELDS
from servicepunt.infoflits.engine.parameters import Parameters

DEFAULT_MAX_UNKNOWN = 2
RULE_ID = re.compile(r"^[a-z]+\.[a-z0-9-]+$")
RULE_KEYS = {
    "id",
    "product",
    "urgent",
    "legal_basis",
    "when",
    "unless",
    "ask_if_unknown",
    "max_unknown",
    "reason",
    "reason_en",
    "not_reason",
    "not_reason_en",
    "examples",
}
FIRE, ASK, NO, OPEN = "fire", "ask", "no", "open"


class RuleError(ValueError):
    """A rule file is malformed; the message names the file and the rule id."""


@dataclass(frozen=True)
class Exclusion:
    when: Cond
    reason: str
    reason_en: str


@dataclass(frozen=True)
class Decision:
    status: str
    facts: tuple[tuple[str, Any], ...] = ()
    unknown: tuple[str, ...] = ()
    why_not: tuple[str, str] | None = None  # (nl, en) when status is NO
    near_miss: bool = False  # NO by an exclusion although `when` held: worth telling the employee


@dataclass(frozen=True)
class Rule:
    id: str
    product: str
    urgent: bool
    legal_basis: Mapping[str, str] | None
    when: Cond
    unless: tuple[Exclusion, ...]
    ask_if_unknown: frozenset[str]
    max_unknown: int
    reason: str
    reason_en: str
    not_reason: str | None
    not_reason_en: str | None
    examples: Mapping[str, tuple[Mapping[str, Any], ...]]
    file: str

    def decide(self, env: Env) -> Decision:
        value, unknown, facts = self.when.evaluate(env)
        for exclusion in self.unless:
            if exclusion.when.evaluate(env)[0] is True:
                return Decision(NO, why_not=(exclusion.reason, exclusion.reason_en), near_miss=value is True)
        if value is True:
            return Decision(FIRE, facts)
        if value is False:
            why = (self.not_reason, self.not_reason_en or self.not_reason) if self.not_reason else None
            return Decision(NO, facts, why_not=why)
        unknown = tuple(dict.fromkeys(unknown))
        if len(unknown) <= self.max_unknown and set(unknown) <= self.ask_if_unknown:
            return Decision(ASK, facts, unknown)
        return Decision(OPEN, facts, unknown)


@dataclass(frozen=True)
class Product:
    code: str
    name: str
    urgent: bool


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]
    parameters: Parameters
    products: Mapping[str, Product]
    questions: Mapping[str, tuple[str, str]]
    triage_only: Mapping[str, str]
    schema_path: Path
    by_product: Mapping[str, tuple[Rule, ...]] = field(default_factory=dict)


def _yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise RuleError(f"{path.name}: not valid YAML: {error}") from error


def schema_fields(schema_path: Path) -> tuple[frozenset[str], frozenset[str]]:
    """The dotted situation fields of the schema, and the fields of one child."""
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    fields: set[str] = set()
    for name, spec in schema["properties"].items():
        props = spec.get("properties")
        fields.update(f"{name}.{key}" for key in props) if props else fields.add(name)
    child = frozenset(schema["properties"]["children"]["items"]["properties"])
    return frozenset(fields), child


def _rule(raw: Any, file: str, ctx: dict[str, Any]) -> Rule:
    rid = raw.get("id") if isinstance(raw, Mapping) else None
    where = f"{file}: rule '{rid}'"
    if not isinstance(raw, Mapping) or not isinstance(rid, str) or not RULE_ID.match(rid):
        raise RuleError(f"{where}: needs an id like 'domain.name' (lowercase, dashes)")
    if set(raw) - RULE_KEYS:
        raise RuleError(f"{where}: unknown keys {sorted(set(raw) - RULE_KEYS)}")
    for key in ("product", "urgent", "when", "reason", "reason_en"):
        if key not in raw or raw[key] in (None, ""):
            raise RuleError(f"{where}: missing '{key}'")
    product = ctx["products"].get(raw["product"])
    if product is None:
        raise RuleError(f"{where}: unknown product '{raw['product']}'")
    if bool(raw["urgent"]) != product.urgent:
        raise RuleError(f"{where}: urgent is {raw['urgent']} but product '{product.code}' has urgent {product.urgent}")
    fields, child = ctx["fields"], ctx["child_fields"]
    try:
        when = compile_condition(raw["when"], f"{where} when", fields, child)
        unless = []
        for index, item in enumerate(raw.get("unless") or []):
            if (
                not isinstance(item, Mapping)
                or not item.get("reason")
                or not item.get("reason_en")
                or "when" not in item
            ):
                raise RuleError(f"{where}: unless[{index}] needs 'when', 'reason' and 'reason_en'")
            unless.append(
                Exclusion(
                    compile_condition(item["when"], f"{where} unless[{index}]", fields, child),
                    str(item["reason"]),
                    str(item["reason_en"]),
                )
            )
    except ConditionError as error:
        raise RuleError(str(error)) from error
    for cond in (when, *(e.when for e in unless)):
        for name in cond.params_used() - set(ctx["parameters"].parameters):
            raise RuleError(f"{where}: unknown parameter '{name}'")
    ask = frozenset(raw.get("ask_if_unknown") or ())
    for path in ask:
        if path not in ctx["questions"]:
            raise RuleError(f"{where}: ask_if_unknown field '{path}' has no question in questions.yaml")
    basis = raw.get("legal_basis")
    if basis is not None and (not isinstance(basis, Mapping) or not basis.get("label")):
        raise RuleError(f"{where}: legal_basis needs a 'label' (and a 'url' where one exists)")
    examples = raw.get("examples") or {}
    if not isinstance(examples, Mapping) or not examples.get("fires") or not examples.get("silent"):
        raise RuleError(f"{where}: needs examples with at least one 'fires' and one 'silent' situation")
    return Rule(
        rid,
        product.code,
        bool(raw["urgent"]),
        basis,
        when,
        tuple(unless),
        ask,
        int(raw.get("max_unknown", DEFAULT_MAX_UNKNOWN)),
        str(raw["reason"]).strip(),
        str(raw["reason_en"]).strip(),
        raw.get("not_reason"),
        raw.get("not_reason_en"),
        {k: tuple(examples.get(k) or ()) for k in ("fires", "silent")},
        file,
    )


def load_ruleset(data_dir: Path | None = None) -> RuleSet:
    """Load and validate products, parameters, questions, triage-only list and all rule files."""
    data_dir = data_dir or Path(__file__).resolve().parent.parent / "data"
    products = {
        p["code"]: Product(p["code"], p["name"], bool(p.get("urgent")))
        for p in _yaml(data_dir / "products.yaml")["products"]
    }
    questions = {k: (v["nl"], v["en"]) for k, v in _yaml(data_dir / "questions.yaml")["questions"].items()}
    schema_path = data_dir / "situation.schema.json"
    fields, child_fields = schema_fields(schema_path)
    parameters = Parameters.load(data_dir / "parameters.yaml")
    ctx: dict[str, Any] = {
        "products": products,
        "questions": questions,
        "parameters": parameters,
        "fields": fields | DERIVED_FIELDS,
        "child_fields": child_fields,
    }
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for path in sorted((data_dir / "rules").glob("*.yaml")):
        raw = _yaml(path)
        if not isinstance(raw, Mapping) or not isinstance(raw.get("rules"), list):
            raise RuleError(f"{path.name}: needs a top-level 'rules' list")
        for item in raw["rules"]:
            rule = _rule(item, path.name, ctx)
            if rule.id in seen:
                raise RuleError(f"{path.name}: rule '{rule.id}' already defined in {seen[rule.id]}")
            seen[rule.id] = path.name
            rules.append(rule)
    triage = _yaml(data_dir / "triage_only.yaml")
    triage_only = {str(t["product"]): str(t["reason"]) for t in (triage or {}).get("triage_only") or []}
    for code in triage_only:
        if code not in products:
            raise RuleError(f"triage_only.yaml: unknown product '{code}'")
    by_product: dict[str, list[Rule]] = {}
    for rule in rules:
        by_product.setdefault(rule.product, []).append(rule)
    return RuleSet(
        tuple(rules),
        parameters,
        products,
        questions,
        triage_only,
        schema_path,
        {k: tuple(v) for k, v in by_product.items()},
    )

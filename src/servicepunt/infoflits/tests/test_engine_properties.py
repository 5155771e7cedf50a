"""Property tests: any schema-valid situation gives a valid answer; never a product already
received; urgent suggestions first; the same answer every time."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from servicepunt.infoflits.engine import load_ruleset, suggest, validate_situation

RULESET = load_ruleset()
SCHEMA = json.loads(RULESET.schema_path.read_text(encoding="utf-8"))
CODES = sorted(RULESET.products)


def strategy(spec: dict[str, Any], name: str = "") -> st.SearchStrategy[Any]:
    """A strategy for the subset of JSON Schema the situation schema uses."""
    if "enum" in spec:
        return st.sampled_from(spec["enum"])
    kind = spec.get("type")
    if isinstance(kind, list):
        return st.one_of(*(strategy({**spec, "type": k}, name) for k in kind))
    if kind == "null":
        return st.none()
    if kind == "boolean":
        return st.booleans()
    if kind == "integer":
        return st.integers(spec.get("minimum", 0), spec.get("maximum", 80))
    if kind == "number":
        return st.floats(spec.get("minimum", 0), 20000, allow_nan=False).map(lambda x: round(x, 2))
    if kind == "string":
        if spec.get("format") == "date":
            return st.dates(dt.date(2024, 6, 1), dt.date(2028, 12, 31)).map(dt.date.isoformat)
        return st.text(max_size=20)
    if kind == "array":
        items = spec["items"]
        if name in ("asked_products", "benefits_received"):
            return st.lists(st.sampled_from(CODES), max_size=6, unique=True)
        return st.lists(strategy(items, name), max_size=4)
    if kind == "object":
        props = {key: strategy(sub, key) for key, sub in spec.get("properties", {}).items()}
        return st.fixed_dictionaries({}, optional=props)
    raise AssertionError(f"no strategy for {spec}")


SITUATIONS = strategy(SCHEMA)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(SITUATIONS)
def test_any_valid_situation_gives_a_valid_answer(situation: dict[str, Any]) -> None:
    validate_situation(situation)
    result = suggest(situation, RULESET, today=dt.date(2026, 11, 23))
    answer = result.to_dict()
    assert set(answer) == {"suggestions", "not_suggested"}
    products = [s["product"] for s in answer["suggestions"]]
    assert len(products) == len(set(products))
    assert set(products) <= set(CODES)
    assert not set(products) & set(situation.get("benefits_received") or [])
    urgent = [s["urgent"] for s in answer["suggestions"]]
    assert urgent == sorted(urgent, reverse=True), "urgent suggestions come first"
    asked = set((situation.get("question") or {}).get("asked_products") or [])
    for s in answer["suggestions"]:
        assert set(s) == {"product", "urgent", "rule", "reason", "reason_en", "facts", "ask", "asked"}
        assert s["reason"] and s["reason_en"] and s["asked"] == (s["product"] in asked)
        assert s["urgent"] == RULESET.products[s["product"]].urgent
    assert not set(products) & {n["product"] for n in answer["not_suggested"]}
    json.dumps(answer)
    assert suggest(situation, RULESET, today=dt.date(2026, 11, 23)).to_dict() == answer


@settings(max_examples=100, deadline=None)
@given(SITUATIONS)
def test_asked_products_are_always_answered(situation: dict[str, Any]) -> None:
    asked = set((situation.get("question") or {}).get("asked_products") or [])
    answer = suggest(situation, RULESET, today=dt.date(2026, 11, 23)).to_dict()
    answered = {s["product"] for s in answer["suggestions"]} | {n["product"] for n in answer["not_suggested"]}
    assert asked <= answered

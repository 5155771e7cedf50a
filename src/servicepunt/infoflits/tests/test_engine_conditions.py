"""The condition language: three-valued (Kleene) logic, unknown fields reported, derived
household facts as sets of possibilities, parameters keyed by facts."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from servicepunt.infoflits.engine import load_ruleset
from servicepunt.infoflits.engine.conditions import ConditionError, Env, compile_condition
from servicepunt.infoflits.engine.facts import DERIVED_FIELDS, Possible, derive
from servicepunt.infoflits.engine.rules import schema_fields

RULESET = load_ruleset()
FIELDS, CHILD = schema_fields(RULESET.schema_path)
FIELDS = FIELDS | DERIVED_FIELDS
VIEW = RULESET.parameters.at(dt.date(2026, 11, 23))
T, F, U = (
    {"field": "safety.domestic_violence", "is": True},
    {"field": "safety.child_unsafe", "is": True},
    {"field": "social.lonely", "is": True},
)
SITUATION = {"safety": {"domestic_violence": True, "child_unsafe": False}}  # social.lonely unknown


def run(node: Any, situation: dict[str, Any] | None = None) -> tuple[Any, tuple[str, ...]]:
    cond = compile_condition(node, "test", FIELDS, CHILD)
    value, unknown, _ = cond.evaluate(Env(derive(situation if situation is not None else SITUATION, VIEW), VIEW))
    return value, unknown


@pytest.mark.parametrize(
    ("node", "expected"),
    [
        (T, True),
        (F, False),
        (U, None),
        ({"all": [T, T]}, True),
        ({"all": [T, F]}, False),
        ({"all": [T, U]}, None),
        ({"all": [F, U]}, False),
        ({"any": [F, F]}, False),
        ({"any": [F, T]}, True),
        ({"any": [F, U]}, None),
        ({"any": [T, U]}, True),
        ({"not": T}, False),
        ({"not": U}, None),
        ({"not": {"all": [F, U]}}, True),
    ],
)
def test_kleene_truth_table(node: Any, expected: Any) -> None:
    assert run(node)[0] is expected


def test_unknown_names_the_missing_field_only_when_it_matters() -> None:
    assert run({"all": [T, U]})[1] == ("social.lonely",)
    assert run({"all": [F, U]})[1] == ()


def test_absent_and_null_are_unknown_but_known_op_is_two_valued() -> None:
    node = {"field": "income.savings", "lte": 100}
    assert run(node, {"income": {"savings": None}})[0] is None
    assert run(node, {})[0] is None
    assert run({"field": "income.savings", "known": False}, {})[0] is True


def test_any_child_three_valued() -> None:
    node = {"any_child": {"age": {"lt": 18}}}
    assert run(node, {})[0] is None  # no children answer
    assert run(node, {"children": []})[0] is False
    assert run(node, {"children": [{"age": 20}, {}]}) == (None, ("children.age",))
    assert run(node, {"children": [{"age": 20}, {"age": 3}]})[0] is True
    assert run(node, {"children": [{"age": 3, "lives_at_home": False}]})[0] is False


def test_param_by_derived_household_type() -> None:
    node = {
        "field": "income.net_monthly",
        "lte": {"param": "minima.income_limit_net_month", "by": "household.minima_type"},
    }
    single = {"person": {"age": 40, "has_partner": False}, "children": []}
    assert run(node, {**single, "income": {"net_monthly_household": 1700}})[0] is True
    assert run(node, {**single, "income": {"net_monthly_household": 1900}})[0] is False
    parent = {"person": {"age": 40, "has_partner": False}, "children": [{"age": 5}]}
    assert run(node, {**parent, "income": {"net_monthly_household": 1900}})[0] is True


def test_possible_household_decides_when_every_possibility_agrees() -> None:
    node = {
        "field": "income.net_monthly",
        "lte": {"param": "minima.income_limit_net_month", "by": "household.minima_type"},
    }
    unknown_household = {"person": {"age": 40}}
    facts = derive(unknown_household, VIEW)
    assert isinstance(facts["household.minima_type"], Possible)
    assert run(node, {**unknown_household, "income": {"net_monthly_household": 0}})[0] is True
    assert run(node, {**unknown_household, "income": {"net_monthly_household": 9000}})[0] is False
    assert run(node, {**unknown_household, "income": {"net_monthly_household": 1900}}) == (
        None,
        ("household.minima_type",),
    )


def test_times_scales_a_parameter() -> None:
    node = {
        "field": "income.net_monthly",
        "lt": {
            "param": "bijstand.norm_net_month",
            "by": "household.norm_type",
            "times": {"param": "aio.implied_incomplete_factor"},
        },
    }
    old = {"person": {"age": 70, "has_partner": False}}
    assert run(node, {**old, "income": {"net_monthly_household": 1300}})[0] is True
    assert run(node, {**old, "income": {"net_monthly_household": 1500}})[0] is False


def test_derived_facts() -> None:
    facts = derive(
        {
            "person": {"age": 69, "has_partner": True, "partner_age": 64},
            "children": [],
            "income": {"sources": ["none"]},
            "benefits_received": ["zorgtoeslag"],
        },
        VIEW,
    )
    assert facts["household.type"] == "couple"
    assert facts["household.norm_type"] == "couple_aow"
    assert facts["household.size_class"] == "multi_person"
    assert facts["income.net_monthly"] == 0
    assert facts["received"] == {"zorgtoeslag"}
    parent = derive(
        {
            "person": {"age": 30, "has_partner": False},
            "children": [{"age": 2}, {"age": 19}],
            "income": {"sources": ["social_assistance"]},
        },
        VIEW,
    )
    assert (parent["household.type"], parent["household.children_under_18"]) == ("single_parent", 1)
    assert parent["received"] == {"bijstand"}


@pytest.mark.parametrize(
    "node",
    [
        {"field": "nope.field", "is": True},
        {"field": "person.age", "is": 1, "lt": 2},
        {"all": []},
        {"any_child": {"shoe_size": {"lt": 3}}},
        {"field": "person.age", "lt": {"param": "aow.age", "by": "person.shoe"}},
        {"eval": "__import__('os')"},
    ],
)
def test_malformed_conditions_are_refused(node: Any) -> None:
    with pytest.raises(ConditionError):
        compile_condition(node, "test", FIELDS, CHILD)

"""Situations are validated against the project's copy of the schema; errors name the field."""

from __future__ import annotations

from typing import Any

import pytest

from servicepunt.infoflits.engine import SituationError, validate_situation


@pytest.mark.parametrize(
    ("situation", "message", "path"),
    [
        ({"person": {"age": -3}}, "person.age: -3 is less than the minimum of 0", "person.age"),
        ({"person": {"age": "old"}}, "person.age: 'old' is not of type 'integer'", "person.age"),
        ({"housing": {"situation": "castle"}}, "housing.situation: 'castle' is not one of", "housing.situation"),
        (
            {"children": [{"age": 4}, {"age": 31}]},
            "children[1].age: 31 is greater than the maximum of 30",
            "children[1].age",
        ),
        ({"person": {"shoe_size": 42}}, "person.shoe_size: is not a known field", "person.shoe_size"),
        ({"pets": 2}, "pets: is not a known field", "pets"),
        ({"reference_date": "2026-13-45"}, "reference_date: '2026-13-45' is not a 'date'", "reference_date"),
        ({"income": {"sources": ["lottery"]}}, "income.sources[0]: 'lottery' is not one of", "income.sources[0]"),
    ],
)
def test_errors_name_the_field(situation: dict[str, Any], message: str, path: str) -> None:
    with pytest.raises(SituationError) as error:
        validate_situation(situation)
    assert str(error.value).startswith(message)
    assert error.value.path == path


def test_not_an_object() -> None:
    with pytest.raises(SituationError, match="must be a JSON object"):
        validate_situation([])  # type: ignore[arg-type]


def test_valid_partial_situations_pass() -> None:
    validate_situation({})
    validate_situation({"person": {"age": 40, "partner_age": None}, "income": {"savings": None}})

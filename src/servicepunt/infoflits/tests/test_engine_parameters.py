"""Dated parameters: the value in force on the reference_date is used (2025 vs 2026), a date
past the last period falls back to the latest value and is reported, bad data is refused."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from servicepunt.infoflits.engine import ParameterError, load_ruleset, suggest
from servicepunt.infoflits.engine.parameters import Parameters

RULESET = load_ruleset()
PARAMS = RULESET.parameters


@pytest.mark.parametrize(
    ("day", "name", "key", "value"),
    [
        (dt.date(2025, 6, 1), "zorgtoeslag.income_limit_gross_year", "no_partner", 39719),
        (dt.date(2026, 6, 1), "zorgtoeslag.income_limit_gross_year", "no_partner", 40857),
        (dt.date(2025, 12, 31), "huurtoeslag.asset_limit", "partner", 74790),
        (dt.date(2026, 1, 1), "huurtoeslag.asset_limit", "partner", 76958),
        (dt.date(2025, 6, 1), "huurtoeslag.rent_ceiling", "adult", 900.07),
        (dt.date(2026, 6, 1), "huurtoeslag.rent_ceiling", "adult", float("inf")),
    ],
)
def test_value_valid_on_the_date_is_chosen(day: dt.date, name: str, key: str, value: float) -> None:
    assert PARAMS.at(day).get(name)[key] == value


def test_ages_are_parameters() -> None:
    view = PARAMS.at(dt.date(2026, 11, 23))
    assert (view.get("aow.age"), view.get("adult.age"), view.get("kinderbijslag.max_child_age")) == (67, 18, 18)
    assert view.get("huurtoeslag.youth_age") == 21
    assert PARAMS.at(dt.date(2025, 3, 1)).get("huurtoeslag.youth_age") == 23


def test_every_value_has_a_source_and_dated_values_do_not_overlap() -> None:
    for parameter in PARAMS.parameters.values():
        assert parameter.values, parameter.name
        for value in parameter.values:
            assert value.source, parameter.name


def test_same_situation_judged_by_its_reference_date() -> None:
    base = {
        "person": {"age": 40, "has_partner": False},
        "children": [],
        "housing": {"situation": "rent_private", "monthly_rent": 1000},
        "income": {"net_monthly_household": 1400, "savings": 0},
    }
    in_2025 = suggest({**base, "reference_date": "2025-10-01"}, RULESET)
    in_2026 = suggest({**base, "reference_date": "2026-10-01"}, RULESET)
    assert "huurtoeslag" not in {s.product for s in in_2025.suggestions}
    assert "huurtoeslag" in {s.product for s in in_2026.suggestions}


def test_default_reference_date_is_today() -> None:
    result = suggest({"person": {"age": 40}}, RULESET, today=dt.date(2026, 11, 23))
    assert result.reference_date == "2026-11-23"


def test_date_past_the_data_uses_latest_value_and_warns() -> None:
    view = PARAMS.at(dt.date(2031, 1, 1))
    assert view.get("zorgtoeslag.income_limit_gross_year")["no_partner"] == 40857
    assert "zorgtoeslag.income_limit_gross_year" in view.provisional
    result = suggest({"reference_date": "2031-01-01", "person": {"age": 40}}, RULESET)
    assert any("zorgtoeslag.income_limit_gross_year" in w for w in result.warnings)
    assert not suggest({"reference_date": "2026-05-01", "person": {"age": 40}}, RULESET).warnings


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "parameters.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_overlapping_periods_are_refused(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        """parameters:
  x.limit:
    description: d
    unit: euro
    values:
      - {valid_from: 2025-01-01, valid_until: 2025-12-31, value: 1, source: s}
      - {valid_from: 2025-06-01, valid_until: 2026-12-31, value: 2, source: s}
""",
    )
    with pytest.raises(ParameterError, match=r"parameter 'x.limit': periods .* overlap"):
        Parameters.load(path)


def test_value_without_source_is_refused(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "parameters:\n  x:\n    description: d\n    unit: u\n    values:\n      - {valid_from: 2025-01-01, value: 1}\n",
    )
    with pytest.raises(ParameterError, match="needs a 'source'"):
        Parameters.load(path)

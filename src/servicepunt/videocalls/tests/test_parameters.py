"""The dated threshold for offering a callback or an appointment instead of waiting."""

from __future__ import annotations

import datetime as dt

import pytest

from servicepunt.videocalls.parameters import parameter_at, wait_threshold_seconds

TABLE = {
    "x": {
        "values": [
            {"valid_from": dt.date(2026, 1, 1), "valid_until": dt.date(2026, 6, 30), "value": 15},
            {"valid_from": dt.date(2026, 7, 1), "valid_until": None, "value": 10},
        ]
    }
}


def test_the_value_of_the_period_that_holds_the_day() -> None:
    assert parameter_at("x", dt.date(2026, 6, 30), TABLE) == 15
    assert parameter_at("x", dt.date(2026, 7, 1), TABLE) == 10
    with pytest.raises(LookupError, match="no value on 2025-12-31"):
        parameter_at("x", dt.date(2025, 12, 31), TABLE)


def test_the_bundled_threshold() -> None:
    assert wait_threshold_seconds(dt.date(2026, 12, 3)) == 15 * 60

"""The engine's own labelled situations (tests/situations.yaml): must products suggested,
must_not products not, urgent ones first, asked-but-excluded products explained."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from servicepunt.infoflits.engine import load_ruleset, suggest, validate_situation

RULESET = load_ruleset()
CASES = yaml.safe_load((Path(__file__).parent / "situations.yaml").read_text(encoding="utf-8"))["situations"]


def test_there_are_at_least_25_own_situations() -> None:
    assert len(CASES) >= 25
    assert len({case["id"] for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_labelled_situation(case: dict[str, Any]) -> None:
    validate_situation(case["situation"])
    result = suggest(case["situation"], RULESET)
    got = [s.product for s in result.suggestions]
    label = case["suggest"]
    assert set(label["must"]) <= set(got), f"missing {sorted(set(label['must']) - set(got))}"
    assert not set(label["must_not"]) & set(got), f"wrong {sorted(set(label['must_not']) & set(got))}"
    if case.get("urgent"):
        urgent_must = [p for p in label["must"] if RULESET.products[p].urgent]
        assert set(got[: len(urgent_must)]) == set(urgent_must)
    else:
        assert not any(s.urgent for s in result.suggestions)
    explained = {n.product: n.reason for n in result.not_suggested}
    for code in case.get("not_suggested") or []:
        assert explained.get(code), f"{code} should be explained in not_suggested"

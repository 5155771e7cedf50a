"""Figures on the stories and safety phrases written by people who had not seen the engine
(tests/unseen/, labelled per POLICY.md): the issue's bar, kept as a regression floor.

Sets a and b were used to find gaps (their misses were looked at and the words behind them
filled in, generally); set c was never looked at and is only measured. The devtool prints the
same figures: ``python -m servicepunt.triage.engine.devtool``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from servicepunt.triage.engine.devtool import cached_index

UNSEEN = Path(__file__).parent / "unseen"
URGENT = {"maatschappelijke-opvang", "vrouwenopvang", "veilig-thuis", "zelfmoordpreventie-113"}


def _load(name: str, key: str) -> list[dict[str, Any]]:
    return list(yaml.safe_load((UNSEEN / f"{name}.yaml").read_text(encoding="utf-8"))[key])


def _story_figures(stories: list[dict[str, Any]]) -> tuple[float, float]:
    hits = recall = 0.0
    for story in stories:
        top = [m.product for m in cached_index().search(story["story"]).results[:5]]
        found = [p for p in story["expected"] if p in top]
        hits += bool(found)
        recall += len(found) / len(story["expected"])
    return hits / len(stories), recall / len(stories)


def _first(text: str) -> str | None:
    results = cached_index().search(text).results
    return results[0].product if results else None


def test_the_unseen_stories_are_enough_and_cover_the_languages() -> None:
    stories = _load("stories_a", "stories") + _load("stories_b", "stories")
    assert len(stories) >= 200
    languages = {s["lang"].split("+")[0].split("-")[0] for s in stories}
    assert {"nl", "en", "ar", "ary", "tr", "pl", "uk", "ru", "es", "pt", "ro", "so", "ti", "fa"} <= languages


def test_own_unseen_stories_reach_the_bar() -> None:
    hit, recall = _story_figures(_load("stories_a", "stories") + _load("stories_b", "stories"))
    assert hit >= 0.95 and recall >= 0.90, (hit, recall)


def test_held_out_stories_stay_above_the_floor() -> None:
    hit, recall = _story_figures(_load("stories_c", "stories"))
    assert hit >= 0.90 and recall >= 0.87, (hit, recall)


SAFETY = _load("safety_a", "items") + _load("safety_b", "items")


@pytest.mark.parametrize("item", [i for i in SAFETY if i["urgent"]], ids=lambda i: i["id"])
def test_every_signal_in_the_safety_sets_puts_its_urgent_product_first(item: dict[str, Any]) -> None:
    assert _first(item["text"]) in item["urgent"]


@pytest.mark.parametrize("item", [i for i in SAFETY if not i["urgent"]], ids=lambda i: i["id"])
def test_no_look_alike_in_the_safety_sets_raises_an_alarm(item: dict[str, Any]) -> None:
    assert _first(item["text"]) not in URGENT


@pytest.mark.parametrize(
    "story",
    list(_load("stories_a", "stories") + _load("stories_b", "stories")),
    ids=lambda s: s["id"],
)
def test_urgent_first_exactly_when_the_story_signals_a_risk(story: dict[str, Any]) -> None:
    first = _first(story["story"])
    if story.get("urgent"):
        assert first in URGENT
    else:
        assert first not in URGENT

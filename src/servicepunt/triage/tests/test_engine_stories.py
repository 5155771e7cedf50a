"""The engine's own resident stories (tests/stories.yaml): expected products in the top 5."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from servicepunt.triage.engine.devtool import cached_index

STORIES: list[dict[str, Any]] = yaml.safe_load((Path(__file__).parent / "stories.yaml").read_text(encoding="utf-8"))[
    "stories"
]
URGENT = {"maatschappelijke-opvang", "vrouwenopvang", "veilig-thuis", "zelfmoordpreventie-113"}


def test_stories_cover_every_language() -> None:
    languages = {lang for story in STORIES for lang in str(story["lang"]).split("+")}
    assert {"nl", "en", "ar", "tr", "pl", "uk", "es", "ary"} <= languages
    assert len(STORIES) >= 30


@pytest.mark.parametrize("story", STORIES, ids=[s["id"] for s in STORIES])
def test_story(story: dict[str, Any]) -> None:
    answer = cached_index().search(story["story"])
    top = [m.product for m in answer.results[:5]]
    missing = [p for p in story["expected"] if p not in top]
    assert not missing, f"{missing} not in top 5: {top}"
    if story.get("urgent"):
        assert top[0] in URGENT
    else:
        assert not top or top[0] not in URGENT


def test_own_stories_score_like_the_targets() -> None:
    hits = recall = 0.0
    for story in STORIES:
        top = [m.product for m in cached_index().search(story["story"]).results[:5]]
        found = [p for p in story["expected"] if p in top]
        hits += bool(found)
        recall += len(found) / len(story["expected"])
    assert hits / len(STORIES) >= 0.95
    assert recall / len(STORIES) >= 0.90

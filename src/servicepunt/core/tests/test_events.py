from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

from servicepunt.core import events


def test_a_published_event_reaches_each_subscriber_once_with_its_payload() -> None:
    seen: list[tuple[str, Mapping[str, Any]]] = []

    def record(event: str, payload: Mapping[str, Any]) -> None:
        seen.append((event, payload))

    events.subscribe("test_happened", record)
    events.subscribe("test_happened", record)
    try:
        events.publish("test_happened", handover="abc")
        events.publish("other_happened", handover="def")
    finally:
        events.unsubscribe("test_happened", record)
    assert seen == [("test_happened", {"handover": "abc"})]
    assert events.subscribers("test_happened") == ()


def test_a_failing_subscriber_is_not_swallowed() -> None:
    def fail(event: str, payload: Mapping[str, Any]) -> None:
        raise RuntimeError("queue down")

    events.subscribe("test_failed", fail)
    try:
        with pytest.raises(RuntimeError):
            events.publish("test_failed")
    finally:
        events.unsubscribe("test_failed", fail)

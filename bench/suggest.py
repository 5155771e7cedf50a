"""Suggestion speed: p95 of one in-process run over the dev situations, and the batch CLI on 1,000.

Run: .venv/bin/python bench/suggest.py      Last line: p95_ms=… batch_1000_s=…
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import REPO, batch_seconds, dev_vignettes, percentile

BATCH_SIZE = 1000
ROUNDS = 50


def situations() -> list[dict[str, Any]]:
    found = [v["situation"] for v in dev_vignettes() if v.get("situation")]
    own = REPO / "src" / "servicepunt" / "infoflits" / "tests" / "situations.yaml"
    if own.exists():
        import yaml

        data = yaml.safe_load(own.read_text())
        found += [case["situation"] for case in data.get("situations", data if isinstance(data, list) else [])]
    return found


def in_process_p95(cases: list[dict[str, Any]]) -> float:
    from servicepunt.infoflits.engine import load_ruleset, suggest

    ruleset = load_ruleset()
    timings = []
    for _ in range(ROUNDS):
        for situation in cases:
            started = time.perf_counter()
            suggest(situation, ruleset)
            timings.append((time.perf_counter() - started) * 1000)
    return percentile(timings, 0.95)


def main() -> None:
    cases = situations()
    p95_ms = in_process_p95(cases)
    rows = [{"id": f"s{i}", "situation": cases[i % len(cases)]} for i in range(BATCH_SIZE)]
    batch_s = batch_seconds("suggest", rows, "suggestions")
    print(f"situations={len(cases)} runs={len(cases) * ROUNDS}")
    print(f"p95_ms={p95_ms:.3f} batch_1000_s={batch_s:.2f}")


if __name__ == "__main__":
    main()

"""Triage speed: p95 of one in-process query over the dev and own stories, and the batch CLI on 1,000.

The batch is timed with process start included, after one warm-up call that leaves the built
index in the on-disk cache (as on a running installation); the cold call is reported too.

Run: .venv/bin/python bench/triage.py      Last line: p95_ms=… batch_1000_s=…
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import REPO, batch_seconds, dev_vignettes, percentile

BATCH_SIZE = 1000
ROUNDS = 20


def stories() -> list[str]:
    texts = [v["story"] for v in dev_vignettes() if v.get("story")]
    own = REPO / "src" / "servicepunt" / "triage" / "tests" / "stories.yaml"
    if own.exists():
        import yaml

        texts += [s["story"] for s in yaml.safe_load(own.read_text())["stories"]]
    return texts


def in_process_p95(texts: list[str]) -> tuple[float, float]:
    from servicepunt.catalogue.loading.parse import parse_catalogue
    from servicepunt.triage.documents import documents_from_files
    from servicepunt.triage.engine import TriageIndex
    from servicepunt.triage.engine.needs import read_needs

    started = time.perf_counter()
    index = TriageIndex.build(documents_from_files(parse_catalogue()), read_needs())
    build_ms = (time.perf_counter() - started) * 1000
    timings = []
    for _ in range(ROUNDS):
        for text in texts:
            started = time.perf_counter()
            index.search(text)
            timings.append((time.perf_counter() - started) * 1000)
    return percentile(timings, 0.95), build_ms


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "servicepunt.config.settings.local")
    import django

    django.setup()
    texts = stories()
    p95_ms, build_ms = in_process_p95(texts)
    rows = [{"id": f"q{i}", "text": texts[i % len(texts)]} for i in range(BATCH_SIZE)]
    cold_s = batch_seconds("triage", rows[:1], "results")
    batch_s = batch_seconds("triage", rows, "results")
    print(f"stories={len(texts)} queries={len(texts) * ROUNDS} index_build_ms={build_ms:.0f} first_call_s={cold_s:.2f}")
    print(f"p95_ms={p95_ms:.2f} batch_1000_s={batch_s:.2f}")


if __name__ == "__main__":
    main()

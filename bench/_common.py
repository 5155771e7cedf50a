"""Shared helpers for the benchmarks: percentiles and the stories to run."""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
SHARED_VIGNETTES = REPO.parent / "shared" / "eval" / "vignettes-dev.yaml"


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = max(0, math.ceil(fraction * len(ordered)) - 1)
    return ordered[index]


def dev_vignettes() -> list[dict[str, Any]]:
    """The shared dev vignettes when present (a developer's checkout); they are not needed at run time."""
    path = Path(os.environ.get("SERVICEPUNT_VIGNETTES", SHARED_VIGNETTES))
    if not path.exists():
        return []
    return list(yaml.safe_load(path.read_text())["vignettes"])


def batch_seconds(verb: str, rows: list[dict[str, Any]], answer_key: str) -> float:
    """Time `servicepunt VERB --jsonl` on the rows, process start included; check every answer."""
    import json
    import subprocess
    import time

    payload = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    started = time.perf_counter()
    done = subprocess.run(
        [str(REPO / ".venv" / "bin" / "servicepunt"), verb, "--jsonl"],
        input=payload,
        capture_output=True,
        text=True,
        check=True,
    )
    elapsed = time.perf_counter() - started
    answered = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(answered) == len(rows) and all(answer_key in a for a in answered), f"{verb} answered wrongly"
    return elapsed

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

"""Developer tool: run the suggestion engine in-process on labelled vignettes and print the
figures exactly as ../shared/eval/score.py computes them, plus the time per suggestion run.

    PYTHONPATH=src .venv/bin/python -m servicepunt.infoflits.engine.devtool [--show-misses]
        [--vignettes ../shared/eval/vignettes-dev.yaml]

Also takes the project's own labelled situations (tests/situations.yaml, same label format).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from servicepunt.infoflits.engine.engine import suggest
from servicepunt.infoflits.engine.rules import RuleSet, load_ruleset

DEFAULT_VIGNETTES = Path("../shared/eval/vignettes-dev.yaml")


def load_cases(path: Path) -> list[dict[str, Any]]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return list(raw.get("vignettes") or raw.get("situations") or [])


def score(
    cases: Sequence[dict[str, Any]], answers: dict[str, list[dict[str, Any]]], urgent: set[str], show: bool = False
) -> dict[str, Any]:
    """The suggest figures of score.py's score_suggest, on in-process answers."""
    must_total = must_found = false_signals = with_false = unlabeled = extra = 0
    urgent_ok = urgent_n = false_alarms = n = 0
    for case in cases:
        label = case.get("suggest")
        if not label:
            continue
        n += 1
        suggestions = answers[case["id"]]
        products = [s.get("product") for s in suggestions]
        must, may, must_not = (set(label.get(k) or []) for k in ("must", "may", "must_not"))
        must_not |= set(case["situation"].get("benefits_received") or [])
        asked = set(case["situation"].get("question", {}).get("asked_products") or [])
        got = set(products)
        must_total += len(must)
        must_found += len(must & got)
        wrong = must_not & got
        false_signals += len(wrong)
        with_false += bool(wrong)
        unlabeled += len(got - must - may - must_not)
        extra += len((must & got) - asked)
        urgent_products = [p for p, s in zip(products, suggestions, strict=True) if s.get("urgent")]
        if case.get("urgent"):
            urgent_n += 1
            expected = {p for p in must if p in urgent}
            urgent_ok += expected <= set(products[: len(expected)])
        elif urgent_products:
            false_alarms += 1
        if show and (must - got or wrong):
            print(f"  suggest {case['id']}: missing {sorted(must - got)} false {sorted(wrong)}")
    if not n:
        return {"n": 0}
    return {
        "n": n,
        "recall": must_found / must_total if must_total else 1.0,
        "false_per_case": false_signals / n,
        "cases_with_false": with_false / n,
        "unlabeled_per_case": unlabeled / n,
        "extra_per_case": extra / n,
        "urgent_first": (urgent_ok / urgent_n) if urgent_n else None,
        "false_alarms": false_alarms,
    }


def run(
    cases: Sequence[dict[str, Any]], ruleset: RuleSet, repeat: int = 20
) -> tuple[dict[str, list[dict[str, Any]]], list[float]]:
    answers: dict[str, list[dict[str, Any]]] = {}
    timings: list[float] = []
    for case in cases:
        if not case.get("suggest"):
            continue
        for _ in range(repeat):
            started = time.perf_counter()
            result = suggest(case["situation"], ruleset)
            timings.append((time.perf_counter() - started) * 1000)
        answers[case["id"]] = result.to_dict()["suggestions"]
    return answers, timings


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--vignettes", type=Path, default=DEFAULT_VIGNETTES)
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--repeat", type=int, default=20, help="runs per situation for the timing")
    args = parser.parse_args(argv)
    ruleset = load_ruleset()
    cases = load_cases(args.vignettes)
    answers, timings = run(cases, ruleset, args.repeat)
    urgent = {code for code, product in ruleset.products.items() if product.urgent}
    figures = score(cases, answers, urgent, args.show_misses)
    print(
        f"suggest ({figures['n']} situations): "
        + ", ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in figures.items() if k != "n")
    )
    cuts = statistics.quantiles(timings, n=100) if len(timings) > 1 else [timings[0]] * 99
    print(f"time per suggestion run: p50 {cuts[49]:.3f} ms, p95 {cuts[94]:.3f} ms ({len(timings)} runs)")
    print(
        f"SCORE suggest_recall={figures.get('recall', 0):.3f} false_per_case={figures.get('false_per_case', 0):.3f} "
        f"urgent_first={figures.get('urgent_first')} false_alarms={figures.get('false_alarms')}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

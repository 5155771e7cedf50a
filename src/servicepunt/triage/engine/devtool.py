"""Development harness: build the index from the YAML files and score labelled stories.

    PYTHONPATH=src .venv/bin/python -m servicepunt.triage.engine.devtool [--show-misses]
        [--stories FILE ...] [--query TEXT] [--as-vignettes OUT]

Scores like ../shared/eval/score.py (hit@5, recall@5, MRR) and prints the build time and the
p50/p95 latency of one query in-process. With --query it prints the answer to one text.
Files with ``vignettes:`` (the shared format) and with ``stories:`` (the engine's own test
stories: id, story, expected) are both understood.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from servicepunt.triage.engine.index import TriageIndex
from servicepunt.triage.engine.needs import default_needs
from servicepunt.triage.engine.yaml_source import DATA_DIR, read_products

ROOT = Path(__file__).resolve().parents[4]
SHARED = ROOT.parent / "shared"
TESTS = Path(__file__).resolve().parents[1] / "tests"
DEFAULT_STORIES = [
    SHARED / "eval" / "vignettes-dev.yaml",
    TESTS / "stories.yaml",
    TESTS / "unseen" / "stories_a.yaml",
    TESTS / "unseen" / "stories_b.yaml",
    TESTS / "unseen" / "safety_a.yaml",
    TESTS / "unseen" / "safety_b.yaml",
]
TOP_K = 5


def load_stories(path: Path) -> list[dict[str, Any]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    rows: list[dict[str, Any]] = []
    for item in data.get("vignettes") or []:
        expected = (item.get("triage") or {}).get("expected") or []
        if expected:
            rows.append(
                {"id": item["id"], "story": item["story"], "expected": expected, "urgent": bool(item.get("urgent"))}
            )
    for item in data.get("stories") or []:
        rows.append(
            {"id": item["id"], "story": item["story"], "expected": item["expected"], "urgent": bool(item.get("urgent"))}
        )
    for item in data.get("items") or []:  # safety sets: one of `urgent` must come first, or none at all
        rows.append(
            {
                "id": item["id"],
                "story": item["text"],
                "expected": [],
                "urgent": bool(item["urgent"]),
                "first": list(item["urgent"]),
                "lang": item.get("lang", ""),
            }
        )
    return rows


def build_index() -> tuple[TriageIndex, float]:
    started = time.perf_counter()
    docs = read_products(DATA_DIR, SHARED / "contract" / "products.yaml")
    index = TriageIndex.build(docs, default_needs())
    return index, time.perf_counter() - started


@lru_cache(maxsize=1)
def cached_index() -> TriageIndex:
    """One index per process, built from the YAML files (for tests and quick experiments)."""
    return build_index()[0]


def score(index: TriageIndex, rows: list[dict[str, Any]], show: bool) -> dict[str, float]:
    hits = recall = rr = 0.0
    timings: list[float] = []
    urgent_codes = {c for c, u in zip(index.codes, index.urgent, strict=True) if u}
    urgent_first = urgent_cases = false_alarms = 0
    for row in rows:
        started = time.perf_counter()
        answer = index.search(row["story"])
        timings.append((time.perf_counter() - started) * 1000)
        ranked = [m.product for m in answer.results]
        top = ranked[:TOP_K]
        expected = row["expected"]
        found = [p for p in expected if p in top]
        if expected:
            hits += bool(found)
            recall += len(found) / len(expected)
        ranks = [ranked.index(p) + 1 for p in expected if p in ranked]
        rr += 1 / min(ranks) if ranks else 0.0
        first_ok = bool(top) and top[0] in (row.get("first") or urgent_codes)
        if row["urgent"]:
            urgent_cases += 1
            urgent_first += first_ok
            if show and not first_ok:
                print(f"  urgent miss {row['id']}: top {top[:2]}; {row['story'][:150]}")
        elif top and top[0] in urgent_codes:
            false_alarms += 1
            if show:
                print(f"  false alarm {row['id']}: {answer.results[0].why}; {row['story'][:150]}")
        if show and len(found) < len(expected):
            print(f"  miss {row['id']} [{answer.language}]: expected {expected}, top {top}")
            print(f"    story: {row['story'][:150]}")
    n = sum(1 for row in rows if row["expected"]) or 1
    timings.sort()
    return {
        "n": len(rows),
        "hit@5": hits / n,
        "recall@5": recall / n,
        "mrr": rr / n,
        "urgent_first": urgent_first / urgent_cases if urgent_cases else 1.0,
        "false_alarms": false_alarms,
        "p50_ms": statistics.median(timings) if timings else 0.0,
        "p95_ms": timings[min(len(timings) - 1, int(0.95 * len(timings)))] if timings else 0.0,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--stories", type=Path, nargs="*", default=None)
    parser.add_argument("--query", help="answer one text and print it as JSON")
    parser.add_argument(
        "--as-vignettes",
        type=Path,
        metavar="OUT",
        help="write the --stories files in the shared vignettes format (for ../shared/eval/score.py --only triage)",
    )
    args = parser.parse_args(argv)
    if args.as_vignettes:
        rows = [row for path in args.stories or DEFAULT_STORIES[2:4] for row in load_stories(path) if row["expected"]]
        vignettes = [{"id": r["id"], "story": r["story"], "triage": {"expected": r["expected"]}} for r in rows]
        args.as_vignettes.write_text(yaml.safe_dump({"vignettes": vignettes}, allow_unicode=True), encoding="utf-8")
        print(f"{len(vignettes)} stories written to {args.as_vignettes}")
        return 0

    index, build_seconds = build_index()
    print(f"index: {len(index.codes)} products, {len(index.phrases)} phrases, built in {build_seconds * 1000:.0f} ms")
    if args.query:
        answer = index.search(args.query)
        print(json.dumps(asdict(answer), ensure_ascii=False, indent=2))
        return 0
    for path in args.stories or DEFAULT_STORIES:
        if not path.exists():
            print(f"{path}: not found")
            continue
        cold = score(index, load_stories(path), args.show_misses)
        warm = score(index, load_stories(path), False)
        print(
            f"{path.name} ({cold['n']} stories): hit@5 {cold['hit@5']:.3f}, recall@5 {cold['recall@5']:.3f}, "
            f"MRR {cold['mrr']:.3f}, urgent first {cold['urgent_first']:.2f}, "
            f"urgent false alarms {cold['false_alarms']}"
        )
        print(
            f"  latency cold p50 {cold['p50_ms']:.2f} ms, p95 {cold['p95_ms']:.2f} ms; "
            f"warm p50 {warm['p50_ms']:.2f} ms, p95 {warm['p95_ms']:.2f} ms"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Needs as data: ``data/needs/needs.yaml`` (codes, labels, products) and one file of words per
language beside it. Pure Python; the index treats each need as a document of its own."""

from __future__ import annotations

from collections.abc import Collection
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from servicepunt.triage.engine.model import NeedDoc

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "needs"
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class NeedFileError(ValueError):
    """A needs file is broken; the message names the file and the need."""


def _load(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_Loader) or {}  # noqa: S506 - _Loader is a SafeLoader


def read_needs(data_dir: Path = DATA_DIR, products: Collection[str] | None = None) -> list[NeedDoc]:
    """Every need with its words in every language; ``products`` (codes) are checked when given."""
    definitions = _load(data_dir / "needs.yaml").get("needs") or []
    codes = [str(d["code"]) for d in definitions]
    if len(set(codes)) != len(codes):
        raise NeedFileError("needs.yaml: een code staat er twee keer in")
    words: dict[str, dict[str, tuple[str, ...]]] = {code: {} for code in codes}
    for path in sorted(data_dir.glob("*.yaml")):
        if path.name == "needs.yaml":
            continue
        data = _load(path)
        language = str(data.get("language") or path.stem)
        for code, phrases in (data.get("needs") or {}).items():
            if code not in words:
                raise NeedFileError(f"{path.name}: behoefte '{code}' staat niet in needs.yaml")
            words[code][language] = tuple(str(p).strip() for p in phrases or () if str(p).strip())
    needs: list[NeedDoc] = []
    for definition in definitions:
        code = str(definition["code"])
        links = tuple((str(p), float(w)) for p, w in (definition.get("products") or {}).items())
        if not links or any(not 0.0 < w <= 1.0 for _, w in links):
            raise NeedFileError(f"needs.yaml: '{code}' heeft producten met een gewicht van 0 tot en met 1 nodig")
        unknown = [p for p, _ in links if products is not None and p not in products]
        if unknown:
            raise NeedFileError(f"needs.yaml: '{code}' wijst naar onbekende producten {unknown}")
        needs.append(NeedDoc(code, str(definition["label"]), links, words[code]))
    return needs


@lru_cache(maxsize=1)
def default_needs() -> tuple[NeedDoc, ...]:
    return tuple(read_needs())

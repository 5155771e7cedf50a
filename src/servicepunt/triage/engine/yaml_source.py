"""Read ProductDocs straight from the catalogue's YAML files (no Django, no database).

Used by the development harness and reusable by the Django side. Products come from
``products/*.yaml``; products the content files do not hold yet fall back to the shared
contract's ``products.yaml`` (names, domains and urgency only). Vocabulary comes from
``vocabulary/*.yaml``; a product may appear in several vocabulary files (lists are merged).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from servicepunt.triage.engine.model import ProductDoc

DATA_DIR = Path(__file__).resolve().parents[2] / "catalogue" / "data"
CONTENT_FIELDS = ("summary", "for_whom", "what_you_get")


_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: ~10x faster


def _load(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_Loader) or {}  # noqa: S506 - _Loader is a SafeLoader


def _texts(content: Mapping[str, Any] | None) -> dict[str, tuple[str, ...]]:
    result: dict[str, tuple[str, ...]] = {}
    for lang, block in (content or {}).items():
        if isinstance(block, Mapping):
            texts = tuple(str(block[f]) for f in CONTENT_FIELDS if isinstance(block.get(f), str) and block[f].strip())
            if texts:
                result[str(lang)] = texts
    return result


def read_vocabulary(directory: Path) -> dict[str, dict[str, list[str]]]:
    """product code -> language -> phrases, merged over all files in ``directory``."""
    merged: dict[str, dict[str, list[str]]] = {}
    for path in sorted(directory.glob("*.yaml")):
        for entry in _load(path).get("vocabulary") or []:
            per_lang = merged.setdefault(str(entry["product"]), {})
            for lang, phrases in entry.items():
                if lang != "product" and isinstance(phrases, list):
                    per_lang.setdefault(str(lang), []).extend(str(p).strip() for p in phrases if str(p).strip())
    return merged


def read_products(data_dir: Path = DATA_DIR, contract: Path | None = None) -> list[ProductDoc]:
    """ProductDocs for every product in the content files, plus contract products not yet written."""
    raw: dict[str, dict[str, Any]] = {}
    for path in sorted((data_dir / "products").glob("*.yaml")):
        for product in _load(path).get("products") or []:
            raw.setdefault(str(product["code"]), product)
    if contract is not None and contract.exists():
        for product in _load(contract).get("products") or []:
            raw.setdefault(str(product["code"]), product)
    vocabulary = read_vocabulary(data_dir / "vocabulary")
    docs: list[ProductDoc] = []
    for code, product in raw.items():
        docs.append(
            ProductDoc(
                code=code,
                name=str(product.get("name") or code),
                name_en=str(product.get("name_en") or ""),
                domains=tuple(str(d) for d in product.get("domains") or ()),
                urgent=bool(product.get("urgent", False)),
                vocabulary={lang: tuple(p) for lang, p in vocabulary.get(code, {}).items()},
                texts=_texts(product.get("content")),
            )
        )
    return docs

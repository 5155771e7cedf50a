"""`upl_load`: import the Uniforme Productnamenlijst (CSV of standaarden.overheid.nl) and check
every product's UPL URI against it."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from servicepunt.catalogue.models import Product, UplEntry
from servicepunt.catalogue.services.revision import revision_bump
from servicepunt.core.errors import InvalidInput

REQUIRED_COLUMNS = ("UniformeProductnaam", "URI", "Gemeente", "Rijk", "Grondslaglabel", "Grondslaglink")
BUNDLED_UPL = Path(__file__).resolve().parent.parent / "data" / "upl" / "UPL-actueel.csv"


@dataclass
class UplReport:
    entries: int = 0
    created: int = 0
    updated: int = 0
    renamed_products: list[str] = field(default_factory=list)
    unknown_uris: list[str] = field(default_factory=list)


def _read_rows(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise InvalidInput(f"{path}: kolom(men) ontbreken: {', '.join(missing)}", field="csv")
            rows = []
            for line, row in enumerate(reader, start=2):
                if not (row.get("URI") or "").startswith("http"):
                    raise InvalidInput(f"{path}:{line}: URI ontbreekt of is geen URL", field="URI")
                rows.append(row)
            return rows
    except FileNotFoundError as error:
        raise InvalidInput(f"{path}: bestand bestaat niet", field="file") from error
    except UnicodeDecodeError as error:
        raise InvalidInput(f"{path}: is geen UTF-8", field="file") from error


def _entries(rows: list[dict[str, str]]) -> dict[str, dict[str, object]]:
    """One entry per URI; the list repeats a URI once per legal basis (gemeente, provincie…)."""
    entries: dict[str, dict[str, object]] = {}
    for row in rows:
        entry = entries.setdefault(
            row["URI"],
            {"name": row["UniformeProductnaam"].strip(), "legal_bases": [], "for_gemeente": False, "for_rijk": False},
        )
        entry["for_gemeente"] = entry["for_gemeente"] or row["Gemeente"] == "X"
        entry["for_rijk"] = entry["for_rijk"] or row["Rijk"] == "X"
        basis = {"label": row["Grondslaglabel"].strip(), "link": row["Grondslaglink"].strip()}
        if basis["label"] and basis not in entry["legal_bases"]:  # type: ignore[operator]
            entry["legal_bases"].append(basis)  # type: ignore[attr-defined]
    return entries


@transaction.atomic
def upl_load(*, path: Path = BUNDLED_UPL) -> UplReport:
    rows = _read_rows(path)
    report = UplReport(entries=len({row["URI"] for row in rows}))
    existing = {entry.uri: entry for entry in UplEntry.objects.all()}
    for uri, values in _entries(rows).items():
        entry = existing.get(uri)
        if entry is None:
            UplEntry.objects.create(uri=uri, **values)
            report.created += 1
        elif any(getattr(entry, k) != v for k, v in values.items()):
            UplEntry.objects.filter(pk=entry.pk).update(**values)
            report.updated += 1
    names = {row["URI"]: row["UniformeProductnaam"].strip() for row in rows}
    for product in Product.objects.exclude(upl_uri=""):
        if product.upl_uri not in names:
            report.unknown_uris.append(f"{product.code}: {product.upl_uri}")
        elif product.upl_name != names[product.upl_uri]:
            product.upl_name = names[product.upl_uri]
            product.save(update_fields=["upl_name"])
            report.renamed_products.append(product.code)
    if report.created or report.updated or report.renamed_products:
        revision_bump()
    return report

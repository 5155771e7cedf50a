"""`servicepunt catalogue load | load-upl FILE | export --format json`."""

from __future__ import annotations

import json
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from servicepunt.catalogue.export import catalogue_export
from servicepunt.catalogue.loading.parse import DEFAULT_DATA_DIR
from servicepunt.catalogue.loading.reader import CatalogueFileError
from servicepunt.catalogue.services import catalogue_load, upl_load
from servicepunt.core.errors import ServicepuntError


class Command(BaseCommand):
    help = "Catalogus laden uit de YAML-bestanden, de UPL-lijst importeren of de catalogus exporteren."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        load = sub.add_parser("load", help="Laad de catalogusbestanden (idempotent).")
        load.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR)
        upl = sub.add_parser("load-upl", help="Importeer de UPL-lijst (CSV) en controleer de UPL-URI's.")
        upl.add_argument("file", type=Path)
        export = sub.add_parser("export", help="Exporteer de catalogus.")
        export.add_argument("--format", choices=["json"], default="json")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            getattr(self, "_" + options["action"].replace("-", "_"))(options)
        except (CatalogueFileError, ServicepuntError) as error:
            raise CommandError(str(error), returncode=2) from error
        except OSError as error:  # e.g. --data-dir names a folder without the catalogue files
            raise CommandError(
                f"data-dir: kan '{error.filename}' niet lezen: {error.strerror}", returncode=2
            ) from error

    def _load(self, options: dict[str, Any]) -> None:
        report = catalogue_load(data_dir=options["data_dir"])
        if not report.changed:
            self.stdout.write(f"Catalogus {report.version}: geen wijzigingen.")
            return
        summary = ", ".join(f"{key} {count}" for key, count in sorted(report.changes.items()))
        self.stdout.write(f"Catalogus {report.version} geladen: {summary}.")
        for line in report.unknown_upl:
            self.stderr.write(f"Onbekende UPL-URI: {line}")

    def _load_upl(self, options: dict[str, Any]) -> None:
        report = upl_load(path=options["file"])
        self.stdout.write(
            f"UPL: {report.entries} regels ({report.created} nieuw, {report.updated} gewijzigd); "
            f"{len(report.renamed_products)} productnamen bijgewerkt."
        )
        for line in report.unknown_uris:
            self.stderr.write(f"Onbekende UPL-URI: {line}")

    def _export(self, options: dict[str, Any]) -> None:
        self.stdout.write(json.dumps(catalogue_export(), ensure_ascii=False, indent=2))

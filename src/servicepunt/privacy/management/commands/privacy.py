"""`servicepunt privacy retention (--dry-run | --apply [--enqueue]) --user NAME` and
`servicepunt privacy export RESIDENT --user NAME [--format json|pdf] [--output FILE]`: see
docs/cli.md. Bad input exits with 2 and names the field."""

from __future__ import annotations

import json
import sys
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from servicepunt.core.errors import ServicepuntError
from servicepunt.privacy.services import retention_run

OFFICER_PERMISSION = "audit.view_accesslog"


class Command(BaseCommand):
    help = "Privacy: bewaartermijnen toepassen (of een proefrun) en de gegevens van een inwoner exporteren."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        retention = sub.add_parser("retention", help="Wat over de bewaartermijn is: tellen of wissen.")
        mode = retention.add_mutually_exclusive_group(required=True)
        mode.add_argument("--dry-run", action="store_true", help="Alleen tellen; er verandert niets.")
        mode.add_argument("--apply", action="store_true", help="Anonimiseren en wissen wat over de termijn is.")
        retention.add_argument("--enqueue", action="store_true", help="Met --apply: zet de run op de takenlijst.")
        retention.add_argument("--user", required=True, help="Gebruikersnaam van de privacy officer.")
        export = sub.add_parser("export", help="Alles over één inwoner (AVG art. 15).")
        export.add_argument("resident", help="Het kenmerk (uuid) van de inwoner.")
        export.add_argument("--user", required=True, help="Gebruikersnaam van de privacy officer.")
        export.add_argument("--format", choices=["json", "pdf"], default="json")
        export.add_argument("--output", type=Path, default=None, help="Bestand; zonder: standaarduitvoer.")

    def handle(self, *args: Any, **options: Any) -> None:
        user = get_user_model().objects.filter(username=options["user"], is_active=True).first()
        if user is None or not user.has_perm(OFFICER_PERMISSION):
            raise CommandError("user: geen actieve privacy officer met deze gebruikersnaam", returncode=2)
        try:
            getattr(self, "_" + options["action"])(user, options)
        except ServicepuntError as error:
            raise CommandError(str(error), returncode=2) from error

    def _retention(self, user: Any, options: dict[str, Any]) -> None:
        if options["enqueue"]:
            if not options["apply"]:
                raise CommandError("enqueue: alleen samen met --apply", returncode=2)
            from servicepunt.privacy.tasks import retention_apply

            result = retention_apply.enqueue(user.pk)
            self.stdout.write(json.dumps({"enqueued": str(result.id)}))
            return
        report = retention_run(by=user, apply=options["apply"])
        self.stdout.write(json.dumps(report.as_dict(), ensure_ascii=False))

    def _export(self, user: Any, options: dict[str, Any]) -> None:
        from servicepunt.privacy.export import export_json, export_pdf, resident_export

        data = resident_export(user=user, resident=options["resident"], channel="cli")
        content = export_pdf(data) if options["format"] == "pdf" else export_json(data).encode()
        if options["output"] is None:
            sys.stdout.buffer.write(content)
        else:
            options["output"].write_bytes(content)

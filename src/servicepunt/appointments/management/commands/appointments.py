"""`servicepunt appointments load-demo`: the demo agendas of data/demo-agendas.yaml."""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from servicepunt.appointments.demo import DEMO_PATH, agendas_load_demo
from servicepunt.core.errors import ServicepuntError


class Command(BaseCommand):
    help = "Afspraken: demo-agenda's laden."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        demo = sub.add_parser("load-demo", help="Laad de demo-agenda's (idempotent; eerst de catalogus laden).")
        demo.add_argument("--file", type=Path, default=DEMO_PATH)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            agendas = agendas_load_demo(path=options["file"])
        except (ServicepuntError, OSError) as error:
            raise CommandError(str(error), returncode=2) from error
        except UnicodeDecodeError as error:
            raise CommandError(f"file: '{options['file']}' is geen UTF-8 (byte {error.start})", returncode=2) from error
        self.stdout.write(f"{len(agendas)} demo-agenda's geladen:")
        for agenda in agendas:
            self.stdout.write(f"  {agenda.code:<30} {agenda.name}")

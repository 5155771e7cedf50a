"""`servicepunt demo [--residents N] [--agendas FILE]`: demo accounts (one per role), the demo
agendas, and N synthetic residents with cases, infoflits situations, warm handovers, tasks, contact
moments and notes. Development and tests only; `make run` runs it at every start.

Idempotent: accounts are made once, agendas are found by their code and replaced, and residents
are only added up to N (a second run with the same N adds none; the BSNs stay unique).
"""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.db.migrations.executor import MigrationExecutor

from servicepunt.core.errors import ServicepuntError
from servicepunt.demo.accounts import DEMO_PASSWORD, demo_accounts_create, demo_employee
from servicepunt.demo.agendas import DEMO_PATH, agendas_load_demo
from servicepunt.demo.handovers import demo_handovers_add
from servicepunt.demo.residents import demo_residents_count, demo_residents_create

MIGRATE_FIRST = "De database is niet bijgewerkt: voer eerst ‘servicepunt migrate’ uit."
DATABASE_FAILED = "De database gaf een fout: controleer DATABASE_URL en voer ‘servicepunt migrate’ uit"


def _migrations_pending() -> bool:
    executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
    return bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))


class Command(BaseCommand):
    help = "Maak demo-accounts (één per rol) en demo-agenda's aan, en eventueel fictieve inwoners met vraagstukken."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--residents",
            type=int,
            default=0,
            help="Zoveel fictieve inwoners moeten er zijn (er komen er niet meer bij).",
        )
        parser.add_argument("--agendas", type=Path, default=DEMO_PATH, help="Het bestand met de demo-agenda's.")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["agendas"]
        try:
            if getattr(settings, "SERVICEPUNT_ALLOW_DEMO_DATA", False) and _migrations_pending():
                raise CommandError(MIGRATE_FIRST, returncode=2)
            accounts = demo_accounts_create()
            agendas = agendas_load_demo(path=path)
            wanted = options["residents"]
            if wanted < 0:
                raise CommandError("residents: het aantal inwoners kan niet negatief zijn.", returncode=2)
            missing = max(0, wanted - demo_residents_count())
            if missing:
                made = demo_residents_create(
                    count=missing,
                    registered_by=demo_employee(),
                    seed=2026 + wanted - missing,
                    extend=[demo_handovers_add],
                )
                self.stdout.write(f"{made} fictieve inwoners met vraagstukken gemaakt.")
            elif wanted:
                self.stdout.write(f"Er zijn al {wanted} of meer fictieve inwoners; er komen er geen bij.")
        except ServicepuntError as error:
            raise CommandError(str(error), returncode=2) from error
        except OSError as error:
            raise CommandError(f"agendas: {error}", returncode=2) from error
        except UnicodeDecodeError as error:
            raise CommandError(f"file: '{path}' is geen UTF-8 (byte {error.start})", returncode=2) from error
        except DatabaseError as error:
            raise CommandError(f"{DATABASE_FAILED} ({error})", returncode=2) from error
        self.stdout.write(f"{len(agendas)} demo-agenda's geladen.")
        self.stdout.write(f"Demo-accounts (wachtwoord voor allemaal: {DEMO_PASSWORD}):")
        for account in accounts:
            self.stdout.write(f"  {account.username:<12} {account.role.label}")

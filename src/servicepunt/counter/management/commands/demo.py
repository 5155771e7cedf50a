"""`servicepunt demo [--residents N]`: demo accounts (one per role) and synthetic residents with
cases, infoflits situations, warm handovers, tasks, contact moments and notes. Development and
tests only.

It lives in workspace, the top layer, because it composes the demo data of contexts that may not
import each other: cases (`servicepunt.cases.demo`) and handovers (`servicepunt.handovers.demo`).
"""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.db.migrations.executor import MigrationExecutor

from servicepunt.accounts.demo import DEMO_PASSWORD, demo_accounts_create, demo_employee
from servicepunt.cases.demo import demo_residents_create
from servicepunt.core.errors import ServicepuntError
from servicepunt.handovers.demo import demo_handovers_add

MIGRATE_FIRST = "De database is niet bijgewerkt: voer eerst ‘servicepunt migrate’ uit."
DATABASE_FAILED = "De database gaf een fout: controleer DATABASE_URL en voer ‘servicepunt migrate’ uit"


def _migrations_pending() -> bool:
    executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
    return bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))


class Command(BaseCommand):
    help = "Maak demo-accounts aan (één per rol) en eventueel fictieve inwoners met vraagstukken."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--residents", type=int, default=0, help="Zoveel fictieve inwoners erbij maken.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            if getattr(settings, "SERVICEPUNT_ALLOW_DEMO_DATA", False) and _migrations_pending():
                raise CommandError(MIGRATE_FIRST, returncode=2)
            accounts = demo_accounts_create()
            if options["residents"]:
                made = demo_residents_create(
                    count=options["residents"],
                    registered_by=demo_employee(),
                    extend=[demo_handovers_add],
                )
                self.stdout.write(f"{made} fictieve inwoners met vraagstukken gemaakt.")
        except ServicepuntError as error:
            raise CommandError(str(error), returncode=2) from error
        except DatabaseError as error:
            raise CommandError(f"{DATABASE_FAILED} ({error})", returncode=2) from error
        self.stdout.write(f"Demo-accounts (wachtwoord voor allemaal: {DEMO_PASSWORD}):")
        for account in accounts:
            self.stdout.write(f"  {account.username:<12} {account.role.label}")

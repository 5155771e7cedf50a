"""`servicepunt demo [--residents N]`: demo accounts (one per role) and synthetic residents with
cases. Development and tests only."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from servicepunt.accounts.demo import DEMO_PASSWORD, demo_accounts_create
from servicepunt.accounts.models import User
from servicepunt.cases.demo import demo_residents_create
from servicepunt.core.errors import ServicepuntError


class Command(BaseCommand):
    help = "Maak demo-accounts aan (één per rol) en eventueel fictieve inwoners met vraagstukken."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--residents", type=int, default=0, help="Zoveel fictieve inwoners erbij maken.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            accounts = demo_accounts_create()
            if options["residents"]:
                made = demo_residents_create(
                    count=options["residents"], registered_by=User.objects.get(username="medewerker")
                )
                self.stdout.write(f"{made} fictieve inwoners met vraagstukken gemaakt.")
        except ServicepuntError as error:
            raise CommandError(str(error), returncode=2) from error
        self.stdout.write(f"Demo-accounts (wachtwoord voor allemaal: {DEMO_PASSWORD}):")
        for account in accounts:
            self.stdout.write(f"  {account.username:<12} {account.role.label}")

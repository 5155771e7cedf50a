"""`servicepunt demo`: demo accounts (one per role) for a first run. Never in production."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from servicepunt.accounts.demo import DEMO_PASSWORD, demo_accounts_create
from servicepunt.core.errors import ServicepuntError


class Command(BaseCommand):
    help = "Maak demo-accounts aan, één per rol (alleen in ontwikkeling)."

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            accounts = demo_accounts_create()
        except ServicepuntError as error:
            raise CommandError(str(error), returncode=2) from error
        self.stdout.write(f"Demo-accounts (wachtwoord voor allemaal: {DEMO_PASSWORD}):")
        for account in accounts:
            self.stdout.write(f"  {account.username:<12} {account.role.label}")

"""Demo accounts, one per role, for a newcomer's first run. Never in production. Through the
services and selectors of accounts and catalogue only (no model of theirs is imported)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import transaction

from servicepunt.accounts.roles import Role
from servicepunt.accounts.selectors import user_by_username
from servicepunt.accounts.services import roles_sync, user_create
from servicepunt.catalogue.selectors import organisation_list
from servicepunt.core.errors import InvalidInput

if TYPE_CHECKING:
    from servicepunt.accounts.models import User

DEMO_PASSWORD = "servicepunt-demo-2026"
DEMO_PARTNER_ORGANISATION = "juridisch-loket"
DEMO_EMPLOYEE = "medewerker"  # registers the demo residents


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: Role
    first_name: str
    last_name: str


DEMO_ACCOUNTS = (
    DemoAccount("medewerker", Role.SERVICEPUNT, "Sanne", "de Vries"),
    DemoAccount("wijkbureau", Role.WIJKBUREAU, "Youssef", "El Amrani"),
    DemoAccount("partner", Role.PARTNER, "Petra", "Jansen"),
    DemoAccount("teamleider", Role.TEAMLEIDER, "Thomas", "Bakker"),
    DemoAccount("beheerder", Role.BEHEERDER, "Fatma", "Yilmaz"),
    DemoAccount("privacy", Role.PRIVACY, "Pieter", "Smit"),
)
# Named by the setting SERVICEPUNT_DEMO_USERNAMES, so accounts can exempt them from the second
# factor in local development without importing the demo.
DEMO_USERNAMES = frozenset(account.username for account in DEMO_ACCOUNTS)


@transaction.atomic
def demo_accounts_create() -> list[DemoAccount]:
    """Create the demo accounts that do not exist yet; existing ones are left alone."""
    if not getattr(settings, "SERVICEPUNT_ALLOW_DEMO_DATA", False):
        raise InvalidInput("Demo-accounts zijn uitgeschakeld in deze omgeving.", field="SERVICEPUNT_ALLOW_DEMO_DATA")
    roles_sync()
    partner_organisation = organisation_list().filter(code=DEMO_PARTNER_ORGANISATION).first()
    for account in DEMO_ACCOUNTS:
        if user_by_username(account.username) is not None:
            continue
        organisation = partner_organisation if account.role == Role.PARTNER else None
        if account.role == Role.PARTNER and organisation is None:
            raise InvalidInput(
                "Laad eerst de catalogus: de demo-partner hoort bij het Juridisch Loket.", field="organisation"
            )
        user_create(
            username=account.username,
            password=DEMO_PASSWORD,
            role=account.role,
            first_name=account.first_name,
            last_name=account.last_name,
            organisation=organisation,
            email=f"{account.username}@example.org",
        )
    return list(DEMO_ACCOUNTS)


def demo_employee() -> User:
    """The demo Servicepunt employee (made by `demo_accounts_create`), who registers the demo residents."""
    employee = user_by_username(DEMO_EMPLOYEE)
    if employee is None:
        raise InvalidInput("Maak eerst de demo-accounts aan (servicepunt demo).", field="registered_by")
    return employee

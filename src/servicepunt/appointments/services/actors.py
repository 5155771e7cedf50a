"""Who does something to an appointment: a staff member, or the resident through the signed
link of the resident page. The cases context records a user for every change, so residents act
through one dedicated system user that cannot log in ("inwoner-zelfservice")."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from servicepunt.accounts.services import system_user
from servicepunt.appointments.choices import ActorKind
from servicepunt.core.errors import InvalidInput

if TYPE_CHECKING:
    from servicepunt.accounts.models import User

SELF_SERVICE_USERNAME = "inwoner-zelfservice"


@dataclass(frozen=True)
class Actor:
    kind: ActorKind
    user: User | None = None  # the staff member; None for the resident
    description: str = ""  # for the history, e.g. "inwoner via de afspraaklink"

    @classmethod
    def staff(cls, user: User) -> Actor:
        return cls(kind=ActorKind.STAFF, user=user)

    @classmethod
    def resident(cls, description: str = "") -> Actor:
        return cls(kind=ActorKind.RESIDENT, description=description or _("inwoner via de afspraaklink"))


def self_service_user() -> User:
    """The system user that stands for residents acting themselves. It has no password and is
    not active, so nobody can log in with it."""
    return system_user(username=SELF_SERVICE_USERNAME, first_name="Inwoner", last_name="(zelfservice)")


def actor_user(actor: Actor) -> Any:
    """The user to record: the staff member, or the self-service user for a resident."""
    if actor.kind == ActorKind.STAFF:
        if actor.user is None or not getattr(actor.user, "is_authenticated", False):
            raise InvalidInput(_("Log in als medewerker om dit te doen."), field="actor")
        return actor.user
    return self_service_user()

"""The resident's link: a signed, expiring key to the page where they see, cancel or move their
appointments, without logging in.

The key names the resident and what the page shows: the appointments of one case (when the
appointment answers a question), of one combination (without a question), or one appointment.
It is signed with a salt of its own (TimestampSigner), holds only public uuids (scope letter,
resident, subject: short enough for an SMS), and expires after
SERVICEPUNT_RESIDENT_LINK_DAYS days. It travels in the query string, so Django's own warnings
(which print the path only) never contain it."""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

from django.conf import settings
from django.core import signing
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from servicepunt.appointments.models import Appointment, Arrangement
from servicepunt.cases.models import Resident
from servicepunt.core.errors import InvalidInput

SALT = "servicepunt.appointments.resident-link"
PARAMETER = "sleutel"


class Scope(enum.StrEnum):
    CASE = "c"
    ARRANGEMENT = "a"
    APPOINTMENT = "p"


class LinkRefused(Exception):
    """The link cannot be used. `expired` tells a link that was valid once from a broken one."""

    def __init__(self, *, expired: bool) -> None:
        super().__init__("expired" if expired else "invalid")
        self.expired = expired


@dataclass(frozen=True)
class ResidentAccess:
    """What a valid link gives access to: this resident's appointments in one scope."""

    resident: Resident
    scope: Scope
    subject: uuid.UUID

    def appointments(self) -> QuerySet[Appointment]:
        """All appointments of the scope, also cancelled and past ones (the page filters)."""
        rows = Appointment.objects.filter(resident=self.resident)
        if self.scope == Scope.CASE:
            rows = rows.filter(
                Q(question__case__uuid=self.subject)
                | Q(arrangement__in=Arrangement.objects.filter(appointments__question__case__uuid=self.subject))
            )
        elif self.scope == Scope.ARRANGEMENT:
            rows = rows.filter(arrangement__uuid=self.subject)
        else:
            rows = rows.filter(uuid=self.subject)
        return rows.select_related(
            "agenda__entry_point__organisation", "agenda__entry_point__location", "product", "arrangement"
        ).order_by("start", "id")


def _signer() -> signing.TimestampSigner:
    return signing.TimestampSigner(salt=SALT)


def link_lifetime() -> dt.timedelta:
    return dt.timedelta(days=int(settings.SERVICEPUNT_RESIDENT_LINK_DAYS))


def _scope_of(appointment: Appointment | None, arrangement: Arrangement | None) -> tuple[Resident, Scope, uuid.UUID]:
    if (appointment is None) == (arrangement is None):
        raise InvalidInput(_("Geef één afspraak of één combinatieafspraak."), field="appointment")
    if appointment is not None and appointment.arrangement is not None and appointment.question is None:
        arrangement, appointment = appointment.arrangement, None
    parts = [appointment] if appointment is not None else list(arrangement.appointments.all())  # type: ignore[union-attr]
    resident = next((part.resident for part in parts if part.resident is not None), None)
    if resident is None:
        raise InvalidInput(_("Deze afspraak is niet voor een bekende inwoner."), field="appointment")
    question = next((part.question for part in parts if part.question is not None), None)
    if question is not None:
        return resident, Scope.CASE, question.case.uuid
    if arrangement is not None:
        return resident, Scope.ARRANGEMENT, arrangement.uuid
    assert appointment is not None
    return resident, Scope.APPOINTMENT, appointment.uuid


def resident_token(*, appointment: Appointment | None = None, arrangement: Arrangement | None = None) -> str:
    resident, scope, subject = _scope_of(appointment, arrangement)
    return _signer().sign(f"{scope.value}{resident.uuid.hex}{subject.hex}")


def resident_path(token: str, view: str = "page", *args: Any, **query: str) -> str:
    """A path on the resident page with the key in the query string (and e.g. taal=en)."""
    query_string = urlencode({PARAMETER: token, **query}, safe=":", quote_via=quote)
    return f"{reverse(f'resident_appointments:{view}', args=args)}?{query_string}"


def resident_link(*, appointment: Appointment | None = None, arrangement: Arrangement | None = None) -> str:
    """The absolute address of the resident page (on SERVICEPUNT_PUBLIC_URL) for the resident of
    `appointment` or `arrangement`: the appointments of its case, or of the combination."""
    token = resident_token(appointment=appointment, arrangement=arrangement)
    return f"{str(settings.SERVICEPUNT_PUBLIC_URL).rstrip('/')}{resident_path(token)}"


def resident_access(token: str, *, max_age: dt.timedelta | None = None) -> ResidentAccess:
    """The access a key gives, or LinkRefused when it is expired, broken or no longer leads to a
    resident."""
    try:
        value = _signer().unsign(token, max_age=max_age or link_lifetime())
    except signing.SignatureExpired as error:
        raise LinkRefused(expired=True) from error
    except signing.BadSignature as error:
        raise LinkRefused(expired=False) from error
    try:
        scope, resident_id, subject = Scope(value[0]), uuid.UUID(hex=value[1:33]), uuid.UUID(hex=value[33:])
    except (IndexError, ValueError) as error:
        raise LinkRefused(expired=False) from error
    resident = Resident.objects.filter(uuid=resident_id).first()
    if resident is None:
        raise LinkRefused(expired=True)
    return ResidentAccess(resident=resident, scope=scope, subject=subject)

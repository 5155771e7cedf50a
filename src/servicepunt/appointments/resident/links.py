"""The resident's link: a random key to the page where they see, cancel or move their
appointments, without logging in.

The key names the resident and what the page shows: the appointments of one case (when the
appointment answers a question), of one combination (without a question), or one appointment.
It is 32 characters of [A-Za-z0-9_-] (short enough for an SMS) in the *path* (/afspraak/<key>/),
expires after SERVICEPUNT_RESIDENT_LINK_DAYS days and can be revoked by staff
(`resident_links_revoke`, `resident_link_renew`). Only its SHA-256 is stored
(`ResidentLink.key_hash`), so a copy of the database opens no page, and the log handler's filter
(core.logging.RedactAddresses) takes it out of every log line.

Fewer links: the key is an HMAC, under the site's secret, of a random salt stored with the link.
So every message about the same appointments (the confirmation, its retries, the reminder, the
printed letter) carries the same link while it has at least half its lifetime left, instead of a
new valid link each time; after that, after a revocation, or when the secret changed, a new one
is made."""

from __future__ import annotations

import base64
import datetime as dt
import enum
import secrets
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlencode

from django.conf import settings
from django.db import transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from servicepunt.appointments.models import Appointment, Arrangement, ResidentLink
from servicepunt.core.errors import InvalidInput
from servicepunt.core.link_keys import KEY_BYTES, key_hash

if TYPE_CHECKING:
    from servicepunt.accounts.models import User
    from servicepunt.cases.models import Resident

SALT_BYTES = 16  # 22 characters of [A-Za-z0-9_-]
HMAC_PURPOSE = "servicepunt.appointments.resident-link"
# A link is reused only while at least this share of its lifetime is left, so a reminder never
# carries a link that dies before the appointment.
REUSE_WHILE_LIFETIME_LEFT = 0.5


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


def _derived_key(salt: str) -> str:
    digest = salted_hmac(HMAC_PURPOSE, salt, algorithm="sha256").digest()[:KEY_BYTES]
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def _reusable_key(resident: Resident, scope: Scope, subject: uuid.UUID, now: dt.datetime) -> str | None:
    """The key of a working link for the same appointments with enough lifetime left, if any."""
    fresh_until = now + link_lifetime() * REUSE_WHILE_LIFETIME_LEFT
    links = ResidentLink.objects.filter(
        resident=resident, scope=scope.value, subject=subject, revoked_at__isnull=True, expires_at__gt=fresh_until
    ).exclude(key_salt="")
    for link in links.order_by("-expires_at", "-id"):
        key = _derived_key(link.key_salt)
        if key_hash(key) == link.key_hash:  # else the secret changed since: that key is lost
            return key
    return None


def resident_token(*, appointment: Appointment | None = None, arrangement: Arrangement | None = None) -> str:
    """The key for the resident of `appointment` or `arrangement`: the one of a working link for
    the same appointments while it has at least half its lifetime left, else a new one (stored
    as its hash and its salt only)."""
    resident, scope, subject = _scope_of(appointment, arrangement)
    now = timezone.now()
    reused = _reusable_key(resident, scope, subject, now)
    if reused is not None:
        return reused
    salt = secrets.token_urlsafe(SALT_BYTES)
    key = _derived_key(salt)
    ResidentLink.objects.create(
        key_hash=key_hash(key),
        key_salt=salt,
        resident=resident,
        scope=scope.value,
        subject=subject,
        expires_at=now + link_lifetime(),
    )
    return key


def resident_path(token: str, view: str = "page", *args: Any, **query: str) -> str:
    """A path on the resident page with the key in the path (and e.g. ?taal=en)."""
    path = reverse(f"resident_appointments:{view}", args=[token, *args])
    return f"{path}?{urlencode(query, quote_via=quote)}" if query else path


def resident_link(*, appointment: Appointment | None = None, arrangement: Arrangement | None = None) -> str:
    """The absolute address of the resident page (on SERVICEPUNT_PUBLIC_URL) for the resident of
    `appointment` or `arrangement`: the appointments of its case, or of the combination."""
    token = resident_token(appointment=appointment, arrangement=arrangement)
    return f"{str(settings.SERVICEPUNT_PUBLIC_URL).rstrip('/')}{resident_path(token)}"


def resident_access(token: str, *, now: dt.datetime | None = None) -> ResidentAccess:
    """The access a key gives, or LinkRefused when it is unknown (broken), expired or revoked."""
    link = ResidentLink.objects.select_related("resident").filter(key_hash=key_hash(token)).first() if token else None
    if link is None:
        raise LinkRefused(expired=False)
    if link.revoked_at is not None or link.expires_at <= (now or timezone.now()):
        raise LinkRefused(expired=True)
    return ResidentAccess(resident=link.resident, scope=Scope(link.scope), subject=link.subject)


@transaction.atomic
def resident_links_revoke(*, resident: Resident, by: User) -> int:
    """Revoke every link of this resident that still works; the number revoked."""
    return ResidentLink.objects.filter(resident=resident, revoked_at__isnull=True).update(
        revoked_at=timezone.now(), revoked_by=by
    )

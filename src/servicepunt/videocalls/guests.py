"""A third party in a video call: the employee holding the call invites a partner's employee
(DUO, Toeslagen, UWV, a municipal department) or an interpreter with a one-off link that
expires; the live form of a combination appointment. The wijkbureau's screen and the call page
show who joined.

The link's key (32 characters of [A-Za-z0-9_-]) is in the path (/video/gast/<key>/), shown once
to the employee and stored only as its SHA-256 (`CallGuest.key_hash`); the log handler's filter
(core.logging.RedactAddresses) takes it out of every log line. The first browser that opens the
link is bound to it (a random token in that browser's session, stored as its SHA-256), so a
forwarded link does not let a second browser in. The expiry (the dated parameter
`guests.link_minutes`) limits that first use; the bound browser may come back (a reload) until
the call ends. The end of the call (ended, abandoned, fallback) revokes every guest link."""

from __future__ import annotations

import datetime as dt
import logging
import re
import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from servicepunt.core.errors import InvalidInput
from servicepunt.core.link_keys import key_hash, random_key
from servicepunt.core.validation import text_checked
from servicepunt.videocalls.choices import GuestKind
from servicepunt.videocalls.media import MediaError, ParticipantAccess, media_provider
from servicepunt.videocalls.models import HELD, CallGuest, VideoCall
from servicepunt.videocalls.parameters import parameter_at
from servicepunt.videocalls.queue import FINAL, State
from servicepunt.videocalls.services import CallNotPossible, MediaUnavailable, room_of

if TYPE_CHECKING:
    from servicepunt.accounts.models import User

logger = logging.getLogger(__name__)

KEY_SHAPE = re.compile(r"^[A-Za-z0-9_-]{32}$")
LABEL_LENGTH = 80
# Janus rooms take 6 publishers: the wijkbureau, the employee and at most 4 guests at a time.
MAX_GUESTS = 4


class GuestRefused(Exception):
    """The guest link cannot be used. `reason`: unknown (a broken or altered key: 403), or
    expired, used (by another browser), ended (the call is over or the link revoked): 410."""

    STATUS = {"unknown": 403, "expired": 410, "used": 410, "ended": 410}

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = self.STATUS[reason]


@dataclass(frozen=True)
class GuestInvitation:
    guest: CallGuest
    key: str  # shown once; only its hash is stored


@dataclass(frozen=True)
class GuestVisit:
    guest: CallGuest
    browser: str  # the token the browser's session keeps


def link_lifetime(day: dt.date) -> dt.timedelta:
    return dt.timedelta(minutes=int(parameter_at("guests.link_minutes", day)))


def guest_display(guest: CallGuest) -> str:
    """What the others in the call see: "Tolk" (with the name if typed), or the typed label."""
    if guest.kind == GuestKind.INTERPRETER:
        return _("Tolk, {label}").format(label=guest.label) if guest.label else _("Tolk")
    return guest.label


def guest_participant(guest: CallGuest) -> str:
    """The guest's participant name in the room (its own join token)."""
    return f"guest-{guest.uuid.hex}"


def guest_invite(
    *, call: VideoCall, by: User, kind: str, label: str, now: dt.datetime | None = None
) -> GuestInvitation:
    """The employee holding the call invites a third party; the key is returned once. Only while
    the call is picked up or in progress; the room lets the new participant in."""
    if kind not in GuestKind.values:
        raise InvalidInput(_("Kies wie u uitnodigt: een medewerker van een partner of een tolk."), field="kind")
    label = text_checked(
        label,
        field="label",
        max_length=LABEL_LENGTH,
        required=_("Schrijf op wie u uitnodigt, bijvoorbeeld: DUO, mevrouw Jansen.")
        if kind == GuestKind.PARTNER
        else None,
    )
    if "\n" in label or "\r" in label:
        raise InvalidInput(_("Schrijf het op één regel."), field="label")
    now = now or timezone.now()
    key = random_key()
    with transaction.atomic():
        call = VideoCall.objects.select_for_update().get(pk=call.pk)
        if call.employee_id != by.pk:
            raise CallNotPossible(_("Dit gesprek is van een collega."))
        if call.state not in HELD:
            raise CallNotPossible(_("U kunt alleen iemand uitnodigen tijdens het gesprek."))
        active = (
            CallGuest.objects.filter(call=call, revoked_at__isnull=True)
            .filter(Q(joined_at__isnull=False) | Q(expires_at__gt=now))
            .count()
        )
        if active >= MAX_GUESTS:
            raise CallNotPossible(_("Er kunnen niet meer dan %(count)s gasten in één gesprek.") % {"count": MAX_GUESTS})
        guest = CallGuest.objects.create(
            call=call,
            kind=kind,
            label=label,
            key_hash=key_hash(key),
            invited_by=by,
            invited_at=now,
            expires_at=now + link_lifetime(timezone.localdate(now)),
        )
        try:
            media_provider().allow_participant(room_of(call), guest_participant(guest))
        except MediaError as exc:
            logger.warning("videocall_guest_allow_failed", extra={"call": str(call.uuid)})
            raise MediaUnavailable(_("Uitnodigen lukt nu niet: de videoserver reageert niet.")) from exc
    logger.info("videocall_guest_invited", extra={"call": str(call.uuid), "kind": kind})
    return GuestInvitation(guest=guest, key=key)


def _find(key: str, *, lock: bool) -> CallGuest:
    if not isinstance(key, str) or not KEY_SHAPE.match(key):
        raise GuestRefused("unknown")
    rows = CallGuest.objects.select_related("call", "call__wijkbureau")
    if lock:
        rows = rows.select_for_update(of=("self",))
    guest = rows.filter(key_hash=key_hash(key)).first()
    if guest is None:
        raise GuestRefused("unknown")
    return guest


def _bound(guest: CallGuest, browser: str | None) -> bool:
    return bool(browser and guest.browser_hash and secrets.compare_digest(key_hash(browser), guest.browser_hash))


@transaction.atomic
def guest_join(*, key: str, browser: str | None, now: dt.datetime | None = None) -> GuestVisit:
    """The guest opens the link. The first browser is bound to it (a new token for its session);
    the same browser may come back until the call ends. Refused (GuestRefused): an unknown or
    altered key, a link revoked or of a call that is over, a link used by another browser, and a
    link not used before it expired."""
    guest = _find(key, lock=True)
    if guest.revoked_at is not None or State(guest.call.state) in FINAL:
        raise GuestRefused("ended")
    if guest.joined_at is not None:
        if _bound(guest, browser):
            return GuestVisit(guest=guest, browser=str(browser))
        raise GuestRefused("used")
    now = now or timezone.now()
    if guest.expires_at <= now:
        raise GuestRefused("expired")
    token = random_key()
    guest.browser_hash = key_hash(token)
    guest.joined_at = now
    guest.save(update_fields=["browser_hash", "joined_at"])
    logger.info("videocall_guest_joined", extra={"call": str(guest.call.uuid), "kind": guest.kind})
    return GuestVisit(guest=guest, browser=token)


def guest_of_browser(*, key: str, browser: str | None) -> CallGuest:
    """The guest of this key for the browser bound to it, also after the call ended (its page
    then says so); another browser is refused as by guest_join, and nothing is bound here."""
    guest = _find(key, lock=False)
    if _bound(guest, browser):
        return guest
    if guest.revoked_at is not None or State(guest.call.state) in FINAL:
        raise GuestRefused("ended")
    raise GuestRefused("used" if guest.joined_at is not None else "unknown")


def guest_access(guest: CallGuest) -> ParticipantAccess | None:
    """The guest's access to the room (minted now), or None while the call is not live (e.g.
    transferred, waiting for the colleague). A MediaError when the media server does not answer."""
    if guest.revoked_at is not None or guest.call.state not in HELD:
        return None
    return media_provider().participant_access(room_of(guest.call), guest_participant(guest), guest_display(guest))


@dataclass(frozen=True)
class GuestRow:
    """One guest on the call page: as the others see them, and where their link stands."""

    display: str
    kind: str
    status: str  # joined, invited, expired, revoked
    joined_at: dt.datetime | None
    expires_at: dt.datetime


def guests_of(call: VideoCall, *, now: dt.datetime | None = None) -> list[GuestRow]:
    """Every guest invited into the call, in the order invited (the call page's list)."""
    now = now or timezone.now()
    rows = []
    for guest in CallGuest.objects.filter(call=call).order_by("invited_at", "id"):
        if guest.revoked_at is not None:
            status = "revoked"
        elif guest.joined_at is not None:
            status = "joined"
        elif guest.expires_at <= now:
            status = "expired"
        else:
            status = "invited"
        rows.append(GuestRow(guest_display(guest), guest.kind, status, guest.joined_at, guest.expires_at))
    return rows


def guests_in_call(call: VideoCall) -> list[str]:
    """Who joined the call as a guest and is not revoked, as the others see them."""
    rows = CallGuest.objects.filter(call=call, joined_at__isnull=False, revoked_at__isnull=True)
    return [guest_display(guest) for guest in rows.order_by("joined_at", "id")]


def guest_count(call: VideoCall) -> int:
    return CallGuest.objects.filter(call=call).count()

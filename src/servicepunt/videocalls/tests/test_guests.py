"""A third party in a video call (the in-memory media provider): only the employee holding a
live call invites; the key is shown once and stored as its hash; the link opens only its own
call, works in one browser only, expires when unused, and the end of the call revokes it. The
pages refuse kindly (403 for a broken key, 410 when expired, used or over), never with a 500,
and the key stays out of every log line."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest
from django.db import IntegrityError, transaction
from django.test import Client
from django.utils import timezone
from structlog.testing import capture_logs

from servicepunt.accounts.roles import Role
from servicepunt.catalogue.selectors import entry_points_video
from servicepunt.core.errors import InvalidInput
from servicepunt.core.logging import redacted
from servicepunt.videocalls.guests import (
    MAX_GUESTS,
    GuestRefused,
    guest_access,
    guest_invite,
    guest_join,
    guest_of_browser,
    guests_in_call,
    guests_of,
    key_hash,
    link_lifetime,
)
from servicepunt.videocalls.media import media_provider
from servicepunt.videocalls.models import CallGuest, VideoCall
from servicepunt.videocalls.services import (
    CallNotPossible,
    CallRequestInput,
    call_cancel,
    call_connect,
    call_end,
    call_pick_up,
    call_request,
    call_transfer,
)

if TYPE_CHECKING:
    from servicepunt.accounts.models import User

pytestmark = pytest.mark.django_db


def _call(host: User, employee: User | None = None, topic: str = "Brief van DUO") -> VideoCall:
    call = call_request(host=host, data=CallRequestInput(wijkbureau=entry_points_video().first(), topic=topic))
    return call_pick_up(call=call, employee=employee) if employee is not None else call


def test_the_employee_invites_and_the_guest_joins_once(host: User, employee: User) -> None:
    call = _call(host, employee)
    invitation = guest_invite(call=call, by=employee, kind="partner", label="DUO, mevrouw Jansen")
    guest = invitation.guest
    assert len(invitation.key) == 32 and guest.key_hash == key_hash(invitation.key)
    assert invitation.key not in repr(list(CallGuest.objects.values()))
    assert guest.expires_at - guest.invited_at == link_lifetime(timezone.localdate()) == dt.timedelta(minutes=30)
    assert guests_in_call(call) == []
    # The room lets the guest in with a join token of its own.
    assert f"guest-{guest.uuid.hex}" in media_provider().rooms[call.room_id]  # type: ignore[attr-defined]

    visit = guest_join(key=invitation.key, browser=None)
    assert visit.guest.joined_at is not None and visit.guest.browser_hash == key_hash(visit.browser)
    assert guests_in_call(call) == ["DUO, mevrouw Jansen"]
    access = guest_access(visit.guest)
    assert access is not None and access.display == "DUO, mevrouw Jansen" and access.room_id == call.room_id
    # The same browser may come back; a second browser may not (with or without a token).
    assert guest_join(key=invitation.key, browser=visit.browser).guest.pk == guest.pk
    for other in (None, "een-ander-token"):
        with pytest.raises(GuestRefused) as refused:
            guest_join(key=invitation.key, browser=other)
        assert refused.value.reason == "used" and refused.value.status == 410
    assert [row.status for row in guests_of(call)] == ["joined"]


def test_an_interpreter_needs_no_name(host: User, employee: User) -> None:
    call = _call(host, employee)
    key = guest_invite(call=call, by=employee, kind="interpreter", label="").key
    guest_join(key=key, browser=None)
    named = guest_invite(call=call, by=employee, kind="interpreter", label="mevrouw Ali").key
    guest_join(key=named, browser=None)
    assert guests_in_call(call) == ["Tolk", "Tolk, mevrouw Ali"]


def test_only_the_employee_holding_a_live_call_invites(
    host: User, employee: User, make_user: Callable[..., User]
) -> None:
    colleague = make_user(Role.SERVICEPUNT, "collega")
    waiting = _call(host)
    with pytest.raises(CallNotPossible):
        guest_invite(call=waiting, by=employee, kind="interpreter", label="")
    call = _call(host, employee, topic="Toeslag")
    with pytest.raises(CallNotPossible):
        guest_invite(call=call, by=colleague, kind="interpreter", label="")
    call_connect(call=call, employee=employee)
    guest_invite(call=call, by=employee, kind="interpreter", label="")  # in call: fine
    call_transfer(call=call, by=employee, to=colleague, note="Weet meer van toeslagen")
    with pytest.raises(CallNotPossible):
        guest_invite(call=call, by=employee, kind="interpreter", label="")
    assert CallGuest.objects.count() == 1


@pytest.mark.parametrize(
    ("kind", "label", "field"),
    [
        ("partner", "", "label"),
        ("partner", "   ", "label"),
        ("partner", "x" * 81, "label"),
        ("partner", "DUO\nJansen", "label"),
        ("partner", "a\x00b", "label"),
        ("partner", "a\u202eb", "label"),
        ("burgemeester", "Jansen", "kind"),
        ("", "Jansen", "kind"),
    ],
)
def test_the_invitation_is_checked(host: User, employee: User, kind: str, label: str, field: str) -> None:
    call = _call(host, employee)
    with pytest.raises(InvalidInput) as refused:
        guest_invite(call=call, by=employee, kind=kind, label=label)
    assert refused.value.field == field
    assert CallGuest.objects.count() == 0


def test_at_most_four_guests_at_a_time(host: User, employee: User) -> None:
    call = _call(host, employee)
    for number in range(MAX_GUESTS):
        guest_invite(call=call, by=employee, kind="partner", label=f"Partner {number}")
    with pytest.raises(CallNotPossible):
        guest_invite(call=call, by=employee, kind="partner", label="Nog een")


def test_an_unused_link_expires(host: User, employee: User) -> None:
    call = _call(host, employee)
    key = guest_invite(call=call, by=employee, kind="partner", label="UWV").key
    later = timezone.now() + dt.timedelta(minutes=31)
    with pytest.raises(GuestRefused) as refused:
        guest_join(key=key, browser=None, now=later)
    assert refused.value.reason == "expired" and refused.value.status == 410
    assert [row.status for row in guests_of(call, now=later)] == ["expired"]
    # Expired before use does not block a new guest: it no longer counts.
    for number in range(MAX_GUESTS):
        guest_invite(call=call, by=employee, kind="partner", label=f"Partner {number}", now=later)


def test_a_joined_guest_may_come_back_after_the_expiry(host: User, employee: User) -> None:
    call = _call(host, employee)
    key = guest_invite(call=call, by=employee, kind="partner", label="UWV").key
    visit = guest_join(key=key, browser=None)
    later = timezone.now() + dt.timedelta(hours=1)
    assert guest_join(key=key, browser=visit.browser, now=later).guest.pk == visit.guest.pk


@pytest.mark.parametrize("end", ["end", "cancel"])
def test_the_end_of_the_call_revokes_every_link(host: User, employee: User, end: str) -> None:
    call = _call(host, employee)
    joined = guest_invite(call=call, by=employee, kind="partner", label="DUO").key
    unused = guest_invite(call=call, by=employee, kind="interpreter", label="").key
    visit = guest_join(key=joined, browser=None)
    if end == "end":
        call_end(call=call, by=employee, outcome="Uitgelegd")
    else:
        call_cancel(call=call, by=host)
    assert CallGuest.objects.filter(revoked_at__isnull=True).count() == 0
    for key, browser in ((joined, visit.browser), (unused, None)):
        with pytest.raises(GuestRefused) as refused:
            guest_join(key=key, browser=browser)
        assert refused.value.reason == "ended" and refused.value.status == 410
    # The bound browser still learns that the call is over (its page says so).
    guest = guest_of_browser(key=joined, browser=visit.browser)
    assert guest.revoked_at is not None and guest_access(guest) is None
    assert guests_in_call(call) == []


@pytest.mark.parametrize("altered", ["", "kort", "x" * 32, "y" * 64, "../../etc/passwd", "a\x00" * 16])
def test_an_unknown_or_altered_key_is_refused(host: User, employee: User, altered: str) -> None:
    call = _call(host, employee)
    key = guest_invite(call=call, by=employee, kind="partner", label="DUO").key
    for wrong in (altered, key[:-1] + ("A" if key[-1] != "A" else "B"), key + "x"):
        with pytest.raises(GuestRefused) as refused:
            guest_join(key=wrong, browser=None)
        assert refused.value.reason == "unknown" and refused.value.status == 403
    assert CallGuest.objects.get().joined_at is None


def test_a_link_opens_only_its_own_call(host: User, employee: User, make_user: Callable[..., User]) -> None:
    first = _call(host, employee, topic="Eerste")
    second = _call(host, make_user(Role.SERVICEPUNT, "twee"), topic="Tweede")
    key = guest_invite(call=first, by=employee, kind="partner", label="DUO").key
    visit = guest_join(key=key, browser=None)
    assert visit.guest.call_id == first.pk
    access = guest_access(visit.guest)
    assert access is not None and access.room_id == first.room_id != second.room_id
    assert guests_in_call(second) == []


def test_the_database_holds_the_rules(host: User, employee: User) -> None:
    call = _call(host, employee)
    now = timezone.now()
    good = {
        "call": call,
        "kind": "partner",
        "label": "DUO",
        "key_hash": "a" * 64,
        "invited_by": employee,
        "invited_at": now,
        "expires_at": now + dt.timedelta(minutes=30),
    }
    for wrong in (
        {"kind": "burgemeester"},
        {"key_hash": "plain-key"},
        {"expires_at": now},
        {"joined_at": now},  # joined without a bound browser
        {"label": ""},  # a partner without a label
    ):
        with pytest.raises(IntegrityError), transaction.atomic():
            CallGuest.objects.create(**{**good, **wrong})
    CallGuest.objects.create(**good)
    with pytest.raises(IntegrityError), transaction.atomic():
        CallGuest.objects.create(**{**good, "label": "UWV"})  # the same key hash twice


# --- the pages -------------------------------------------------------------------------------------


def _signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_call_page_invites_and_shows_the_link_once(host: User, employee: User) -> None:
    call = _call(host, employee)
    page = _signed_in(employee)
    assert "Iemand erbij halen" in page.get(f"/video/{call.uuid}/gesprek/").content.decode()
    answer = page.post(
        f"/video/{call.uuid}/uitnodigen/", {"kind": "partner", "label": "DUO, mevrouw Jansen"}, HTTP_HX_REQUEST="true"
    )
    assert answer.status_code == 200 and answer["Cache-Control"] == "no-store"
    panel = answer.content.decode()
    assert panel.startswith('<section id="sp-guests"') and "<html" not in panel
    link = panel.split('id="sp-guest-link" type="text" readonly value="')[1].split('"')[0]
    key = link.rsplit("/", 2)[-2]
    assert link.endswith(f"/video/gast/{key}/") and CallGuest.objects.get().key_hash == key_hash(key)
    assert "werkt één keer" in panel and "uitgenodigd, de link werkt tot" in panel
    # The call page lists the guest but never shows the key again.
    again = page.get(f"/video/{call.uuid}/gesprek/").content.decode()
    assert "DUO, mevrouw Jansen" in again and key not in again
    # Without htmx: a page of its own; refused input: the field says why, nothing is written.
    plain = page.post(f"/video/{call.uuid}/uitnodigen/", {"kind": "interpreter", "label": ""})
    assert plain.status_code == 200 and "Terug naar het gesprek" in plain.content.decode()
    refused = page.post(f"/video/{call.uuid}/uitnodigen/", {"kind": "partner", "label": ""})
    assert refused.status_code == 400 and "Schrijf op wie u uitnodigt" in refused.content.decode()
    assert CallGuest.objects.count() == 2


def test_a_colleague_cannot_invite_into_someone_elses_call(
    host: User, employee: User, make_user: Callable[..., User]
) -> None:
    call = _call(host, employee)
    colleague = _signed_in(make_user(Role.SERVICEPUNT, "collega"))
    assert colleague.post(f"/video/{call.uuid}/uitnodigen/", {"kind": "interpreter"}).status_code == 404
    assert _signed_in(host).post(f"/video/{call.uuid}/uitnodigen/", {"kind": "interpreter"}).status_code == 403
    assert CallGuest.objects.count() == 0


def test_the_guest_page_joins_and_a_second_browser_is_refused(host: User, employee: User) -> None:
    call = _call(host, employee)
    key = guest_invite(call=call, by=employee, kind="partner", label="DUO, mevrouw Jansen").key
    guest = Client()
    page = guest.get(f"/video/gast/{key}/")
    assert page.status_code == 200
    assert page["Cache-Control"] == "no-store" and page["Referrer-Policy"] == "no-referrer"
    assert "noindex" in page["X-Robots-Tag"]
    text = page.content.decode()
    assert "Videogesprek met het Servicepunt" in text and f'data-access-url="/video/gast/{key}/toegang/"' in text
    assert call.topic not in text  # the resident's question is not the guest's business
    access = guest.get(f"/video/gast/{key}/toegang/")
    assert access.status_code == 200 and access.json()["display"] == "DUO, mevrouw Jansen"
    assert access["Cache-Control"] == "no-store"
    assert guest.get(f"/video/gast/{key}/status/").status_code == 200
    # The resident's screen shows who joined.
    assert "DUO, mevrouw Jansen" in _signed_in(host).get(f"/video/{call.uuid}/status/").content.decode()
    second = Client()
    for path in ("", "toegang/", "status/"):
        refused = second.get(f"/video/gast/{key}/{path}")
        assert refused.status_code == 410, path
    assert "Deze link is al gebruikt" in second.get(f"/video/gast/{key}/").content.decode()
    # After the end, the guest's own page says so; the links are refused.
    call_end(call=call, by=employee, outcome="Samen met DUO uitgelegd")
    status = guest.get(f"/video/gast/{key}/status/")
    assert status.status_code == 200 and "Het gesprek is afgelopen" in status.content.decode()
    assert 'data-state="ended"' in status.content.decode() and "hx-get" not in status.content.decode()
    over = guest.get(f"/video/gast/{key}/")
    assert over.status_code == 410 and "Het gesprek is afgelopen" in over.content.decode()
    assert guest.get(f"/video/gast/{key}/toegang/").status_code == 410


def test_the_guest_pages_refuse_kindly_never_with_a_500(host: User, employee: User) -> None:
    call = _call(host, employee)
    key = guest_invite(call=call, by=employee, kind="partner", label="DUO").key
    client = Client(raise_request_exception=False)
    for wrong in ("x", key[:-1], key + "a", "A" * 64, "-" * 32, "_" * 40):
        for path in ("", "toegang/", "status/"):
            answer = client.get(f"/video/gast/{wrong}/{path}")
            assert answer.status_code == 403, (wrong, path)
            assert answer["Cache-Control"] == "no-store"
    assert client.get(f"/video/gast/{'a' * 65}/").status_code == 404  # not a key at all
    assert client.post(f"/video/gast/{key}/").status_code == 405
    # An expired link, unused: 410 with what to do.
    CallGuest.objects.update(
        expires_at=timezone.now() - dt.timedelta(seconds=1), invited_at=timezone.now() - dt.timedelta(hours=1)
    )
    expired = client.get(f"/video/gast/{key}/")
    assert expired.status_code == 410 and "Deze link is verlopen" in expired.content.decode()
    # A session holding garbage under the guests' key changes nothing.
    session = client.session
    session["videocall_guests"] = "geen dict"
    session.save()
    assert client.get(f"/video/gast/{key}/").status_code == 410
    assert CallGuest.objects.get().joined_at is None


def test_the_key_stays_out_of_the_logs(host: User, employee: User, caplog: pytest.LogCaptureFixture) -> None:
    call = _call(host, employee)
    caplog.set_level(logging.DEBUG)
    with capture_logs() as logs:
        answer = _signed_in(employee).post(
            f"/video/{call.uuid}/uitnodigen/", {"kind": "partner", "label": "DUO, mevrouw Jansen"}
        )
        key = answer.content.decode().split("/video/gast/")[1].split("/")[0]
        client = Client()
        client.get(f"/video/gast/{key}/")
        client.get(f"/video/gast/{key}/toegang/")
        Client().get(f"/video/gast/{key}/")  # a second browser: refused
        Client().get(f"/video/gast/{key}x/")  # altered
    written = repr(logs) + caplog.text
    assert key not in written and key[:16] not in written
    assert "Jansen" not in written
    # Whatever still writes an address (runserver, a proxy's line) has the key taken out.
    assert key not in redacted(f'"GET /video/gast/{key}/toegang/ HTTP/1.1" 200')

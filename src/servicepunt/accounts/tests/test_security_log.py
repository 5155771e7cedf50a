"""The security log: signing in (password), a failed sign-in, the second step failed, passed with
the app and with a recovery code, setting the app up, and signing out each leave one row with the
user, the means and the address; rows are never changed; old rows go by their retention cutoff."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import pytest
from django.test import Client
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from servicepunt.accounts.choices import SecurityEventKind
from servicepunt.accounts.models import SecurityEvent, User
from servicepunt.accounts.roles import Role
from servicepunt.accounts.security_log import security_events_expire
from servicepunt.core.errors import AppendOnlyError
from servicepunt.core.testing.otp import totp_code, unverified_login

pytestmark = pytest.mark.django_db
VERIFY = "/accounts/tweede-stap/"
SETUP = "/accounts/tweede-stap/instellen/"
PASSWORD = "a-long-test-password"


def _events(user: User | None = None) -> list[tuple[str, str, str]]:
    rows = SecurityEvent.objects.order_by("id")
    if user is not None:
        rows = rows.filter(user=user)
    return [(row.kind, row.username, row.means) for row in rows]


def test_signing_in_failing_and_signing_out_are_logged(make_user: Callable[..., User]) -> None:
    user = make_user(Role.TEAMLEIDER, username="ria")  # no second step for team leads
    client = Client(REMOTE_ADDR="192.0.2.7")
    client.post("/accounts/inloggen/", {"username": "ria", "password": "wrong"})
    client.post("/accounts/inloggen/", {"username": "ria", "password": PASSWORD})
    client.post("/accounts/uitloggen/")
    assert _events() == [
        (SecurityEventKind.SIGN_IN_FAILED, "ria", ""),
        (SecurityEventKind.SIGNED_IN, "ria", "wachtwoord"),
        (SecurityEventKind.SIGNED_OUT, "ria", ""),
    ]
    failed, signed_in = SecurityEvent.objects.order_by("id")[:2]
    assert failed.user is None and signed_in.user == user and signed_in.address == "192.0.2.7"


def test_the_second_step_setup_failures_and_recovery_codes_are_logged(employee: User) -> None:
    client = Client()
    unverified_login(client, employee)
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=employee, confirmed=False)
    wrong = "000000" if totp_code(device) != "000000" else "111111"
    client.post(SETUP, {"code": wrong})
    device.refresh_from_db()
    device.throttling_failure_count, device.throttling_failure_timestamp = 0, None  # skip the wait after a failure
    device.save()
    done = client.post(SETUP, {"code": totp_code(device)})
    codes = re.findall(r'<code class="utrecht-code">([0-9a-f]{10})</code>', done.content.decode())
    other = Client()
    unverified_login(other, employee)
    other.post(VERIFY, {"code": codes[0]})
    third = Client()
    unverified_login(third, employee)
    third.post(VERIFY, {"code": "0123456789"})
    second_steps = [event for event in _events(employee) if event[0] != SecurityEventKind.SIGNED_IN]
    assert second_steps == [
        (SecurityEventKind.SECOND_FACTOR_FAILED, employee.username, "app"),
        (SecurityEventKind.SECOND_FACTOR_SET_UP, employee.username, "app"),
        (SecurityEventKind.SECOND_FACTOR_PASSED, employee.username, "herstelcode"),
        (SecurityEventKind.SECOND_FACTOR_FAILED, employee.username, ""),
    ]


def test_security_events_are_never_changed_and_expire_by_their_cutoff(make_user: Callable[..., User]) -> None:
    user = make_user(Role.TEAMLEIDER, username="wim")
    Client().post("/accounts/inloggen/", {"username": "wim", "password": PASSWORD})
    event = SecurityEvent.objects.get(user=user)
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        SecurityEvent.objects.filter(pk=event.pk).update(username="someone else")
    cutoff = timezone.now() + dt.timedelta(seconds=1)
    assert security_events_expire(before=timezone.now() - dt.timedelta(days=1), apply=True) == 0
    assert security_events_expire(before=cutoff, apply=False) == 1 and SecurityEvent.objects.exists()
    assert security_events_expire(before=cutoff, apply=True) == 1 and not SecurityEvent.objects.exists()


def test_the_beheerder_reads_the_security_log_in_the_admin_and_cannot_change_it(
    make_user: Callable[..., User],
) -> None:
    make_user(Role.TEAMLEIDER, username="henk")
    Client().post("/accounts/inloggen/", {"username": "henk", "password": "wrong"})
    beheerder = Client()
    beheerder.force_login(make_user(Role.BEHEERDER, username="beheer"))
    page = beheerder.get("/beheer/accounts/securityevent/")
    assert page.status_code == 200 and "henk" in page.content.decode()
    event = SecurityEvent.objects.get(username="henk")
    assert beheerder.post(f"/beheer/accounts/securityevent/{event.pk}/delete/").status_code == 403
    assert "/beheer/accounts/securityevent/add/" not in page.content.decode()
    colleague = Client()
    colleague.force_login(make_user(Role.SERVICEPUNT, username="medewerker"))
    assert colleague.get("/beheer/accounts/securityevent/").status_code in (302, 403)  # no admin site for them

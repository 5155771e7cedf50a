"""Test support for the second factor (django-otp): the one place that knows how a test passes it.

The root conftest makes `Client.force_login` sign in *and* pass the second factor
(`verified_force_login`); `unverified_login` is the password step alone; the browser tests'
`login` types a code from `totp_code`. Models are imported when used: this module is loaded by
the browser plugin before Django is set up."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.test import Client
from django_otp.oath import TOTP

if TYPE_CHECKING:
    from django_otp.plugins.otp_totp.models import TOTPDevice

DEVICE_ID_SESSION_KEY = "otp_device_id"  # django_otp.DEVICE_ID_SESSION_KEY
_force_login = Client.force_login


def unverified_login(client: Client, user: Any, backend: str | None = None) -> None:
    """Sign in with the password step only, as Django's own force_login does."""
    _force_login(client, user, backend)


def totp_device(user: Any) -> TOTPDevice:
    """A new confirmed authenticator app for `user` (an earlier one is replaced, so its last used
    code never blocks the next)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.filter(user=user).delete()
    return TOTPDevice.objects.create(user=user, name="app", confirmed=True)


def totp_code(device: TOTPDevice, *, offset: int = 0) -> str:
    """The code the user's app shows now (or `offset` steps of 30 seconds from now)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.drift = device.drift + offset
    return str(totp.token()).zfill(device.digits)


def verified_force_login(client: Client, user: Any, backend: str | None = None) -> None:
    """Sign in and pass the second factor: what `Client.force_login` does in the tests (conftest)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    _force_login(client, user, backend)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or totp_device(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()

"""The second step of signing in (django-otp): a code from an authenticator app (TOTP) or a
one-time recovery code, and setting the app up the first time."""

from __future__ import annotations

import base64
import secrets

import qrcode
import qrcode.image.svg
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_otp import devices_for_user, match_token, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from servicepunt.accounts.choices import SecurityEventKind
from servicepunt.accounts.forms import SecondFactorForm
from servicepunt.accounts.http import AuthenticatedRequest
from servicepunt.accounts.security_log import security_event_record

RECOVERY_CODES = 10
APP_DEVICE_NAME = "app"
THROTTLE_NOTICE_AFTER = 3


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return "/"


@login_required
@require_http_methods(["GET", "POST"])
def second_factor(request: AuthenticatedRequest) -> HttpResponse:
    """Ask for the code. A recovery code is used up when it is accepted."""
    if not user_has_device(request.user):
        return redirect("accounts:second-factor-setup")
    form = SecondFactorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["code"])
        if device is None:
            security_event_record(kind=SecurityEventKind.SECOND_FACTOR_FAILED, request=request, user=request.user)
            form.add_error("code", _refusal(request))
        else:
            means = "herstelcode" if isinstance(device, StaticDevice) else "app"
            security_event_record(
                kind=SecurityEventKind.SECOND_FACTOR_PASSED, request=request, user=request.user, means=means
            )
            otp_login(request, device)
            request.session.cycle_key()
            return redirect(_next_url(request))
    return render(request, "accounts/second_factor.html", {"form": form, "next": _next_url(request)})


def _refusal(request: AuthenticatedRequest) -> str:
    """After a few wrong codes django-otp makes each next try wait longer (1, 2, 4, … seconds)."""
    if any(
        getattr(device, "throttling_failure_count", 0) >= THROTTLE_NOTICE_AFTER and not device.verify_is_allowed()[0]
        for device in devices_for_user(request.user)
    ):
        return _("U hebt een paar keer een foute code ingevuld. Wacht een minuut en probeer het dan opnieuw.")
    return _("Deze code klopt niet of is al gebruikt. Probeer de nieuwste code uit uw app.")


def _qr_svg(url: str) -> str:
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2)
    return image.to_string(encoding="unicode")  # type: ignore[no-any-return]


def _recovery_codes_replace(request: AuthenticatedRequest) -> list[str]:
    StaticDevice.objects.filter(user=request.user).delete()
    device = StaticDevice.objects.create(user=request.user, name="herstelcodes", confirmed=True)
    codes = [secrets.token_hex(5) for _ in range(RECOVERY_CODES)]
    for code in codes:
        device.token_set.create(token=code)
    return codes


@login_required
@require_http_methods(["GET", "POST"])
def second_factor_setup(request: AuthenticatedRequest) -> HttpResponse:
    """Set up the authenticator app. Someone who has one already must pass it first (else the
    password alone would be enough to set up a new one); then they may replace it."""
    user = request.user
    if user_has_device(user) and not user.is_verified():  # type: ignore[attr-defined]
        return redirect("accounts:second-factor")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)
    form = SecondFactorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            with transaction.atomic():
                TOTPDevice.objects.filter(user=user, confirmed=True).delete()
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                codes = _recovery_codes_replace(request)
                security_event_record(
                    kind=SecurityEventKind.SECOND_FACTOR_SET_UP, request=request, user=user, means="app"
                )
            otp_login(request, device)
            request.session.cycle_key()
            return render(request, "accounts/recovery_codes.html", {"codes": codes, "next": _next_url(request)})
        security_event_record(kind=SecurityEventKind.SECOND_FACTOR_FAILED, request=request, user=user, means="app")
        form.add_error(
            "code", _("Deze code klopt niet. Kijk of de tijd op uw telefoon goed staat en probeer het opnieuw.")
        )
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    context = {
        "form": form,
        "qr_svg": _qr_svg(device.config_url),
        "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        "next": _next_url(request),
    }
    return render(request, "accounts/second_factor_setup.html", context)

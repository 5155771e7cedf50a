"""Two-factor authentication (django-otp): required per role, set up with an authenticator app,
a recovery code works once, and the password alone never sets up a new app."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import pytest
import time_machine
from django.test import Client
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from servicepunt.accounts.checks import sign_in_check
from servicepunt.accounts.models import User
from servicepunt.accounts.roles import Role
from servicepunt.accounts.second_factor import second_factor_roles
from servicepunt.core.testing.otp import totp_code, totp_device, unverified_login

pytestmark = pytest.mark.django_db
PAGE = "/catalogus/"  # every role may read the catalogue
VERIFY = "/accounts/tweede-stap/"
SETUP = "/accounts/tweede-stap/instellen/"


def _password_only(user: User) -> Client:
    client = Client()
    unverified_login(client, user)
    return client


@pytest.mark.parametrize("role", list(Role))
def test_every_role_that_sees_personal_data_must_pass_the_second_factor(
    make_user: Callable[..., User], role: Role
) -> None:
    client = _password_only(make_user(role))
    response = client.get(PAGE)
    if role in second_factor_roles():
        assert response.status_code == 302 and response["Location"] == f"{SETUP}?next={PAGE}"
    else:
        assert role == Role.TEAMLEIDER  # totals only, never a resident
        assert response.status_code == 200


def test_a_superuser_must_pass_it_whatever_the_role(make_user: Callable[..., User]) -> None:
    user = make_user(Role.TEAMLEIDER)
    user.is_superuser = True
    user.save()
    assert _password_only(user).get(PAGE).status_code == 302


def test_with_an_app_set_up_the_code_is_asked_and_the_api_and_htmx_are_refused(employee: User) -> None:
    totp_device(employee)
    client = _password_only(employee)
    assert client.get(PAGE)["Location"] == f"{VERIFY}?next={PAGE}"
    api = client.get("/api/v1/products")
    assert api.status_code == 403 and api["Content-Type"] == "application/problem+json"
    htmx = client.post("/triage/", {"text": "schulden"}, headers={"HX-Request": "true"})
    assert htmx.status_code == 204 and htmx["HX-Redirect"] == VERIFY


def test_the_right_code_lets_in_and_a_wrong_one_names_the_field(employee: User) -> None:
    device = totp_device(employee)
    client = _password_only(employee)
    wrong = client.post(VERIFY, {"code": "000000" if totp_code(device) != "000000" else "111111", "next": PAGE})
    assert wrong.status_code == 200 and "Deze code klopt niet" in wrong.content.decode()
    assert 'aria-invalid="true"' in wrong.content.decode()
    device.refresh_from_db()
    device.throttling_failure_count, device.throttling_failure_timestamp = 0, None  # skip the wait after a failure
    device.save()
    right = client.post(VERIFY, {"code": totp_code(device), "next": PAGE})
    assert right.status_code == 302 and right["Location"] == PAGE
    assert client.get(PAGE).status_code == 200


def test_after_a_few_wrong_codes_even_the_right_one_waits(employee: User) -> None:
    device = totp_device(employee)
    client = _password_only(employee)
    with time_machine.travel(dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC), tick=False) as clock:
        wrong = "000000" if totp_code(device) != "000000" else "111111"
        for _ in range(2):
            clock.shift(dt.timedelta(seconds=10))  # past the wait of the failure before
            assert "Deze code klopt niet" in client.post(VERIFY, {"code": wrong}).content.decode()
        clock.shift(dt.timedelta(seconds=10))
        assert "Wacht een minuut" in client.post(VERIFY, {"code": wrong}).content.decode()
        refused = client.post(VERIFY, {"code": totp_code(device)})
        assert refused.status_code == 200 and "Wacht een minuut" in refused.content.decode()
        assert client.get(PAGE).status_code == 302
        clock.shift(dt.timedelta(seconds=10))
        assert client.post(VERIFY, {"code": totp_code(device)}).status_code == 302


def test_a_code_cannot_be_used_twice(employee: User) -> None:
    device = totp_device(employee)
    code = totp_code(device)
    assert _password_only(employee).post(VERIFY, {"code": code}).status_code == 302
    assert _password_only(employee).post(VERIFY, {"code": code}).status_code == 200


def test_setting_up_the_app_gives_recovery_codes_and_each_works_once(employee: User) -> None:
    client = _password_only(employee)
    setup = client.get(SETUP)
    page = setup.content.decode()
    assert setup.status_code == 200 and "<svg" in page and 'aria-label="QR-code om te scannen met uw app"' in page
    device = TOTPDevice.objects.get(user=employee, confirmed=False)
    assert client.get(PAGE).status_code == 302  # not confirmed yet: still no way in
    done = client.post(SETUP, {"code": totp_code(device), "next": PAGE})
    assert done.status_code == 200
    codes = re.findall(r'<code class="utrecht-code">([0-9a-f]{10})</code>', done.content.decode())
    assert len(codes) == 10 and StaticToken.objects.filter(device__user=employee).count() == 10
    assert client.get(PAGE).status_code == 200

    first = _password_only(employee)
    assert first.post(VERIFY, {"code": codes[0], "next": PAGE})["Location"] == PAGE
    assert first.get(PAGE).status_code == 200
    again = _password_only(employee).post(VERIFY, {"code": codes[0]})
    assert again.status_code == 200 and "al gebruikt" in again.content.decode()
    assert StaticToken.objects.filter(device__user=employee).count() == 9


def test_the_password_alone_cannot_set_up_a_new_app(employee: User) -> None:
    totp_device(employee)
    client = _password_only(employee)
    assert client.get(SETUP)["Location"] == VERIFY
    assert client.post(SETUP, {"code": "123456"})["Location"] == VERIFY
    assert TOTPDevice.objects.filter(user=employee).count() == 1
    assert not StaticDevice.objects.filter(user=employee).exists()


def test_a_next_address_elsewhere_is_not_followed(employee: User) -> None:
    device = totp_device(employee)
    response = _password_only(employee).post(VERIFY, {"code": totp_code(device), "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_demo_accounts_may_skip_it_only_where_the_setting_and_demo_data_allow(
    settings: Any, make_user: Callable[..., User]
) -> None:
    # "medewerker" is a demo login (demo.accounts.DEMO_USERNAMES, named by the setting).
    demo = make_user(Role.SERVICEPUNT, username="medewerker")
    settings.SERVICEPUNT_2FA_EXEMPT_DEMO_ACCOUNTS = True
    assert _password_only(demo).get(PAGE).status_code == 200
    settings.SERVICEPUNT_ALLOW_DEMO_DATA = False
    assert _password_only(demo).get(PAGE).status_code == 302


def test_a_deployment_without_the_second_factor_fails_the_deploy_check(settings: Any) -> None:
    assert "servicepunt.E010" not in {message.id for message in sign_in_check()}
    settings.SERVICEPUNT_2FA_REQUIRED = False
    assert "servicepunt.E010" in {message.id for message in sign_in_check()}
    settings.SERVICEPUNT_2FA_REQUIRED = True
    settings.SERVICEPUNT_2FA_EXEMPT_DEMO_ACCOUNTS = True
    assert "servicepunt.E010" in {message.id for message in sign_in_check()}

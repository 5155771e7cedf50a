"""The second step in a browser: setting up the app (QR code, key, first code), the recovery
codes, signing in again with a recovery code. Axe (WCAG 2.2 AA) passes on every page, and no
page breaks the Content-Security-Policy (the `page` fixture fails the test on a violation)."""

from __future__ import annotations

import re

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from servicepunt.core.testing.browser import DEMO_PASSWORD, assert_accessible
from servicepunt.core.testing.otp import totp_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _password_step(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/accounts/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("medewerker")
    page.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
    page.keyboard.press("Enter")


def test_an_employee_sets_up_the_app_and_later_signs_in_with_a_recovery_code(
    page: Page, loaded_live_server: object
) -> None:
    base_url = str(loaded_live_server)
    _password_step(page, base_url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Tweede stap instellen")
    expect(page.get_by_role("img", name="QR-code om te scannen met uw app")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Code", exact=True).fill("000000")
    page.get_by_role("button", name="Instellen").click()
    expect(page.get_by_text("Deze code klopt niet")).to_be_visible()
    assert_accessible(page)  # the page with the error named at the field

    device = TOTPDevice.objects.get(user__username="medewerker", confirmed=False)
    device.throttling_failure_count, device.throttling_failure_timestamp = 0, None  # no wait after the wrong code
    device.save()
    page.get_by_label("Code", exact=True).fill(totp_code(device))
    page.get_by_role("button", name="Instellen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Uw herstelcodes")
    assert_accessible(page)
    codes = re.findall(r"\b[0-9a-f]{10}\b", page.locator(".sp-recovery-codes").inner_text())
    assert len(codes) == 10

    page.get_by_role("link", name="Ik heb de codes bewaard. Verder.").click()
    page.get_by_role("button", name="Uitloggen").click()
    _password_step(page, base_url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Tweede stap: de code uit uw app")
    assert_accessible(page)
    page.get_by_label("Code", exact=True).fill(codes[0])
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()

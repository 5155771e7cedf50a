"""Browser-test support: Debian's chromium driven by Playwright, and an axe-core check.

Never `playwright install`: the browser is the system's /usr/bin/chromium."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth import get_user_model
from playwright.sync_api import Browser, ConsoleMessage, Page, expect, sync_playwright

from servicepunt.core.testing.otp import totp_code, totp_device

CHROMIUM = os.environ.get("SERVICEPUNT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WCAG_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    # Playwright's sync API runs an event loop in this thread; the ORM calls in fixtures are safe.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


# Every page reports a Content-Security-Policy violation to the console: Chromium itself
# ("Refused to ... because it violates the following Content Security Policy directive") and
# this script, which the browser runs before any of the page's own.
_REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"}`
    + ` at ${event.sourceFile || document.location.pathname}:${event.lineNumber}`);
});
"""


def _csp_violation(message: ConsoleMessage) -> bool:
    return "Content Security Policy" in message.text or message.text.startswith("CSP violation")


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh browser page. A test whose pages break the Content-Security-Policy fails (as an
    error at teardown, naming each violation), so every browser test checks the CSP."""
    context = browser.new_context(locale="nl-NL")
    context.add_init_script(_REPORT_CSP_VIOLATIONS)
    violations: list[str] = []
    page = context.new_page()
    page.on(
        "console", lambda message: violations.append(f"{page.url}: {message.text}") if _csp_violation(message) else None
    )
    yield page
    context.close()
    assert not violations, "Content-Security-Policy violations:\n" + "\n".join(violations)


DEMO_PASSWORD = "servicepunt-demo-2026"  # noqa: S105 - the public demo password of accounts.demo


def login(page: Page, base_url: str, username: str = "medewerker", *, check_axe: bool = True) -> None:
    """Log in through the login page as a demo account, and through the second step with a code
    from the account's (new) authenticator app where the role needs one; the login page itself
    must pass axe (axe needs JavaScript, so a test without it passes check_axe=False)."""
    device = totp_device(get_user_model().objects.get(username=username))
    page.goto(f"{base_url}/accounts/inloggen/")
    if check_axe:
        assert_accessible(page)
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "/accounts/inloggen/" not in url)
    if "/accounts/tweede-stap/" in page.url:
        page.get_by_label("Code", exact=True).fill(totp_code(device))
        page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()


def assert_accessible(page: Page) -> None:
    """No WCAG 2.2 A/AA violations on the page as it is now."""
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_AA_TAGS}})
    assert results.violations_count == 0, results.generate_report()

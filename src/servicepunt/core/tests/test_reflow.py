"""WCAG 1.4.10 reflow: at 320 CSS pixels wide no page needs horizontal scrolling."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from servicepunt.core.testing.browser import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
NARROW = 320


def test_pages_fit_a_narrow_screen(browser: Browser, loaded_live_server: object) -> None:
    page = browser.new_context(locale="nl-NL", viewport={"width": NARROW, "height": 800}).new_page()
    base_url = str(loaded_live_server)
    login(page, base_url, check_axe=False)
    for path in ("/", "/werkvoorraad/", "/inwoners/nieuw/", "/catalogus/", "/triage/", "/infoflits/"):
        page.goto(base_url + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= NARROW, path
    page.context.close()

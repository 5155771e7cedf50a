"""A Servicepunt employee logs in, asks where to start, opens a product; axe passes throughout."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from servicepunt.core.testing.browser import assert_accessible, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_employee_finds_where_to_start_for_rent_problems(page: Page, loaded_live_server: object) -> None:
    base_url = str(loaded_live_server)
    login(page, base_url)
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Waar moet ik beginnen?").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Waar moet ik beginnen?")
    assert_accessible(page)

    page.get_by_label("Wat vertelt de inwoner?").fill("ik kan de huur niet betalen")
    results = page.get_by_role("region", name="Resultaten")
    expect(results.get_by_role("link").first).to_be_visible()
    relevant = results.get_by_role("link", name=re.compile("Huurtoeslag|Schuldhulpverlening"))
    expect(relevant.first).to_be_visible()
    assert_accessible(page)

    relevant.first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Huurtoeslag|Schuldhulpverlening"))
    expect(page.get_by_role("heading", name="Wat neemt u mee")).to_be_visible()
    assert_accessible(page)


def test_search_works_without_javascript_and_by_keyboard(browser: object, loaded_live_server: object) -> None:
    base_url = str(loaded_live_server)
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")  # type: ignore[attr-defined]
    page = context.new_page()
    login(page, base_url, check_axe=False)
    page.goto(f"{base_url}/triage/")
    page.get_by_label("Wat vertelt de inwoner?").fill("brief van de deurwaarder")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_role("region", name="Resultaten").get_by_role("link").first).to_be_visible()
    context.close()


def test_catalogue_pages_pass_axe(page: Page, loaded_live_server: object) -> None:
    base_url = str(loaded_live_server)
    login(page, base_url)
    for path in (
        "/catalogus/",
        "/catalogus/?domain=geld",
        "/catalogus/organisaties/",
        "/catalogus/organisaties/toeslagen/",
        "/catalogus/producten/veilig-thuis/",
    ):
        page.goto(base_url + path)
        assert_accessible(page)
    page.get_by_role("button", name="Uitloggen").click()
    login(page, base_url, "privacy")
    page.goto(base_url + "/privacy/toegangslog/")
    assert_accessible(page)
    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("navigation", name="Main menu").get_by_role("link", name="Social map")).to_be_visible()
    assert_accessible(page)

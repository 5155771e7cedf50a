"""In the browser: resident search by keyboard posts the criteria (the address stays /inwoners/),
the wijkbureau's registration page says to contact the Servicepunt, the case page offers a new
resident link; axe passes on each."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from servicepunt.core.testing.browser import assert_accessible, login
from servicepunt.counter.tests.test_browser_flow import register_walk_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_search_posts_its_criteria_and_works_by_keyboard(page: Page, loaded_live_server: object) -> None:
    base_url = str(loaded_live_server)
    login(page, base_url)
    register_walk_in(page, base_url)
    expect(page.locator("#resident-link summary")).to_have_text("Nieuwe link voor de inwoner")
    assert_accessible(page)
    page.goto(f"{base_url}/inwoners/")
    page.get_by_label("Naam").fill("Samira Bakri")
    page.get_by_label("Telefoon").fill("06 12 34 56 78")
    page.get_by_label("Telefoon").press("Enter")  # the keyboard submits the form
    expect(page.get_by_role("heading", name="1 inwoner gevonden")).to_be_visible()
    assert page.url == f"{base_url}/inwoners/"  # no name or phone number in the address
    expect(page.get_by_role("link", name="Samira Bakri")).to_be_visible()
    assert_accessible(page)


def test_the_wijkbureau_registration_page_says_to_contact_the_servicepunt(
    page: Page, loaded_live_server: object
) -> None:
    base_url = str(loaded_live_server)
    login(page, base_url, "wijkbureau")
    page.goto(f"{base_url}/inwoners/nieuw/")
    expect(page.locator("#duplicate-advice")).to_contain_text("Neem contact op met het Servicepunt")
    assert_accessible(page)

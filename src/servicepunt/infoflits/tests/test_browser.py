"""A single parent with rent arrears asks only about debts; the infoflits shows huurtoeslag and
kindgebonden budget; the employee accepts them; after a reload they are kept. Axe throughout."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from servicepunt.core.testing.browser import assert_accessible, login
from servicepunt.infoflits.tests.flows import accept_suggestions, answer_single_parent_with_rent_arrears

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_single_parent_with_rent_arrears_gets_extra_products(page: Page, loaded_live_server: object) -> None:
    base_url = str(loaded_live_server)
    login(page, base_url)
    page.goto(f"{base_url}/infoflits/")
    assert_accessible(page)
    page.get_by_label("Waarvoor komt de inwoner?").fill("Ik heb schulden en een brief van de deurwaarder")
    page.locator("summary", has_text="Om welke producten vraagt de inwoner?").click()
    page.get_by_label("Schuldhulpverlening").check()
    page.get_by_role("button", name="Start de infoflits").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Infoflits")
    assert_accessible(page)

    answer_single_parent_with_rent_arrears(page, age="29", children="5", income="1450", rent="680")
    accept_suggestions(page, ("Huurtoeslag", "Kindgebonden budget"))
    assert_accessible(page)

    page.reload()
    for name in ("Huurtoeslag", "Kindgebonden budget"):
        item = page.locator("#suggestions li", has=page.get_by_role("link", name=name, exact=True))
        expect(item.get_by_role("button", name="Geaccepteerd")).to_have_attribute("aria-pressed", "true")
    assert_accessible(page)
    page.get_by_role("link", name="eerdere versies").click()
    expect(page.get_by_role("cell", name="5", exact=True)).to_be_visible()
    assert_accessible(page)

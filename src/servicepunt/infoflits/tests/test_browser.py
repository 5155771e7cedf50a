"""A single parent with rent arrears asks only about debts; the infoflits shows huurtoeslag and
kindgebonden budget; the employee accepts them; after a reload they are kept. Axe throughout."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from servicepunt.core.testing.browser import assert_accessible, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def save_step(page: Page, title: str) -> None:
    step = page.locator("details", has=page.get_by_text(title, exact=True))
    step.get_by_role("button", name="Opslaan en verder").click()
    expect(step.locator("summary")).to_contain_text(re.compile(r"\d+ antwoord"))


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

    household = page.locator("#stap-huishouden")
    household.get_by_label("Hoe oud bent u?").fill("29")
    household.get_by_role("group", name="Woont u samen met een partner?").get_by_label("Nee").check()
    household.get_by_label("Wonen er kinderen bij u? Hoe oud zijn ze?").fill("5")
    save_step(page, "Huishouden")

    page.locator("#stap-geld summary").click()
    money = page.locator("#stap-geld")
    money.get_by_label("Werk in loondienst").check()
    money.get_by_label("Hoeveel geld komt er per maand binnen, samen met uw partner (netto)?").fill("1450")
    money.get_by_label("Hoeveel spaargeld heeft u samen?").fill("0")
    save_step(page, "Geld en schulden")

    page.locator("#stap-wonen summary").click()
    housing = page.locator("#stap-wonen")
    housing.get_by_label("Huurhuis van een woningcorporatie").check()
    save_step(page, "Wonen")
    housing.get_by_label("Hoeveel huur betaalt u per maand (met servicekosten)?").fill("680")
    housing.get_by_role("group", name="Heeft u een huurachterstand?").get_by_label("Ja").check()
    save_step(page, "Wonen")

    suggestions = page.locator("#suggestions")
    for name in ("Huurtoeslag", "Kindgebonden budget"):
        item = suggestions.locator("li", has=page.get_by_role("link", name=name, exact=True))
        expect(item).to_be_visible()
        item.get_by_role("button", name="Geaccepteerd").click()
        expect(
            suggestions.locator("li", has=page.get_by_role("link", name=name, exact=True)).get_by_role(
                "button", name="Geaccepteerd"
            )
        ).to_have_attribute("aria-pressed", "true")
    assert_accessible(page)

    page.reload()
    for name in ("Huurtoeslag", "Kindgebonden budget"):
        item = page.locator("#suggestions li", has=page.get_by_role("link", name=name, exact=True))
        expect(item.get_by_role("button", name="Geaccepteerd")).to_have_attribute("aria-pressed", "true")
    assert_accessible(page)
    page.get_by_role("link", name="eerdere versies").click()
    expect(page.get_by_role("cell", name="5", exact=True)).to_be_visible()
    assert_accessible(page)

"""Browser steps shared by the infoflits and counter browser tests: a single parent (two
children) in social rent with arrears and a low income from work."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect


def save_step(page: Page, title: str) -> None:
    step = page.locator("details", has=page.get_by_text(title, exact=True))
    step.get_by_role("button", name="Opslaan en verder").click()
    expect(step.locator("summary")).to_contain_text(re.compile(r"\d+ antwoord"))


def answer_single_parent_with_rent_arrears(page: Page, *, age: str, children: str, income: str, rent: str) -> None:
    household = page.locator("#stap-huishouden")
    household.get_by_label("Hoe oud bent u?").fill(age)
    household.get_by_role("group", name="Woont u samen met een partner?").get_by_label("Nee").check()
    household.get_by_label("Wonen er kinderen bij u? Hoe oud zijn ze?").fill(children)
    save_step(page, "Huishouden")
    page.locator("#stap-geld summary").click()
    money = page.locator("#stap-geld")
    money.get_by_label("Werk in loondienst").check()
    money.get_by_label("Hoeveel geld komt er per maand binnen, samen met uw partner (netto)?").fill(income)
    money.get_by_label("Hoeveel spaargeld heeft u samen?").fill("0")
    save_step(page, "Geld en schulden")
    page.locator("#stap-wonen summary").click()
    housing = page.locator("#stap-wonen")
    housing.get_by_label("Huurhuis van een woningcorporatie").check()
    save_step(page, "Wonen")
    housing.get_by_label("Hoeveel huur betaalt u per maand (met servicekosten)?").fill(rent)
    housing.get_by_role("group", name="Heeft u een huurachterstand?").get_by_label("Ja").check()
    save_step(page, "Wonen")


def accept_suggestions(page: Page, names: tuple[str, ...]) -> None:
    suggestions = page.locator("#suggestions")
    for name in names:
        item = suggestions.locator("li", has=page.get_by_role("link", name=name, exact=True))
        expect(item).to_be_visible()
        item.get_by_role("button", name="Geaccepteerd").click()
        expect(
            suggestions.locator("li", has=page.get_by_role("link", name=name, exact=True)).get_by_role(
                "button", name="Geaccepteerd"
            )
        ).to_have_attribute("aria-pressed", "true")

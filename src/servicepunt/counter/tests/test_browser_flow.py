"""The whole warm-handover flow in a browser: a walk-in resident asks about debts; the employee
registers them, runs the infoflits, accepts two extra products, hands the questions over with
consent, is refused when closing too early, the partner accepts in its own view, the employee
records the remaining outcomes and closes. Axe passes on every page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from servicepunt.core.testing.browser import assert_accessible, login
from servicepunt.infoflits.tests.flows import accept_suggestions, answer_single_parent_with_rent_arrears

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
DEBTS = "Ik heb schulden en een brief van de deurwaarder"


def register_walk_in(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/werkvoorraad/")
    assert_accessible(page)
    page.get_by_role("link", name="Nieuwe inwoner registreren").click()
    assert_accessible(page)
    page.get_by_label("Voornaam").fill("Samira")
    page.get_by_label("Achternaam").fill("Bakri")
    page.get_by_label("Telefoon").fill("06 12 34 56 78")
    page.get_by_label("Waarvoor komt de inwoner?").fill(DEBTS)
    page.get_by_role("button", name="Registreren en vraagstuk openen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vraagstuk van Samira Bakri")
    assert_accessible(page)


def run_infoflits(page: Page) -> None:
    page.get_by_role("button", name="Start infoflits").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Infoflits")
    answer_single_parent_with_rent_arrears(page, age="31", children="4, 7", income="1400", rent="690")
    accept_suggestions(page, ("Huurtoeslag", "Kindgebonden budget"))
    assert_accessible(page)
    page.get_by_role("link", name="Terug naar het vraagstuk").click()


def hand_over(page: Page, question: str, entry_point: str) -> None:
    article = page.locator("article", has=page.get_by_role("heading", name=question))
    article.locator("summary", has_text="Warme overdracht").click()
    article.get_by_label("Naar welk loket?").select_option(label=entry_point)
    article.get_by_label("Mondeling aan de balie").check()
    article.get_by_role("button", name="Toestemming vastleggen en overdragen").click()
    expect(page.get_by_text("Toestemming vastgelegd en overdracht verstuurd.")).to_be_visible()


def test_walk_in_resident_is_released_only_when_every_question_is_arranged(
    page: Page, browser: Browser, loaded_live_server: object
) -> None:
    base_url = str(loaded_live_server)
    login(page, base_url)
    register_walk_in(page, base_url)
    run_infoflits(page)

    extra = page.locator("#accepted-extra")
    for name in ("Huurtoeslag", "Kindgebonden budget"):
        extra.get_by_role("button", name=re.compile(rf"Als vraag toevoegen\s*: {name}")).click()
        expect(page.get_by_text("Extra product toegevoegd als vraag.")).to_be_visible()
    assert_accessible(page)

    hand_over(page, DEBTS, "Het Juridisch Loket — Juridisch Loket, gratis telefoon")
    page.get_by_role("button", name="Vraagstuk afsluiten").click()
    refusal = page.locator("#case-error")
    expect(refusal).to_contain_text("Nog open")
    expect(refusal).to_contain_text(DEBTS)
    expect(refusal).to_contain_text("Extra aangeboden: Huurtoeslag")
    assert_accessible(page)

    partner = browser.new_context(locale="nl-NL").new_page()
    login(partner, base_url, "partner")
    partner.get_by_role("link", name="Overdrachten").click()
    expect(partner.locator("#new-count")).to_contain_text("1 nieuwe overdracht")
    assert_accessible(partner)
    partner.get_by_role("link", name=re.compile(r"\d{4}")).first.click()
    expect(partner.get_by_text("Ik heb schulden en een brief van de deurwaarder").first).to_be_visible()
    assert_accessible(partner)
    partner.get_by_role("button", name="Accepteren").click()
    expect(partner.get_by_text("Geaccepteerd. Uw organisatie maakt de afspraak met de inwoner.")).to_be_visible()
    assert_accessible(partner)
    partner.context.close()

    page.reload()
    for name in ("Extra aangeboden: Huurtoeslag", "Extra aangeboden: Kindgebonden budget"):
        article = page.locator("article", has=page.get_by_role("heading", name=name))
        article.get_by_role("button", name="Direct beantwoord").click()
        expect(page.get_by_text("Vraag afgehandeld.")).to_be_visible()
    page.get_by_role("button", name="Vraagstuk afsluiten").click()
    expect(page.locator("#case-status")).to_have_text("Afgesloten")
    assert_accessible(page)

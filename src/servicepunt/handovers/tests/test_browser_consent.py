"""In a browser: the employee hands a question over with consent for only the name and the phone
number (the chosen consent method visibly checked); the partner's page then shows the phone but
neither the infoflits answers nor the e-mail address. Axe passes on both pages."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from servicepunt.core.testing.browser import assert_accessible, login
from servicepunt.infoflits.tests.flows import answer_single_parent_with_rent_arrears

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
QUESTION = "Ik heb schulden en een brief van de deurwaarder"
EMAIL = "samira.bakri@example.org"
ENTRY_POINT = "Het Juridisch Loket — Juridisch Loket, gratis telefoon"


def _radio_look(page: Page, selector: str) -> str:
    return str(page.eval_on_selector(selector, "element => getComputedStyle(element).backgroundImage"))


def test_consent_for_only_the_name_and_phone_hides_the_infoflits_and_the_email(
    page: Page, browser: Browser, loaded_live_server: object
) -> None:
    base_url = str(loaded_live_server)
    login(page, base_url)
    page.goto(f"{base_url}/inwoners/nieuw/")
    page.get_by_label("Voornaam").fill("Samira")
    page.get_by_label("Achternaam").fill("Bakri")
    page.get_by_label("Telefoon").fill("06 12 34 56 78")
    page.get_by_label("E-mail").fill(EMAIL)
    page.get_by_label("Waarvoor komt de inwoner?").fill(QUESTION)
    page.get_by_role("button", name="Registreren en vraagstuk openen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vraagstuk van Samira Bakri")
    page.get_by_role("button", name="Start infoflits").click()
    answer_single_parent_with_rent_arrears(page, age="31", children="4, 7", income="1400", rent="690")
    page.get_by_role("link", name="Terug naar het vraagstuk").click()

    article = page.locator("article", has=page.get_by_role("heading", name=QUESTION))
    article.locator("summary", has_text="Warme overdracht").click()
    article.get_by_label("Naar welk loket?").select_option(label=ENTRY_POINT)
    form = article.locator("form", has=page.get_by_role("button", name="Toestemming vastleggen en overdragen"))
    expect(form.get_by_label("Naam (altijd)")).to_be_checked()
    expect(form.get_by_label("De vraag, in de woorden van de inwoner")).to_be_checked()
    expect(form.get_by_label("E-mailadres")).not_to_be_checked()
    expect(form.get_by_label("Antwoorden uit de infoflits over: Geld en schulden")).not_to_be_checked()
    for method in ("Mondeling aan de balie", "Ondertekend", "Door een vertegenwoordiger", "Via videobellen"):
        expect(form.get_by_label(method)).not_to_be_checked()  # nothing chosen for the employee
    form.get_by_label("De vraag, in de woorden van de inwoner").uncheck()
    form.get_by_label("Telefoonnummer").check()
    signed = form.get_by_label("Ondertekend")
    signed.check()
    expect(signed).to_be_checked()
    signed_id, verbal_id = signed.get_attribute("id"), form.get_by_label("Mondeling aan de balie").get_attribute("id")
    # The chosen radio looks chosen: its dot is drawn, the other's is not.
    assert _radio_look(page, f"#{signed_id}") != _radio_look(page, f"#{verbal_id}")
    assert_accessible(page)
    form.get_by_role("button", name="Toestemming vastleggen en overdragen").click()
    expect(page.get_by_text("Toestemming vastgelegd en overdracht verstuurd.")).to_be_visible()
    expect(page.locator("#consents")).to_contain_text("Het Juridisch Loket: Naam, Telefoonnummer")

    partner = browser.new_context(locale="nl-NL").new_page()
    login(partner, base_url, "partner")
    partner.get_by_role("link", name="Overdrachten").click()
    expect(partner.get_by_text("Samira Bakri")).to_be_visible()
    assert_accessible(partner)
    partner.get_by_role("link", name=re.compile(r"\d{4}")).first.click()
    expect(partner.get_by_role("heading", level=1)).to_have_text("Overdracht: Samira Bakri")
    expect(partner.locator("#shared-contact")).to_contain_text("+31612345678")
    body = partner.locator("main")
    expect(body).not_to_contain_text(EMAIL)
    expect(body).not_to_contain_text("Uit de infoflits")
    expect(body).not_to_contain_text("Heeft u een huurachterstand?")
    expect(body).not_to_contain_text("Hoeveel spaargeld heeft u samen?")
    expect(body).not_to_contain_text(QUESTION)
    expect(partner.locator("#consent-categories")).to_have_text(re.compile(r"Naam\s*Telefoonnummer"))
    assert_accessible(partner)
    partner.context.close()

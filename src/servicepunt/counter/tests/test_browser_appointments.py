"""A combination appointment gemeente + DUO in the browser: booked from an open case, the case
closes, the resident's page shows both appointments and cancels the DUO one, and the case
reopens that question. Axe passes on every page."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import Browser, Page, expect

from servicepunt.accounts.testing import user_rows
from servicepunt.appointments.resident.links import resident_path, resident_token
from servicepunt.appointments.testing import arrangement_rows
from servicepunt.cases.closing import Resolution
from servicepunt.cases.testing import case_for_resident, question_rows
from servicepunt.catalogue.testing import product
from servicepunt.core.testing.browser import assert_accessible, login

if TYPE_CHECKING:
    from servicepunt.cases.models import Case

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
INCOME = "Mijn uitkering is gestopt en ik heb geen geld"
STUDY = "Ik wil weer naar school maar weet niet hoe ik dat betaal"


def open_case() -> Case:
    employee = user_rows().get(username="medewerker")
    return case_for_resident(
        employee,
        INCOME,
        STUDY,
        products=[product("bijstand"), product("studiefinanciering")],
        given_name="Yara",
        phone="",
        email="yara@example.org",
        contact_preference="email",
    )


def test_combination_appointment_then_resident_cancels_one(
    page: Page, browser: Browser, loaded_live_server: object, demo_agendas: None
) -> None:
    base_url = str(loaded_live_server)
    case = open_case()
    login(page, base_url)
    page.goto(f"{base_url}/vraagstukken/{case.uuid}/")
    assert_accessible(page)
    page.get_by_role("link", name="Combinatieafspraak maken (twee of meer organisaties)").click()
    page.get_by_label(re.compile("^Bijstandsuitkering")).check()
    page.get_by_label(re.compile("^Studiefinanciering")).check()
    page.get_by_label("Samen tegelijk").check()
    page.get_by_label("Hoe", exact=True).select_option("video")
    page.get_by_role("button", name="Zoek mogelijkheden").click()
    assert_accessible(page)
    page.get_by_role("button", name=re.compile("^Boek deze combinatie")).first.click()
    expect(page.get_by_text("Combinatieafspraak gemaakt.")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Vraagstuk afsluiten").click()
    expect(page.locator("#case-status")).to_have_text("Afgesloten")

    arrangement = arrangement_rows().get()
    resident = browser.new_context(locale="nl-NL").new_page()
    resident.goto(base_url + resident_path(resident_token(arrangement=arrangement)))
    expect(resident.get_by_role("heading", level=1)).to_have_text("Uw afspraken")
    expect(resident.get_by_role("heading", level=2, name="Bijstandsuitkering")).to_be_visible()
    expect(resident.get_by_role("heading", level=2, name="Studiefinanciering")).to_be_visible()
    assert_accessible(resident)
    resident.get_by_role("link", name="Afspraak Studiefinanciering annuleren").click()
    assert_accessible(resident)
    resident.get_by_role("button", name="Ja, annuleer deze afspraak").click()
    expect(resident.get_by_role("heading", level=2, name="Studiefinanciering")).not_to_be_visible()
    assert_accessible(resident)
    resident.context.close()

    page.reload()
    expect(page.locator("#case-status")).not_to_have_text("Afgesloten")
    study = question_rows().get(case=case, product__code="studiefinanciering")
    income = question_rows().get(case=case, product__code="bijstand")
    assert (study.resolution, income.resolution) == (Resolution.OPEN, Resolution.BOOKED)
    expect(page.locator("article", has=page.get_by_role("heading", name=STUDY))).to_contain_text("geannuleerd")
    assert_accessible(page)

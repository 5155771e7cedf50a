"""The privacy officer's pages pass axe and work by keyboard: search a resident, open their
access log, see why erasure is refused; the retention dry run."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Page, expect

from servicepunt.cases.testing import case_for_resident
from servicepunt.core.testing.browser import assert_accessible, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_privacy_officer_by_keyboard(page: Page, loaded_live_server: object) -> None:
    base_url = str(loaded_live_server)
    case_for_resident(get_user_model().objects.get(username="medewerker"), given_name="Noor", surname="Hendriks")
    login(page, base_url, "privacy")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Privacy per inwoner").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Privacy per inwoner")
    assert_accessible(page)
    page.get_by_label("Naam").focus()
    page.keyboard.type("Hendriks")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=2)).to_have_text("1 inwoner gevonden")
    assert "Hendriks" not in page.url
    assert_accessible(page)
    page.get_by_role("link", name="Noor Hendriks").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Privacy: Noor Hendriks")
    expect(page.get_by_text("Er loopt nog een vraagstuk")).to_be_visible()
    expect(page.get_by_role("link", name="Toegangslog als CSV")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Bewaartermijnen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bewaartermijnen")
    assert_accessible(page)


def test_erasure_with_confirmation_by_keyboard(page: Page, loaded_live_server: object) -> None:
    from servicepunt.cases.services import ResidentInput, resident_register

    base_url = str(loaded_live_server)
    employee = get_user_model().objects.get(username="medewerker")
    data = ResidentInput(given_name="Lin", surname="Wu", phone="0655555555")
    resident = resident_register(registered_by=employee, data=data).resident
    login(page, base_url, "privacy")
    page.goto(f"{base_url}/privacy/inwoners/{resident.uuid}/")
    button = page.get_by_role("button", name="Gegevens wissen")
    button.focus()
    page.keyboard.press("Enter")  # without the confirmation: refused, the field named
    expect(page.get_by_text("Vink aan dat u dit heeft gecontroleerd.")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Ik heb gecontroleerd").focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Gegevens wissen").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("De gegevens van de inwoner zijn gewist.")).to_be_visible()
    assert_accessible(page)

"""A single parent with rent arrears asks only about debts; the infoflits shows huurtoeslag and
kindgebonden budget; the employee accepts them; after a reload they are kept. Axe throughout."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from playwright.sync_api import APIResponse, Locator, Page, Route, expect

from servicepunt.core.testing.browser import assert_accessible, login
from servicepunt.infoflits.tests.flows import accept_suggestions, answer_single_parent_with_rent_arrears

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Grey level (0 black, 255 white) under which a pixel counts as ink rather than background.
LIGHT_PIXEL = 160


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


def _huurtoeslag_not_yet_decided(page: Page, base_url: str) -> Locator:
    """An infoflits that suggests huurtoeslag; its accept button, not yet pressed."""
    login(page, base_url, check_axe=False)
    page.goto(f"{base_url}/infoflits/")
    page.get_by_label("Waarvoor komt de inwoner?").fill("Ik kan de huur niet betalen")
    page.get_by_role("button", name="Start de infoflits").click()
    answer_single_parent_with_rent_arrears(page, age="29", children="5", income="1450", rent="680")
    accept = (
        page.locator("#suggestions")
        .locator("li", has=page.get_by_role("link", name="Huurtoeslag", exact=True))
        .get_by_role("button", name="Geaccepteerd")
    )
    expect(accept).to_have_attribute("aria-pressed", "false")
    return accept


def test_a_decision_made_while_a_step_is_saving_is_not_undone(page: Page, loaded_live_server: object) -> None:
    """The race a newcomer's test run once hit: a step save answered by the server before a
    decision, but arriving in the browser after it, carries the suggestions as they were and must
    not undo the decision. The step save's answer is held back on purpose, so the order is the
    bad one every time."""
    accept = _huurtoeslag_not_yet_decided(page, str(loaded_live_server))

    held: list[tuple[Route, APIResponse]] = []
    page.route("**/stap/**", lambda route: held.append((route, route.fetch())))  # answered, not delivered
    page.locator("#stap-wonen").get_by_label("Hoeveel huur betaalt u per maand (met servicekosten)?").fill("690")
    page.locator("#stap-wonen").get_by_role("button", name="Opslaan en verder").click()
    page.wait_for_function("() => document.querySelector('#stap-wonen form').classList.contains('htmx-request')")
    page.wait_for_timeout(500)  # the server has answered the step save by now
    accept.click()
    expect(accept).to_have_attribute("aria-pressed", "true")
    for route, response in held:
        route.fulfill(response=response)  # the stale panel arrives last
    page.unroute("**/stap/**")
    expect(page.locator("#stap-wonen summary")).to_contain_text("antwoord")
    page.wait_for_timeout(500)
    expect(accept).to_have_attribute("aria-pressed", "true")


def test_a_decision_answered_after_a_step_save_replaced_the_panel_is_shown(
    page: Page, loaded_live_server: object
) -> None:
    """The other order: the decision leaves first, a step save replaces the panel, and only then
    does the decision reach the server and answer. Its answer must land in the panel on the page
    (not in the one that was replaced), or the employee sees the click undone."""
    accept = _huurtoeslag_not_yet_decided(page, str(loaded_live_server))
    suggestions = page.locator("#suggestions")
    state_before = suggestions.get_attribute("data-state")

    held: list[Route] = []
    page.route("**/besluit/**", lambda route: held.append(route))  # held before it reaches the server
    accept.click()
    while not held:
        page.wait_for_timeout(50)
    page.locator("#stap-wonen").get_by_label("Hoeveel huur betaalt u per maand (met servicekosten)?").fill("690")
    page.locator("#stap-wonen").get_by_role("button", name="Opslaan en verder").click()
    expect(suggestions).not_to_have_attribute("data-state", state_before or "")  # the step save replaced it
    held[0].continue_()
    page.unroute("**/besluit/**")
    expect(accept).to_have_attribute("aria-pressed", "true")


def _centre_is_filled(radio: Locator) -> bool:
    """Whether the centre of the radio button as drawn on screen is dark: a filled dot, not white."""
    image = Image.open(io.BytesIO(radio.screenshot())).convert("L")
    width, height = image.size
    return bool(image.getpixel((width // 2, height // 2)) < LIGHT_PIXEL)


def test_the_chosen_answer_is_drawn_as_a_filled_dot(page: Page, loaded_live_server: object) -> None:
    """The state is checked on the pixels, not on the DOM: a checked radio that looks empty is the bug."""
    base_url = str(loaded_live_server)
    login(page, base_url, check_axe=False)
    page.goto(f"{base_url}/infoflits/")
    page.get_by_label("Waarvoor komt de inwoner?").fill("Ik kan de huur niet betalen")
    page.get_by_role("button", name="Start de infoflits").click()
    yes = page.locator('input[type="radio"][value="true"]').first
    unknown = page.locator('input[type="radio"][value=""]').first
    expect(unknown).to_be_checked()
    assert _centre_is_filled(unknown)
    assert not _centre_is_filled(yes)

    unknown.focus()
    page.keyboard.press("ArrowUp")  # by keyboard, as at the desk: from "Weet niet" back to "Ja"
    page.keyboard.press("ArrowUp")
    expect(yes).to_be_checked()
    page.mouse.move(0, 0)
    assert _centre_is_filled(yes)
    assert not _centre_is_filled(unknown)

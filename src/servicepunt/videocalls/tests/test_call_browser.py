"""A real video call in two browsers through the local Janus: the wijkbureau host asks for a
call from a resident's case page, the Servicepunt employee sees it on the live queue board
without a reload, picks it up, and both sides receive the other's media (fake camera and
microphone; getStats inbound-rtp bytesReceived > 0). The employee invites a third party (DUO)
with a one-off link; a third browser opens it and receives media too, and the wijkbureau's
screen shows who joined. The employee ends the call with an outcome (the guest's page says it is
over) and the contact moment is on the case. Axe passes on every page."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Browser, BrowserContext, Page, expect

from servicepunt.cases.services import ResidentInput, resident_register_with_case
from servicepunt.core.testing.browser import CHROMIUM, CHROMIUM_ARGS, assert_accessible, login
from servicepunt.videocalls.janus import JanusConfig

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MEDIA_ARGS = ["--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream"]

# The bytes this page's subscriber connections received over RTP (audio and video).
RECEIVED = """async () => {
  let total = 0;
  for (const pc of window.spVideoCall.subscriberConnections()) {
    const stats = await pc.getStats();
    stats.forEach((report) => { if (report.type === "inbound-rtp") total += report.bytesReceived || 0; });
  }
  return total;
}"""


@pytest.fixture(scope="module")
def media_browser(browser: Browser) -> Iterator[Browser]:
    """A second chromium of the same Playwright, with a fake camera and microphone it may use."""
    chromium = browser.browser_type.launch(executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, *MEDIA_ARGS])
    yield chromium
    chromium.close()


@pytest.fixture
def two_contexts(media_browser: Browser) -> Iterator[tuple[BrowserContext, BrowserContext]]:
    host = media_browser.new_context(locale="nl-NL")
    employee = media_browser.new_context(locale="nl-NL")
    yield host, employee
    host.close()
    employee.close()


@pytest.fixture
def guest_context(media_browser: Browser) -> Iterator[BrowserContext]:
    """The third party's own browser (no login)."""
    guest = media_browser.new_context(locale="nl-NL")
    yield guest
    guest.close()


def _receives_media(page: Page) -> None:
    page.wait_for_function("() => window.spVideoCall && window.spVideoCall.subscriberConnections().length > 0")
    for _ in range(60):
        if page.evaluate(RECEIVED) > 0:
            return
        page.wait_for_timeout(500)
    raise AssertionError("no media received within 30 s")


def test_host_to_employee_call_through_janus(
    janus: JanusConfig,
    loaded_live_server: object,
    two_contexts: tuple[BrowserContext, BrowserContext],
    guest_context: BrowserContext,
) -> None:
    base_url = str(loaded_live_server)
    host_context, employee_context = two_contexts
    host, employee = host_context.new_page(), employee_context.new_page()

    login(employee, base_url, "medewerker", check_axe=False)
    employee.goto(f"{base_url}/video/wachtrij/")
    expect(employee.get_by_text("Er wacht nu niemand.")).to_be_visible()
    assert_accessible(employee)

    wijkbureau = get_user_model().objects.get(username="wijkbureau")
    registration = resident_register_with_case(
        registered_by=wijkbureau,  # type: ignore[arg-type]
        data=ResidentInput(given_name="Noor", surname="Testpersoon", contact_preference="none"),
        question="Brief van Toeslagen",
    )
    login(host, base_url, "wijkbureau")
    host.goto(f"{base_url}/vraagstukken/{registration.case.uuid}/")
    host.get_by_role("link", name="Videobellen met het Servicepunt").click()
    expect(host.get_by_text("Het videogesprek komt bij het vraagstuk van Noor Testpersoon.")).to_be_visible()
    assert_accessible(host)
    host.get_by_label("Waar gaat de vraag over?").fill("Brief van Toeslagen over terugbetalen")
    host.get_by_label("Taal van de inwoner").select_option("ar")
    host.get_by_label("Er is een tolk nodig").check()
    host.get_by_role("button", name="Videogesprek aanvragen").click()
    expect(host.get_by_text("U bent nummer 1 in de wachtrij.")).to_be_visible()
    assert_accessible(host)

    # The board shows the call without a reload (htmx polls every 2 s).
    row = employee.get_by_role("row", name="Brief van Toeslagen")
    expect(row).to_be_visible(timeout=5000)
    expect(row).to_contain_text("Arabisch — tolk nodig")
    assert_accessible(employee)
    row.get_by_role("button", name="Oppakken").click()
    expect(employee.get_by_role("heading", name="Videogesprek", exact=True)).to_be_visible()

    # Both sides join the room and each receives the other's media.
    expect(host.get_by_text("Een medewerker van het Servicepunt is er.")).to_be_visible(timeout=5000)
    _receives_media(employee)
    _receives_media(host)
    expect(host.locator("#sp-call-participants")).to_contain_text("Servicepunt", timeout=5000)
    assert_accessible(employee)
    assert_accessible(host)

    # A third party: the employee invites DUO without leaving the call (htmx), gets the link once.
    guests = employee.locator("#sp-guests")
    guests.get_by_label("Medewerker van een partner").check()
    guests.get_by_label("Naam of organisatie").fill("DUO, mevrouw Jansen")
    guests.get_by_role("button", name="Link maken").click()
    expect(employee.get_by_text("De link werkt één keer (in één browser)")).to_be_visible()
    link = employee.get_by_label("Link voor de gast").input_value()
    assert "/video/gast/" in link
    assert employee.evaluate("window.spVideoCall.subscriberConnections().length") == 1  # still in the call
    assert_accessible(employee)

    guest = guest_context.new_page()
    guest.goto(base_url + "/video/gast/" + link.split("/video/gast/", 1)[1])
    expect(guest.get_by_text("U bent uitgenodigd als DUO, mevrouw Jansen")).to_be_visible()
    _receives_media(guest)
    expect(guest.locator("#sp-call-participants")).to_contain_text("Servicepunt", timeout=5000)
    assert_accessible(guest)
    # One-off: a second browser with the same link is refused kindly.
    forwarded = guest_context.browser.new_context(locale="nl-NL")  # type: ignore[union-attr]
    second = forwarded.new_page()
    second.goto(guest.url)
    expect(second.get_by_role("heading", name="Deze link is al gebruikt")).to_be_visible()
    assert_accessible(second)
    forwarded.close()
    # The resident sees who joined: on the wijkbureau's screen, in its status and in the room.
    expect(host.locator("#sp-call-guests")).to_contain_text("DUO, mevrouw Jansen", timeout=5000)
    expect(host.locator("#sp-call-participants")).to_contain_text("DUO, mevrouw Jansen", timeout=5000)
    expect(employee.locator("#sp-call-participants")).to_contain_text("DUO, mevrouw Jansen", timeout=5000)
    assert_accessible(host)

    employee.get_by_label("Uitkomst van het gesprek").fill("Uitgelegd, afspraak bij Toeslagen gemaakt")
    employee.get_by_role("button", name="Gesprek afronden").click()
    expect(employee.get_by_text("Het videogesprek is afgerond.")).to_be_visible()
    expect(host.get_by_text("Het gesprek is afgelopen. Bedankt!")).to_be_visible(timeout=5000)
    expect(guest.get_by_text("Het gesprek is afgelopen. U kunt dit venster sluiten.")).to_be_visible(timeout=5000)
    guest.reload()
    expect(guest.get_by_role("heading", name="Het gesprek is afgelopen")).to_be_visible()
    assert_accessible(guest)

    # The contact moment is on the case: channel video from the wijkbureau, with interpreter.
    employee.goto(f"{base_url}/vraagstukken/{registration.case.uuid}/")
    moments = employee.locator("li", has_text="Uitgelegd, afspraak bij Toeslagen gemaakt").filter(has_text="· Video")
    expect(moments).to_contain_text("Videobellen vanuit wijkbureau")
    expect(moments).to_contain_text("met tolk")

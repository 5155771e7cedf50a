"""The resident's page in a browser: the link from the confirmation shows both parts of a
combination (gemeente + DUO), the resident cancels the DUO part after the confirmation step, and
that question of the case is open again; a single appointment is moved to another free time; a
broken link is explained. Axe (WCAG 2.2 AA) passes on every page."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import override_settings
from playwright.sync_api import Page, expect

from servicepunt.accounts.testing import user_rows
from servicepunt.appointments.choices import AppointmentStatus
from servicepunt.appointments.resident.links import resident_token
from servicepunt.appointments.selectors import appointment_history
from servicepunt.appointments.tests.conftest import AgendaFactory
from servicepunt.appointments.tests.test_notify_support import book_combination, book_single, make_resident
from servicepunt.cases.closing import Resolution
from servicepunt.core.testing.browser import assert_accessible
from servicepunt.core.testing.tasks import tasks_run

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_resident_cancels_one_part_of_a_combination_from_the_link(
    page: Page, loaded_live_server: object, agenda_factory: AgendaFactory
) -> None:
    base_url = str(loaded_live_server)
    employee = user_rows().get(username="medewerker")
    arrangement, questions = book_combination(agenda_factory, employee, make_resident(employee))
    with override_settings(SERVICEPUNT_PUBLIC_URL=base_url):
        tasks_run()  # the booking's confirmation
    link = next(line for line in mail.outbox[0].body.splitlines() if line.startswith(f"{base_url}/afspraak/"))

    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Uw afspraken")
    expect(page.get_by_role("heading", name="Bijstandsuitkering")).to_be_visible()
    expect(page.get_by_role("heading", name="Studiefinanciering")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Afspraak Studiefinanciering annuleren").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Wilt u deze afspraak annuleren?")
    assert_accessible(page)
    page.get_by_role("button", name="Ja, annuleer deze afspraak").click()
    expect(page.get_by_text("Uw afspraak is geannuleerd.")).to_be_visible()
    expect(page.get_by_role("heading", name="Studiefinanciering")).to_have_count(0)
    expect(page.get_by_role("heading", name="Bijstandsuitkering")).to_be_visible()
    assert_accessible(page)

    duo, municipality = (
        arrangement.appointments.get(product__code=code) for code in ("studiefinanciering", "bijstand")
    )
    assert (duo.status, municipality.status) == (AppointmentStatus.CANCELLED, AppointmentStatus.BOOKED)
    for question in questions:
        question.refresh_from_db()
    assert [q.resolution for q in questions] == [Resolution.BOOKED, Resolution.OPEN]

    page.get_by_role("link", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", name="Social assistance benefit")).to_be_visible()
    assert_accessible(page)


def test_resident_moves_an_appointment_and_a_broken_link_is_explained(
    page: Page, loaded_live_server: object, agenda_factory: AgendaFactory
) -> None:
    base_url = str(loaded_live_server)
    employee = user_rows().get(username="medewerker")
    appointment = book_single(agenda_factory, employee, make_resident(employee))
    page.goto(f"{base_url}/afspraak/{resident_token(appointment=appointment)}/")
    page.get_by_role("link", name="Andere tijd kiezen voor Bijstandsuitkering").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Andere tijd kiezen")
    page.get_by_role("button", name="Deze tijd kiezen").click()
    expect(page.get_by_role("alert")).to_have_text("Kies een nieuwe tijd.")
    assert_accessible(page)
    page.locator("input[name=tijd]").nth(1).check()
    page.get_by_role("button", name="Deze tijd kiezen").click()
    expect(page.get_by_text("Uw afspraak is verzet naar")).to_be_visible()
    appointment.refresh_from_db()
    assert [e.kind for e in appointment_history(appointment=appointment)] == ["booked", "rescheduled"]

    page.goto(f"{base_url}/afspraak/kapot/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Deze link werkt niet")
    assert_accessible(page)

"""The resident's page behind the link's key (in the path): it shows the appointments of the case (both
parts of a combination), refuses unknown (403), expired and revoked (410) links kindly, cancels with a
confirmation step (the question reopens), moves a single appointment to another free time
(history kept, a new confirmation sent), follows the resident's language with a switch, and
keeps the key out of logs and caches."""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone
from structlog.testing import capture_logs

from servicepunt.appointments.choices import AppointmentStatus, EventKind
from servicepunt.appointments.models import Appointment, ResidentLink
from servicepunt.appointments.resident.links import resident_link, resident_links_revoke, resident_token
from servicepunt.appointments.selectors import appointment_history
from servicepunt.appointments.tests.conftest import AgendaFactory
from servicepunt.appointments.tests.test_notify_support import book_combination, book_single, make_resident
from servicepunt.cases.closing import Resolution
from servicepunt.cases.testing import question_rows
from servicepunt.core.link_keys import key_hash

if TYPE_CHECKING:
    from servicepunt.accounts.models import User

pytestmark = pytest.mark.django_db


def _path(link: str) -> str:
    return link.removeprefix("http://127.0.0.1:8000")


def _csrf(page: str) -> str:
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert found is not None
    return found.group(1)


def test_the_link_shows_both_parts_of_the_combination_privately(agenda_factory: AgendaFactory, employee: User) -> None:
    resident = make_resident(employee)
    arrangement, _questions = book_combination(agenda_factory, employee, resident)
    link = resident_link(arrangement=arrangement)
    assert link.startswith("http://127.0.0.1:8000/afspraak/") and "?" not in link
    response = Client().get(_path(link))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Bijstandsuitkering" in page and "Studiefinanciering" in page
    assert page.count("annuleren</a>") == 2 and arrangement.meeting_url in page
    assert response["Cache-Control"] == "no-store"
    assert response["X-Robots-Tag"] == "noindex, nofollow" and response["Referrer-Policy"] == "no-referrer"
    assert '<html lang="nl"' in page and response["Content-Language"] == "nl"


def test_language_follows_the_resident_and_the_switch(agenda_factory: AgendaFactory, employee: User) -> None:
    resident = make_resident(employee, language="en")
    appointment = book_single(agenda_factory, employee, resident)
    path = _path(resident_link(appointment=appointment))
    english = Client().get(path).content.decode()
    assert '<html lang="en"' in english and "Social assistance benefit" in english
    assert "Your passport, ID card or residence document" in english
    assert 'hreflang="nl"' in english
    dutch = Client().get(f"{path}?taal=nl").content.decode()
    assert '<html lang="nl"' in dutch and "Bijstandsuitkering" in dutch
    assert "taal=nl" in dutch  # the chosen language stays in the page's links


def test_tampered_and_expired_links_are_refused_kindly(agenda_factory: AgendaFactory, employee: User) -> None:
    appointment = book_single(agenda_factory, employee, make_resident(employee))
    token = resident_token(appointment=appointment)
    client = Client()
    tampered = client.get(f"/afspraak/{token[:-2]}{'AA' if not token.endswith('AA') else 'BB'}/")
    assert tampered.status_code == 403 and "Deze link werkt niet" in tampered.content.decode()
    assert "14 030" in tampered.content.decode() and tampered["Cache-Control"] == "no-store"
    assert client.get("/afspraak/").status_code == 404  # no key at all
    old = resident_token(appointment=appointment)
    ResidentLink.objects.filter(key_hash=key_hash(old)).update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    expired = client.get(f"/afspraak/{old}/")
    assert expired.status_code == 410 and "Deze link is verlopen" in expired.content.decode()
    assert "14 030" in expired.content.decode()
    assert client.get(f"/afspraak/{old}/", {"taal": "en"})["Content-Language"] == "en"


def test_cancel_one_part_with_a_confirmation_step_reopens_its_question(
    agenda_factory: AgendaFactory, employee: User
) -> None:
    resident = make_resident(employee)
    arrangement, questions = book_combination(agenda_factory, employee, resident)
    duo = arrangement.appointments.get(product__code="studiefinanciering")
    token = resident_token(arrangement=arrangement)
    client = Client(enforce_csrf_checks=True)
    cancel_url = f"/afspraak/{token}/{duo.uuid}/annuleren/"
    step = client.get(cancel_url)
    assert step.status_code == 200 and "Wilt u deze afspraak annuleren?" in step.content.decode()
    assert step["Referrer-Policy"] == "same-origin"  # a no-referrer POST would carry "Origin: null"
    assert "Uw andere afspraken blijven staan" in step.content.decode()
    assert client.post(cancel_url).status_code == 403  # no CSRF token
    done = client.post(cancel_url, {"csrfmiddlewaretoken": _csrf(step.content.decode())})
    assert done.status_code == 303 and done["Location"] == f"/afspraak/{token}/"
    duo.refresh_from_db()
    assert duo.status == AppointmentStatus.CANCELLED
    assert arrangement.appointments.get(product__code="bijstand").status == AppointmentStatus.BOOKED
    resolutions = {q.product.code: q.resolution for q in question_rows().filter(pk__in=[q.pk for q in questions])}  # type: ignore[union-attr]
    assert resolutions == {"studiefinanciering": Resolution.OPEN, "bijstand": Resolution.BOOKED}
    event = appointment_history(appointment=duo).last()
    assert event is not None and (event.kind, event.actor_kind) == (EventKind.CANCELLED, "resident")
    page = client.get(done["Location"]).content.decode()
    assert "Uw afspraak is geannuleerd." in page and "Geannuleerde afspraken" in page


def test_reschedule_moves_a_single_appointment_and_confirms_again(
    agenda_factory: AgendaFactory, employee: User, run_tasks: Callable[..., int]
) -> None:
    resident = make_resident(employee)
    appointment = book_single(agenda_factory, employee, resident)
    run_tasks()
    mail.outbox.clear()  # the booking's confirmation
    token = resident_token(appointment=appointment)
    client = Client()
    url = f"/afspraak/{token}/{appointment.uuid}/verzetten/"
    choose = client.get(url).content.decode()
    values = re.findall(r'name="tijd" id="[^"]+" value="([^"]+)"', choose)
    assert values, "no free times offered"
    assert client.post(url, {}).status_code == 400  # nothing chosen
    moved = client.post(url, {"tijd": values[0]})
    assert moved.status_code == 303
    appointment.refresh_from_db()
    assert int(values[0].split("/")[1]) == int(appointment.start.timestamp())
    kinds = [event.kind for event in appointment_history(appointment=appointment)]
    assert kinds == [EventKind.BOOKED, EventKind.RESCHEDULED]
    assert run_tasks() == 1
    assert len(mail.outbox) == 1 and "Bevestiging" in mail.outbox[0].subject
    assert "Uw afspraak is verzet naar" in client.get(moved["Location"]).content.decode()


def test_a_combination_part_is_moved_by_calling_the_servicepunt(agenda_factory: AgendaFactory, employee: User) -> None:
    arrangement, _questions = book_combination(agenda_factory, employee, make_resident(employee))
    part = arrangement.appointments.first()
    assert part is not None
    page = Client().get(f"/afspraak/{resident_token(arrangement=arrangement)}/{part.uuid}/verzetten/")
    assert page.status_code == 200
    assert "Bel het Servicepunt: 14 030" in page.content.decode() and 'name="tijd"' not in page.content.decode()


def test_another_residents_appointment_is_not_found(agenda_factory: AgendaFactory, employee: User) -> None:
    mine = book_single(agenda_factory, employee, make_resident(employee))
    other = Appointment.objects.create(
        agenda=mine.agenda,
        product=mine.product,
        mode=mine.mode,
        start=mine.start,
        end=mine.end,
        resident=make_resident(employee, surname="Jansen"),
        booked_by=employee,
    )
    response = Client().get(f"/afspraak/{resident_token(appointment=mine)}/{other.uuid}/annuleren/")
    assert response.status_code == 404 and "Afspraak niet gevonden" in response.content.decode()


def test_the_key_and_personal_data_stay_out_of_the_logs(
    agenda_factory: AgendaFactory, employee: User, caplog: pytest.LogCaptureFixture
) -> None:
    appointment = book_single(agenda_factory, employee, make_resident(employee))
    token = resident_token(appointment=appointment)
    client = Client()
    caplog.set_level(logging.DEBUG)
    with capture_logs() as logs:
        client.get(f"/afspraak/{token}/")
        client.get(f"/afspraak/{token}x/")
        client.get(f"/afspraak/{token}x/{appointment.uuid}/annuleren/")
        client.get(f"/afspraak/{token}/00000000-0000-0000-0000-000000000000/annuleren/")
    written = repr(logs) + caplog.text
    assert [entry["event"] for entry in logs][:2] == ["resident_page_viewed", "resident_link_refused"]
    assert token not in written and token[:20] not in written
    assert "Visser" not in written and "example.org" not in written


def test_the_key_is_stored_only_as_its_hash(agenda_factory: AgendaFactory, employee: User) -> None:
    appointment = book_single(agenda_factory, employee, make_resident(employee))
    token = resident_token(appointment=appointment)
    link = ResidentLink.objects.get()
    assert link.key_hash == key_hash(token) and token not in repr(list(ResidentLink.objects.values()))


def test_a_revoked_link_is_refused_and_a_new_one_works(agenda_factory: AgendaFactory, employee: User) -> None:
    resident = make_resident(employee)
    appointment = book_single(agenda_factory, employee, resident)
    old = resident_token(appointment=appointment)
    assert Client().get(f"/afspraak/{old}/").status_code == 200
    assert resident_links_revoke(resident=resident, by=employee) == 1
    refused = Client().get(f"/afspraak/{old}/")
    assert refused.status_code == 410 and "Deze link is verlopen" in refused.content.decode()
    assert Client().get(f"/afspraak/{resident_token(appointment=appointment)}/").status_code == 200

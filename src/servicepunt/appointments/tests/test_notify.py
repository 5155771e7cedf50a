"""The confirmation: queued by the booking, then e-mailed by the task to the resident in their
language with a calendar file (one event per part of a combination, stable UID, UTC times),
recorded in the notification log; the letter as a PDF and as a staff print page with the access
log; the logging SMS backend keeps nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest
from django.core import mail
from django.test import Client
from icalendar import Calendar
from structlog.testing import capture_logs

from servicepunt.accounts.roles import Role
from servicepunt.appointments.choices import NotificationStatus
from servicepunt.appointments.models import Notification
from servicepunt.appointments.notify import LoggingSmsBackend, letter_pdf
from servicepunt.appointments.services import Actor, appointment_reschedule
from servicepunt.appointments.tests.conftest import AgendaFactory
from servicepunt.appointments.tests.test_notify_support import book_combination, book_single, make_resident
from servicepunt.audit.testing import access_log_rows

if TYPE_CHECKING:
    from servicepunt.accounts.models import User

pytestmark = pytest.mark.django_db


def _calendar(message: mail.EmailMultiAlternatives) -> Calendar:
    (name, content, mimetype) = message.attachments[0]
    assert (name, mimetype) == ("afspraak.ics", "text/calendar")
    return Calendar.from_ical(content)


def test_confirmation_mail_with_calendar_file_in_dutch(
    agenda_factory: AgendaFactory, employee: User, run_tasks: Callable[..., int]
) -> None:
    resident = make_resident(employee)
    appointment = book_single(agenda_factory, employee, resident)
    rows = Notification.objects.filter(appointment=appointment)
    assert [(r.kind, r.channel, r.status) for r in rows] == [("confirmation", "email", "queued")]
    assert mail.outbox == []  # the booking only queues it
    assert run_tasks() == 1
    assert [(r.kind, r.channel, r.status, r.attempts) for r in rows.all()] == [("confirmation", "email", "sent", 1)]
    (message,) = mail.outbox
    assert message.to == ["sanne.visser@example.org"] and message.extra_headers["Content-Language"] == "nl"
    assert message.subject.startswith("Bevestiging: uw afspraak op ")
    body = message.body
    assert "Beste Sanne Visser," in body and "Bijstandsuitkering" in body
    assert "Stadskantoor Utrecht, Stadsplateau 1, 3521 AZ Utrecht" in body  # where
    assert "Gemeente Utrecht" in body or "Werk en Inkomen" in body  # with whom
    assert "Uw paspoort, identiteitskaart of verblijfsdocument" in body  # what to bring
    assert "/afspraak/" in body and "14 030" in body  # how to cancel
    html = message.alternatives[0][0]
    assert '<html lang="nl">' in str(html) and "Uw DigiD" in str(html)
    (event,) = _calendar(message).walk("VEVENT")
    assert str(event["UID"]) == f"{appointment.uuid}@servicepunt"
    assert event.decoded("DTSTART") == appointment.start and event.decoded("DTSTART").utcoffset() == dt.timedelta(0)
    assert event.decoded("DTEND") == appointment.end
    assert str(event["SUMMARY"]) == "Afspraak: Bijstandsuitkering"
    assert "Stadsplateau 1" in str(event["LOCATION"])
    assert int(event["SEQUENCE"]) == 0


def test_confirmation_follows_the_residents_language_and_a_move_keeps_the_uid(
    agenda_factory: AgendaFactory, employee: User, run_tasks: Callable[..., int]
) -> None:
    resident = make_resident(employee, language="en-GB")
    appointment = book_single(agenda_factory, employee, resident)
    run_tasks()
    mail.outbox.clear()
    later = appointment.start + dt.timedelta(days=1)
    appointment_reschedule(appointment=appointment, start=later, actor=Actor.staff(employee))
    run_tasks()  # the move is confirmed again
    (message,) = mail.outbox
    assert message.extra_headers["Content-Language"] == "en"
    assert "Social assistance benefit" in message.body  # the product's English name
    assert "Your passport, ID card or residence document" in message.body  # English product content
    assert "Service Point (City of Utrecht)" in message.body  # the organisation's English name
    assert '<html lang="en">' in str(message.alternatives[0][0])
    (event,) = _calendar(message).walk("VEVENT")
    assert str(event["UID"]) == f"{appointment.uuid}@servicepunt"
    assert event.decoded("DTSTART") == later and int(event["SEQUENCE"]) == 1


def test_a_combination_gets_one_confirmation_with_one_event_per_part(
    agenda_factory: AgendaFactory, employee: User, run_tasks: Callable[..., int]
) -> None:
    resident = make_resident(employee)
    arrangement, _questions = book_combination(agenda_factory, employee, resident)
    rows = Notification.objects.filter(appointment__arrangement=arrangement)
    assert len(rows) == 2 and len({row.message for row in rows}) == 1  # one message for both parts
    assert run_tasks() == 1 and len(mail.outbox) == 1
    assert {row.status for row in rows.all()} == {NotificationStatus.SENT}
    message = mail.outbox[0]
    assert "Bijstandsuitkering" in message.body and "Studiefinanciering" in message.body
    assert arrangement.meeting_url in message.body  # the video link
    events = _calendar(message).walk("VEVENT")
    uids = {str(event["UID"]) for event in events}
    assert uids == {f"{a.uuid}@servicepunt" for a in arrangement.appointments.all()}
    assert all(str(event["URL"]) == arrangement.meeting_url for event in events)


def test_without_an_address_nothing_is_sent_and_the_log_says_why(
    agenda_factory: AgendaFactory, employee: User, run_tasks: Callable[..., int]
) -> None:
    resident = make_resident(employee, email="", preference="letter")
    with capture_logs() as logs:
        appointment = book_single(agenda_factory, employee, resident)
    rows = Notification.objects.filter(appointment=appointment)
    assert run_tasks() == 0 and mail.outbox == []  # nothing was queued
    assert [(r.status, r.reason) for r in rows] == [(NotificationStatus.SKIPPED, "no-address")]
    assert any(entry["event"] == "confirmation_skipped" for entry in logs)
    assert "Visser" not in repr(logs) and "example.org" not in repr(logs)
    assert Notification.objects.filter(appointment=appointment).count() == 1


def test_letter_pdf(agenda_factory: AgendaFactory, employee: User) -> None:
    resident = make_resident(employee)
    arrangement, _questions = book_combination(agenda_factory, employee, resident)
    pdf = letter_pdf(arrangement=arrangement, language="en")
    assert pdf.startswith(b"%PDF")


def test_staff_letter_page_needs_case_work_and_writes_the_access_log(
    agenda_factory: AgendaFactory, employee: User, make_user: Callable[..., User]
) -> None:
    resident = make_resident(employee, language="en")
    appointment = book_single(agenda_factory, employee, resident)
    client = Client()
    url = f"/afspraak/brief/{appointment.uuid}/"
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(make_user(Role.PARTNER))
    assert client.get(url).status_code == 403
    client.force_login(make_user(Role.WIJKBUREAU))
    assert client.get(url).status_code == 404  # not a resident this employee may see
    client.force_login(employee)
    page = client.get(url)
    assert page.status_code == 200 and page["Content-Language"] == "en"
    assert "Social assistance benefit" in page.content.decode() and "no-cache" in page["Cache-Control"]
    dutch = client.get(f"{url}?taal=nl")
    assert "Bijstandsuitkering" in dutch.content.decode()
    pdf = client.get(f"{url}pdf/")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    entries = access_log_rows().filter(user=employee, subject_id=str(resident.uuid))
    assert entries.count() == 3 and {e.purpose for e in entries} == {"afspraakbevestiging"}
    assert client.get("/afspraak/brief/00000000-0000-0000-0000-000000000000/").status_code == 404


def test_logging_sms_backend_sends_nothing_keeps_nothing_and_logs_no_personal_data() -> None:
    backend = LoggingSmsBackend()
    with capture_logs() as logs:
        backend.send(to="+31612345678", text="Servicepunt: herinnering aan uw afspraak.")
    assert logs == [{"event": "sms_logged", "characters": 41, "segments": 1, "log_level": "info"}]
    # Nothing kept in memory: no outbox, no attribute that grew with the message.
    assert not hasattr(LoggingSmsBackend, "outbox")
    assert vars(backend) == {} and "31612345678" not in repr(vars(LoggingSmsBackend))
    assert LoggingSmsBackend.delivers is False

"""`servicepunt send-reminders`: the day before, by the resident's channel (e-mail, SMS, or
nothing for letter/no contact), once however often it runs, one message per combination, a new
reminder for a moved appointment, and clear output without personal data."""

from __future__ import annotations

import datetime as dt
from io import StringIO
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from structlog.testing import capture_logs

from servicepunt.accounts.models import User
from servicepunt.appointments.models import Appointment, Notification, NotificationStatus
from servicepunt.appointments.notify import reminder_day_default, reminders_send
from servicepunt.appointments.services import Actor, appointment_reschedule
from servicepunt.appointments.tests.conftest import AgendaFactory
from servicepunt.appointments.tests.test_notify_support import (
    book_combination,
    book_single,
    make_resident,
    sms_outbox,
)

pytestmark = pytest.mark.django_db


def _tomorrow() -> dt.date:
    return timezone.localdate() + dt.timedelta(days=1)


def _day(appointment: Appointment) -> str:
    return f"{timezone.localtime(appointment.start):%Y-%m-%d}"


def _run(*args: str) -> str:
    out = StringIO()
    call_command("send-reminders", *args, stdout=out)
    return out.getvalue()


def test_running_twice_sends_once(agenda_factory: AgendaFactory, employee: User) -> None:
    appointment = book_single(agenda_factory, employee, make_resident(employee), first_day=_tomorrow())
    with capture_logs() as logs:
        first = _run("--date", _day(appointment))
    second = _run("--date", _day(appointment))
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["sanne.visser@example.org"]
    assert mail.outbox[0].subject.startswith("Herinnering: uw afspraak op ")
    assert "/afspraak/?sleutel=" in mail.outbox[0].body
    assert first.splitlines()[0] == f"Herinneringen voor afspraken op {_day(appointment)}:"
    assert f"verstuurd         email   afspraak {appointment.uuid}" in first
    assert "Klaar: 1 verstuurd, 0 overgeslagen, 0 al eerder gedaan, 0 mislukt." in first
    assert f"al eerder gedaan  email   afspraak {appointment.uuid}" in second
    assert Notification.objects.filter(appointment=appointment, kind="reminder").count() == 1
    sent = next(entry for entry in logs if entry["event"] == "reminder_sent")
    assert sent["appointments"] == [str(appointment.uuid)] and "Visser" not in repr(logs)


def test_phone_preference_gets_an_sms_and_letter_is_skipped(agenda_factory: AgendaFactory, employee: User) -> None:
    outbox = sms_outbox()
    by_phone = book_single(agenda_factory, employee, make_resident(employee, preference="phone"), first_day=_tomorrow())
    on_paper = Appointment.objects.create(
        agenda=by_phone.agenda,
        product=by_phone.product,
        mode=by_phone.mode,
        start=by_phone.start,
        end=by_phone.end,
        resident=make_resident(employee, preference="letter", surname="Jansen"),
        booked_by=employee,
    )
    output = _run("--date", _day(by_phone))
    assert [sms.to for sms in outbox] == ["+31612345678"] and mail.outbox == []
    assert outbox[0].text.startswith("Servicepunt: herinnering aan uw afspraak op ")
    assert f"overgeslagen      letter  afspraak {on_paper.uuid} (preference-letter)" in output
    skipped = Notification.objects.get(appointment=on_paper)
    assert (skipped.status, skipped.reason) == (NotificationStatus.SKIPPED, "preference-letter")
    _run("--date", _day(by_phone))
    assert len(outbox) == 1


def test_a_combination_gets_one_reminder_and_a_moved_appointment_a_new_one(
    agenda_factory: AgendaFactory, employee: User
) -> None:
    arrangement, _questions = book_combination(
        agenda_factory, employee, make_resident(employee, language="en"), first_day=_tomorrow()
    )
    day = dt.date.fromisoformat(_day(arrangement.appointments.first()))  # type: ignore[arg-type]
    results = reminders_send(day=day)
    assert [(r.arrangement, len(r.appointments), r.outcome) for r in results] == [(arrangement.uuid, 2, "sent")]
    assert len(mail.outbox) == 1 and mail.outbox[0].extra_headers["Content-Language"] == "en"
    assert "Social assistance benefit" in mail.outbox[0].body and "Student finance" in mail.outbox[0].body

    single = book_single(agenda_factory, employee, make_resident(employee, surname="Jansen"), first_day=day)
    reminders_send(day=day)
    assert len(mail.outbox) == 2
    later = single.start + dt.timedelta(hours=1)
    appointment_reschedule(appointment=single, start=later, actor=Actor.staff(employee))
    reminders_send(day=day)
    assert len(mail.outbox) == 3  # the new time gets its own reminder


def test_a_failing_channel_is_retried_on_the_next_run(agenda_factory: AgendaFactory, employee: User) -> None:
    appointment = book_single(agenda_factory, employee, make_resident(employee), first_day=_tomorrow())
    with (
        mock.patch("django.core.mail.EmailMultiAlternatives.send", side_effect=ConnectionError("down")),
        pytest.raises(CommandError) as failed,
    ):
        _run("--date", _day(appointment))
    assert failed.value.returncode == 2
    assert not Notification.objects.filter(appointment=appointment).exists()
    assert "verstuurd" in _run("--date", _day(appointment)) and len(mail.outbox) == 1


def test_default_day_is_tomorrow_in_amsterdam() -> None:
    late_evening = dt.datetime(2026, 3, 28, 23, 30, tzinfo=dt.UTC)  # already Sunday 00:30 in Amsterdam
    assert reminder_day_default(late_evening) == dt.date(2026, 3, 30)
    assert "Herinneringen voor afspraken op" in _run()


def test_a_wrong_date_is_refused() -> None:
    with pytest.raises(CommandError):
        _run("--date", "morgen")

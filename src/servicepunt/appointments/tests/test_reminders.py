"""`servicepunt send-reminders`: the day before, by the resident's channel (e-mail, SMS, or
nothing for letter/no contact), once however often it runs, one message per combination, a new
reminder for a moved appointment, and clear output without personal data. The command queues;
the task (run here with `run_tasks`) sends, and retries a failing mail server."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from io import StringIO
from typing import TYPE_CHECKING
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from structlog.testing import capture_logs

from servicepunt.appointments.choices import NotificationStatus
from servicepunt.appointments.models import Appointment, Notification
from servicepunt.appointments.notify import reminder_day_default, reminders_send
from servicepunt.appointments.services import Actor, appointment_reschedule
from servicepunt.appointments.tests.conftest import AgendaFactory
from servicepunt.appointments.tests.sms import Sms
from servicepunt.appointments.tests.test_notify_support import book_combination, book_single, make_resident

if TYPE_CHECKING:
    from servicepunt.accounts.models import User

pytestmark = pytest.mark.django_db
RunTasks = Callable[..., int]


def _tomorrow() -> dt.date:
    return timezone.localdate() + dt.timedelta(days=1)


def _day(appointment: Appointment) -> str:
    return f"{timezone.localtime(appointment.start):%Y-%m-%d}"


def _run(*args: str) -> str:
    out = StringIO()
    call_command("send-reminders", *args, stdout=out)
    return out.getvalue()


def test_running_twice_sends_once(agenda_factory: AgendaFactory, employee: User, run_tasks: RunTasks) -> None:
    appointment = book_single(agenda_factory, employee, make_resident(employee), first_day=_tomorrow())
    run_tasks()
    mail.outbox.clear()  # the booking's confirmation
    with capture_logs() as logs:
        first = _run("--date", _day(appointment))
        run_tasks()
    second = _run("--date", _day(appointment))
    assert run_tasks() == 0
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["sanne.visser@example.org"]
    assert mail.outbox[0].subject.startswith("Herinnering: uw afspraak op ")
    assert "/afspraak/" in mail.outbox[0].body
    assert first.splitlines()[0] == f"Herinneringen voor afspraken op {_day(appointment)}:"
    assert f"klaargezet        email   afspraak {appointment.uuid}" in first
    assert "Klaar: 1 klaargezet, 0 overgeslagen, 0 al eerder gedaan, 0 mislukt." in first
    assert f"al eerder gedaan  email   afspraak {appointment.uuid}" in second
    assert Notification.objects.filter(appointment=appointment, kind="reminder").count() == 1
    queued = next(entry for entry in logs if entry["event"] == "reminder_queued")
    assert queued["appointments"] == [str(appointment.uuid)] and "Visser" not in repr(logs)
    sent = next(entry for entry in logs if entry["event"] == "notification_sent")
    assert (sent["kind"], sent["channel"], sent["attempt"]) == ("reminder", "email", 1)
    assert "example.org" not in repr(logs)


def test_phone_preference_gets_an_sms_and_letter_is_skipped(
    agenda_factory: AgendaFactory, employee: User, run_tasks: RunTasks, sms_outbox: list[Sms]
) -> None:
    outbox = sms_outbox
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
    run_tasks()
    mail.outbox.clear()  # the confirmation (by e-mail: the resident has an address)
    output = _run("--date", _day(by_phone))
    run_tasks()
    assert [sms.to for sms in outbox] == ["+31612345678"] and mail.outbox == []
    assert outbox[0].text.startswith("Servicepunt: herinnering aan uw afspraak op ")
    assert f"overgeslagen      letter  afspraak {on_paper.uuid} (preference-letter)" in output
    skipped = Notification.objects.get(appointment=on_paper)
    assert (skipped.status, skipped.reason) == (NotificationStatus.SKIPPED, "preference-letter")
    _run("--date", _day(by_phone))
    run_tasks()
    assert len(outbox) == 1


def test_a_combination_gets_one_reminder_and_a_moved_appointment_a_new_one(
    agenda_factory: AgendaFactory, employee: User, run_tasks: RunTasks
) -> None:
    arrangement, _questions = book_combination(
        agenda_factory, employee, make_resident(employee, language="en"), first_day=_tomorrow()
    )
    run_tasks()
    mail.outbox.clear()  # the confirmation
    day = dt.date.fromisoformat(_day(arrangement.appointments.first()))  # type: ignore[arg-type]
    results = reminders_send(day=day)
    assert [(r.arrangement, len(r.appointments), r.outcome) for r in results] == [(arrangement.uuid, 2, "queued")]
    run_tasks()
    assert len(mail.outbox) == 1 and mail.outbox[0].extra_headers["Content-Language"] == "en"
    assert "Social assistance benefit" in mail.outbox[0].body and "Student finance" in mail.outbox[0].body

    single = book_single(agenda_factory, employee, make_resident(employee, surname="Jansen"), first_day=day)
    reminders_send(day=day)
    run_tasks()
    reminders = [m for m in mail.outbox if m.subject.startswith(("Herinnering", "Reminder"))]
    assert len(reminders) == 2
    later = single.start + dt.timedelta(hours=1)
    appointment_reschedule(appointment=single, start=later, actor=Actor.staff(employee))
    reminders_send(day=day)
    run_tasks()
    reminders = [m for m in mail.outbox if m.subject.startswith(("Herinnering", "Reminder"))]
    assert len(reminders) == 3  # the new time gets its own reminder


def test_a_failing_mail_server_is_retried_by_the_task_with_backoff(
    agenda_factory: AgendaFactory, employee: User, run_tasks: RunTasks
) -> None:
    appointment = book_single(agenda_factory, employee, make_resident(employee), first_day=_tomorrow())
    run_tasks()
    mail.outbox.clear()
    assert "klaargezet" in _run("--date", _day(appointment))
    reminder = Notification.objects.get(appointment=appointment, kind="reminder")
    with mock.patch("django.core.mail.EmailMultiAlternatives.send", side_effect=ConnectionError("down")):
        run_tasks()
    reminder.refresh_from_db()
    assert (reminder.status, reminder.attempts, reminder.last_error) == ("queued", 1, "ConnectionError")
    assert reminder.next_attempt_at is not None and mail.outbox == []
    assert run_tasks() == 0  # the retry waits for its backoff
    run_tasks(waiting_too=True)  # the backoff has passed; the mail server is back
    reminder.refresh_from_db()
    assert (reminder.status, reminder.attempts) == ("sent", 2) and len(mail.outbox) == 1
    assert "al eerder gedaan" in _run("--date", _day(appointment))


def test_default_day_is_tomorrow_in_amsterdam() -> None:
    late_evening = dt.datetime(2026, 3, 28, 23, 30, tzinfo=dt.UTC)  # already Sunday 00:30 in Amsterdam
    assert reminder_day_default(late_evening) == dt.date(2026, 3, 30)
    assert "Herinneringen voor afspraken op" in _run()


def test_a_wrong_date_is_refused() -> None:
    with pytest.raises(CommandError):
        _run("--date", "morgen")

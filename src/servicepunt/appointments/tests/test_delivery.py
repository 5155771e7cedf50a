"""Messages to the resident are durable: queued in the booking's own transaction (a rollback
queues nothing), sent by the task worker, retried with exponential backoff when the mail server
is down and recorded as failed after the last try, sent once however often the task runs, and
never recorded as sent by an SMS backend that only logs. Cancellations reach the other side."""

from __future__ import annotations

import datetime as dt
import signal
import smtplib
from collections.abc import Callable, Iterator
from io import StringIO
from typing import TYPE_CHECKING, Any
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from structlog.testing import capture_logs

from servicepunt.accounts.testing import user_rows
from servicepunt.appointments.choices import NotificationStatus
from servicepunt.appointments.models import Appointment, Notification
from servicepunt.appointments.notify import message_deliver, notification_deliver, retry_delay
from servicepunt.appointments.notify.sweep import messages_requeue_stale
from servicepunt.appointments.resident.links import resident_token
from servicepunt.appointments.services import Actor, appointment_cancel
from servicepunt.appointments.tests.conftest import AgendaFactory
from servicepunt.appointments.tests.sms import Sms
from servicepunt.appointments.tests.test_notify_support import book_single, make_resident
from servicepunt.cases.selectors import worklist
from servicepunt.cases.testing import task_rows

if TYPE_CHECKING:
    from servicepunt.accounts.models import User

pytestmark = pytest.mark.django_db
RunTasks = Callable[..., int]
SMTP_DOWN = smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


def _record(appointment: Appointment, kind: str = "confirmation") -> Notification:
    return Notification.objects.get(appointment=appointment, kind=kind)


def test_a_rolled_back_booking_queues_nothing(agenda_factory: AgendaFactory, employee: User) -> None:
    resident = make_resident(employee)
    with pytest.raises(RuntimeError), transaction.atomic():
        book_single(agenda_factory, employee, resident)
        assert DBTaskResult.objects.count() == 1  # written in the booking's transaction ...
        raise RuntimeError("something after the booking failed")
    assert not Appointment.objects.exists()
    assert not Notification.objects.exists() and not DBTaskResult.objects.exists()  # ... and gone with it


def test_smtp_down_the_booking_stands_and_the_record_fails_after_the_last_try(
    agenda_factory: AgendaFactory, employee: User, run_tasks: RunTasks, settings: Any
) -> None:
    appointment = book_single(agenda_factory, employee, make_resident(employee))
    record = _record(appointment)
    assert (record.status, record.attempts) == (NotificationStatus.QUEUED, 0)
    tries = settings.SERVICEPUNT_NOTIFY_MAX_ATTEMPTS
    with capture_logs() as logs, mock.patch("django.core.mail.EmailMultiAlternatives.send", side_effect=SMTP_DOWN):
        run_tasks()
        record.refresh_from_db()
        assert (record.status, record.attempts, record.last_error) == ("queued", 1, "SMTPServerDisconnected")
        waiting = DBTaskResult.objects.get(status=TaskResultStatus.READY)
        assert waiting.run_after == record.next_attempt_at  # the retry is a task that waits for its backoff
        for _ in range(tries - 1):
            run_tasks(waiting_too=True)
    record.refresh_from_db()
    assert (record.status, record.attempts, record.last_error) == ("failed", tries, "SMTPServerDisconnected")
    assert record.next_attempt_at is None and mail.outbox == []
    assert not DBTaskResult.objects.filter(status=TaskResultStatus.READY).exists()  # no more tries
    assert Appointment.objects.get(pk=appointment.pk).active  # the booking stands
    assert [entry["event"] for entry in logs if entry["event"].startswith("notification_")] == [
        *["notification_retry"] * (tries - 1),
        "notification_failed",
    ]
    assert "example.org" not in repr(logs) and "Visser" not in repr(logs)


def test_the_backoff_doubles_from_the_base(settings: Any) -> None:
    base = dt.timedelta(seconds=settings.SERVICEPUNT_NOTIFY_RETRY_BASE_SECONDS)
    assert [retry_delay(attempt) for attempt in (1, 2, 3, 4)] == [base, 2 * base, 4 * base, 8 * base]


def test_a_task_run_twice_sends_once(agenda_factory: AgendaFactory, employee: User, run_tasks: RunTasks) -> None:
    appointment = book_single(agenda_factory, employee, make_resident(employee))
    record = _record(appointment)
    notification_deliver.enqueue(str(record.message))  # the same message queued a second time
    assert run_tasks() == 2
    assert message_deliver(record.message) == NotificationStatus.SENT  # and once more by hand
    assert len(mail.outbox) == 1
    record.refresh_from_db()
    assert (record.status, record.attempts) == ("sent", 1) and record.sent_at is not None


def test_a_confirmation_of_an_appointment_cancelled_before_it_went_out_is_not_sent(
    agenda_factory: AgendaFactory, employee: User, run_tasks: RunTasks
) -> None:
    appointment = book_single(agenda_factory, employee, make_resident(employee))
    appointment_cancel(appointment=appointment, actor=Actor.staff(employee), reason="verkeerde dag gekozen")
    run_tasks()
    assert (_record(appointment).status, _record(appointment).reason) == ("skipped", "cancelled")
    assert [message.subject.split(":")[0] for message in mail.outbox] == ["Geannuleerd"]


def test_the_logging_sms_backend_never_counts_as_sent_outside_development(
    agenda_factory: AgendaFactory, employee: User, run_tasks: RunTasks, settings: Any
) -> None:
    settings.SERVICEPUNT_SMS_BACKEND = "servicepunt.appointments.notify.sms.LoggingSmsBackend"
    settings.SERVICEPUNT_SMS_LOGGING_ALLOWED = False  # as in production
    appointment = book_single(agenda_factory, employee, make_resident(employee, preference="phone"))
    appointment_cancel(appointment=appointment, actor=Actor.staff(employee), reason="de balie is dicht")
    run_tasks()
    record = _record(appointment, "cancellation")
    assert (record.channel, record.status, record.reason) == ("sms", "failed", "sms-logging-only")
    settings.SERVICEPUNT_SMS_BACKEND = ""  # no provider at all
    other = book_single(agenda_factory, employee, make_resident(employee, preference="phone", surname="Jansen"))
    appointment_cancel(appointment=other, actor=Actor.staff(employee), reason="de balie is dicht")
    run_tasks()
    assert (_record(other, "cancellation").status, _record(other, "cancellation").reason) == (
        "failed",
        "no-sms-provider",
    )


def test_staff_cancellation_sends_the_resident_a_message_in_their_language(
    agenda_factory: AgendaFactory, employee: User, run_tasks: RunTasks, sms_outbox: list[Sms]
) -> None:
    appointment = book_single(agenda_factory, employee, make_resident(employee, language="en"))
    run_tasks()
    mail.outbox.clear()
    appointment_cancel(appointment=appointment, actor=Actor.staff(employee), reason="The adviser is ill")
    assert _record(appointment, "cancellation").status == "queued"
    run_tasks()
    (message,) = mail.outbox
    assert message.extra_headers["Content-Language"] == "en" and message.to == ["sanne.visser@example.org"]
    assert message.subject.startswith("Cancelled: your appointment on ")
    assert "The Service Point has cancelled this appointment." in message.body
    assert "The reason: The adviser is ill" in message.body and "Social assistance benefit" in message.body
    assert _record(appointment, "cancellation").status == "sent"

    by_phone = book_single(agenda_factory, employee, make_resident(employee, preference="phone", surname="Jansen"))
    appointment_cancel(appointment=by_phone, actor=Actor.staff(employee), reason="de adviseur is ziek")
    run_tasks()
    (sms,) = sms_outbox
    assert sms.to == "+31612345678" and "is geannuleerd" in sms.text and "De reden: de adviseur is ziek" in sms.text


def test_a_staff_cancellation_needs_a_reason(agenda_factory: AgendaFactory, employee: User) -> None:
    appointment = book_single(agenda_factory, employee, make_resident(employee))
    with pytest.raises(Exception, match="Geef een reden"):
        appointment_cancel(appointment=appointment, actor=Actor.staff(employee), reason="  ")
    with pytest.raises(Exception, match="hoogstens 200 tekens"):  # refused with the limit, never cut
        appointment_cancel(appointment=appointment, actor=Actor.staff(employee), reason="x" * 201)
    assert Appointment.objects.get(pk=appointment.pk).active


def test_resident_cancellation_puts_a_task_in_the_employees_worklist(
    agenda_factory: AgendaFactory, employee: User, run_tasks: RunTasks
) -> None:
    appointment = book_single(agenda_factory, employee, make_resident(employee, language="en"))
    token = resident_token(appointment=appointment)
    url = f"/afspraak/{token}/{appointment.uuid}/annuleren/"
    assert Client().post(url, {"reden": "I found work"}).status_code == 303
    task = task_rows().get()
    assert task.assigned_to == employee and task.kind == "follow_up" and task.done_at is None
    assert task.description.startswith("De inwoner heeft de afspraak van ")  # in Dutch, for staff
    assert task.description.endswith("zelf geannuleerd. Reden: I found work")
    assert task in worklist(user=employee, today=task.due)["tasks"]
    run_tasks()
    assert not Notification.objects.filter(kind="cancellation").exists()  # the resident knows already


@pytest.fixture
def signals_kept() -> Iterator[None]:
    """db_worker installs its own SIGINT/SIGTERM handlers; give pytest its own back."""
    kept = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}
    yield
    for number, handler in kept.items():
        signal.signal(number, handler)


@pytest.mark.django_db(transaction=True)
def test_a_committed_booking_is_sent_by_the_db_worker_command(
    reference_data: None, agenda_factory: AgendaFactory, signals_kept: None
) -> None:
    employee = user_rows().create_user(username="boeker", password="a-long-test-password")
    resident = make_resident(employee)
    with pytest.raises(RuntimeError), transaction.atomic():
        book_single(agenda_factory, employee, resident)
        raise RuntimeError("rolled back for real")
    assert not DBTaskResult.objects.exists() and not Notification.objects.exists()
    appointment = book_single(agenda_factory, employee, resident)  # committed
    assert not transaction.get_connection().in_atomic_block
    assert DBTaskResult.objects.filter(status=TaskResultStatus.READY).count() == 1
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", "--queue-name", "*", verbosity=0)
    assert len(mail.outbox) == 1 and _record(appointment).status == "sent"
    assert DBTaskResult.objects.get().status == TaskResultStatus.SUCCESSFUL


def test_a_message_whose_worker_was_killed_is_tried_again_by_the_sweep(
    agenda_factory: AgendaFactory, employee: User, run_tasks: RunTasks, settings: Any
) -> None:
    appointment = book_single(agenda_factory, employee, make_resident(employee))
    record = _record(appointment)
    # The worker claimed the task and died mid-send: the row stays RUNNING, the record queued.
    DBTaskResult.objects.update(status=TaskResultStatus.RUNNING)
    assert run_tasks() == 0 and record.status == "queued"
    out = StringIO()
    call_command("notifications-requeue", stdout=out)
    assert out.getvalue().startswith("0 ")  # not stale yet: a slow try may still be under way
    later = timezone.now() + dt.timedelta(minutes=settings.SERVICEPUNT_NOTIFY_STALE_MINUTES + 1)
    assert messages_requeue_stale(now=later) == [record.message]
    assert messages_requeue_stale(now=later) == []  # one new try is waiting: no pile-up
    run_tasks()
    assert _record(appointment).status == "sent" and len(mail.outbox) == 1

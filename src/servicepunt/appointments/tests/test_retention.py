"""Retention of appointments and their notification records on a seeded database (the cutoffs
come from privacy's rules; here they are passed as dates): the counter note and the video links
go once the appointment ended before the cutoff and its case is closed, and whatever the date in
the run that anonymises the resident; delivery records are deleted once sent before the cutoff,
about an appointment that started before it; an open case's appointments and messages stay."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pytest
from django.utils import timezone

from servicepunt.accounts.roles import Role
from servicepunt.appointments.choices import NotificationStatus
from servicepunt.appointments.models import Appointment, Arrangement, Notification
from servicepunt.appointments.services.retention import appointments_anonymise, notifications_delete
from servicepunt.appointments.tests.conftest import AgendaFactory, make_agenda
from servicepunt.appointments.tests.test_notify_support import book_combination, book_single, make_resident
from servicepunt.cases.services import case_close

if TYPE_CHECKING:
    from servicepunt.accounts.models import User

pytestmark = pytest.mark.django_db


@dataclass
class Seeded:
    closed: list[Appointment]  # a combination by video of a closed case, one with a note
    arrangement: Arrangement
    of_open_case: Appointment  # by video, with a note, its case open
    loose: Appointment  # by video, with a note, no question, its resident has no case


def _with_note(appointment: Appointment, note: str) -> Appointment:
    Appointment.objects.filter(pk=appointment.pk).update(note=note)
    appointment.refresh_from_db()
    return appointment


@pytest.fixture
def seeded(make_user: Callable[..., User], run_tasks: Callable[..., int]) -> Seeded:
    employee = make_user(Role.SERVICEPUNT)
    agenda_factory: AgendaFactory = make_agenda
    arrangement, questions = book_combination(agenda_factory, employee, make_resident(employee))
    case_close(case=questions[0].case, closed_by=employee, reason="all_arranged")
    closed = list(arrangement.appointments.order_by("pk"))
    _with_note(closed[0], "Neemt een tolk mee.")
    of_open_case = _with_note(
        book_single(agenda_factory, employee, make_resident(employee, surname="Bakker"), mode="video"),
        "Rolstoel, ingang achterzijde.",
    )
    loose = _with_note(
        book_single(
            agenda_factory, employee, make_resident(employee, surname="de Vries"), mode="video", with_question=False
        ),
        "Komt met de buurvrouw.",
    )
    run_tasks()  # the confirmations are sent
    arrangement.refresh_from_db()
    return Seeded(closed, arrangement, of_open_case, loose)


def _details() -> dict[int, tuple[str, str]]:
    return {pk: (note, url) for pk, note, url in Appointment.objects.values_list("pk", "note", "meeting_url")}


def test_the_seeding_has_notes_links_and_sent_confirmations(seeded: Seeded) -> None:
    assert all(url for _note, url in _details().values())
    assert seeded.arrangement.meeting_url
    assert set(Notification.objects.values_list("status", flat=True)) == {NotificationStatus.SENT}


def test_notes_and_links_go_after_the_appointment_ended_when_its_case_is_closed(seeded: Seeded) -> None:
    latest_end = max(appointment.end for appointment in Appointment.objects.all())
    before = _details()
    assert appointments_anonymise(ended_before=timezone.now(), apply=False) == 0
    # Ended before the cutoff: the two parts of the closed case's combination and the loose one,
    # not the one of the open case.
    cutoff = latest_end + dt.timedelta(days=1)
    assert appointments_anonymise(ended_before=cutoff, apply=False) == 3
    assert _details() == before  # a dry run changes nothing
    assert appointments_anonymise(ended_before=cutoff, apply=True) == 3
    assert appointments_anonymise(ended_before=cutoff, apply=True) == 0  # idempotent
    after = _details()
    for appointment in [*seeded.closed, seeded.loose]:
        assert after[appointment.pk] == ("", "")
    assert after[seeded.of_open_case.pk] == before[seeded.of_open_case.pk]
    assert after[seeded.of_open_case.pk][0] == "Rolstoel, ingang achterzijde."
    seeded.arrangement.refresh_from_db()
    assert seeded.arrangement.meeting_url == ""
    # Dates, products and places stay for the figures.
    assert Appointment.objects.count() == 4
    assert all(appointment.start and appointment.agenda_id for appointment in Appointment.objects.all())


def test_the_resident_being_anonymised_takes_note_and_links_whatever_the_date(seeded: Seeded) -> None:
    # The combination has not taken place yet: its own period has not started.
    resident = seeded.closed[0].resident_id
    assert resident is not None
    assert appointments_anonymise(resident_ids=[resident], ended_before=timezone.now(), apply=False) == 2
    assert appointments_anonymise(resident_ids=[resident], ended_before=timezone.now(), apply=True) == 2
    assert appointments_anonymise(resident_ids=[resident], apply=True) == 0
    details = _details()
    assert details[seeded.closed[0].pk] == details[seeded.closed[1].pk] == ("", "")
    seeded.arrangement.refresh_from_db()
    assert seeded.arrangement.meeting_url == ""
    assert details[seeded.loose.pk][0] == "Komt met de buurvrouw."
    assert details[seeded.of_open_case.pk][0] == "Rolstoel, ingang achterzijde."


def test_delivery_records_go_once_sent_before_the_cutoff_and_the_appointment_started(seeded: Seeded) -> None:
    total = Notification.objects.count()
    of_open_case = Notification.objects.filter(appointment=seeded.of_open_case).count()
    assert of_open_case >= 1
    # Sent before the cutoff, but about appointments still to come: kept.
    assert notifications_delete(sent_before=timezone.now(), apply=False) == 0
    latest_start = max(appointment.start for appointment in Appointment.objects.all())
    cutoff = latest_start + dt.timedelta(days=1)
    due = total - of_open_case
    assert due >= 3  # one per part of the combination, one for the loose appointment
    assert notifications_delete(sent_before=cutoff, apply=False) == due
    assert Notification.objects.count() == total  # a dry run changes nothing
    assert notifications_delete(sent_before=cutoff, apply=True) == due
    assert notifications_delete(sent_before=cutoff, apply=True) == 0  # idempotent
    assert set(Notification.objects.values_list("appointment_id", flat=True)) == {seeded.of_open_case.pk}


def test_a_message_still_being_sent_stays(seeded: Seeded) -> None:
    Notification.objects.filter(appointment=seeded.loose).update(status=NotificationStatus.QUEUED, sent_at=None)
    latest_start = max(appointment.start for appointment in Appointment.objects.all())
    notifications_delete(sent_before=latest_start + dt.timedelta(days=1), apply=True)
    assert Notification.objects.filter(appointment=seeded.loose).exists()

"""Retention dry run and apply on a seeded database with known due and not-due records."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from servicepunt.accounts.choices import SecurityEventKind
from servicepunt.accounts.security_log import security_event_record
from servicepunt.appointments.testing import appointment_rows, notification_rows
from servicepunt.appointments.tests.conftest import make_agenda
from servicepunt.appointments.tests.test_notify_support import book_single, make_resident
from servicepunt.audit.selectors import access_log
from servicepunt.cases.services import case_close
from servicepunt.cases.testing import case_rows
from servicepunt.catalogue.selectors import organisation_detail
from servicepunt.handovers.categories import default_valid_until
from servicepunt.handovers.services import consent_record, consent_withdraw
from servicepunt.privacy.services import resident_erase_where_allowed, retention_run
from servicepunt.privacy.tests.conftest import World

if TYPE_CHECKING:
    from servicepunt.appointments.models import Appointment
    from servicepunt.handovers.models import Consent

pytestmark = pytest.mark.django_db


def _later(months: int) -> dt.datetime:
    # The rules count calendar months; a few days more keeps the test off the boundary.
    return timezone.now() + dt.timedelta(days=months * 31 + 3)


def _counts(report: object) -> dict[str, int]:
    return {line.kind: line.count for line in report.lines}  # type: ignore[attr-defined]


def test_nothing_is_due_right_after_seeding(world: World) -> None:
    report = retention_run(by=world.officer, apply=False)
    assert _counts(report) == {
        "case": 0,
        "handover": 0,
        "appointment": 0,
        "notification": 0,
        "consent": 0,
        "infoflits": 0,
        "security_log": 0,
        "access_log": 0,
    }


def test_dry_run_counts_exactly_what_is_due_and_changes_nothing(world: World) -> None:
    # After 7 months: the infoflitsen of the closed case and the loose one, not that of the open case.
    assert _counts(retention_run(by=world.officer, apply=False, now=_later(7)))["infoflits"] == 2
    # After 13 months: every access-log entry written so far (one per run above too).
    log_before = access_log(user=world.officer).count()
    assert _counts(retention_run(by=world.officer, apply=False, now=_later(13)))["access_log"] == log_before
    # After 23 months the closed case is still within its period; after 25 it is due.
    assert _counts(retention_run(by=world.officer, apply=False, now=_later(23)))["case"] == 0
    assert _counts(retention_run(by=world.officer, apply=False, now=_later(25)))["case"] == 1
    assert _counts(retention_run(by=world.officer, apply=False, now=_later(25)))["handover"] == 1
    world.closed.resident.refresh_from_db()
    assert world.closed.resident.surname == "Visser"
    assert world.closed.resident.anonymised_at is None
    # Every dry run is itself in the access log.
    runs = access_log(user=world.officer).filter(subject_type="privacy.retention")
    assert runs.count() == 5
    assert all(entry.purpose.startswith("proefrun") for entry in runs)


def test_apply_anonymises_and_deletes_what_is_due_and_is_idempotent(world: World) -> None:
    later = _later(25)
    security_event_record(kind=SecurityEventKind.SIGNED_IN, request=None, user=world.officer, means="wachtwoord")
    log_before = access_log(user=world.officer).count()
    first = retention_run(by=world.officer, apply=True, now=later)
    assert _counts(first) == {
        "case": 1,
        "handover": 1,
        "appointment": 0,
        "notification": 0,
        "consent": 0,
        "infoflits": 2,
        "security_log": 1,
        "access_log": log_before,
    }
    resident = world.closed.resident
    resident.refresh_from_db()
    assert (resident.given_name, resident.surname, resident.phone, resident.bsn_digest) == (
        "Geanonimiseerd",
        "",
        "",
        "",
    )
    assert resident.anonymised_at is not None
    question = world.closed.questions.get()
    assert question.text == ""
    (handover,) = question.handovers.all()
    assert (handover.summary, handover.facts, handover.contact) == ("", {}, {})
    world.closed.infoflits.refresh_from_db()
    assert world.closed.infoflits.answers_removed_at is not None
    assert list(world.closed.infoflits.versions.values_list("situation", flat=True)) == [
        {"reference_date": world.closed.infoflits.reference_date.isoformat()}
    ]
    # Not due: the open case, its resident and its infoflits.
    world.open.resident.refresh_from_db()
    assert world.open.resident.surname == "Bakker"
    world.open.infoflits.refresh_from_db()
    assert world.open.infoflits.answers_removed_at is None
    # Only the entry of this run is left in the log.
    assert [e.subject_id for e in access_log(user=world.officer)] == [first.run]
    # Again: nothing new, except the entry of the first run, now itself past its period.
    assert _counts(retention_run(by=world.officer, apply=True, now=later)) == {
        "case": 0,
        "handover": 0,
        "appointment": 0,
        "notification": 0,
        "consent": 0,
        "infoflits": 0,
        "security_log": 0,
        "access_log": 1,
    }


def test_the_cli_dry_run_prints_the_report(world: World, capsys: pytest.CaptureFixture[str]) -> None:
    call_command("privacy", "retention", "--dry-run", "--user", world.officer.username)
    report = json.loads(capsys.readouterr().out)
    assert report["applied"] is False
    assert [line["kind"] for line in report["lines"]] == [
        "case",
        "handover",
        "appointment",
        "notification",
        "consent",
        "infoflits",
        "security_log",
        "access_log",
    ]
    assert all(line["source"] for line in report["lines"])


@pytest.mark.parametrize(
    "argv",
    [
        ["retention", "--dry-run", "--user", "nobody"],
        ["retention", "--dry-run", "--user", "servicepunt-medewerker"],
        ["retention", "--dry-run", "--enqueue", "--user", "privacy-officer"],
    ],
)
def test_the_cli_refuses_bad_input_with_exit_2(world: World, argv: list[str]) -> None:
    with pytest.raises(CommandError) as raised:
        call_command("privacy", *argv)
    assert raised.value.returncode == 2


def test_apply_enqueue_puts_the_run_on_the_job_queue(
    world: World, run_tasks: object, capsys: pytest.CaptureFixture[str]
) -> None:
    call_command("privacy", "retention", "--apply", "--enqueue", "--user", world.officer.username)
    assert "enqueued" in json.loads(capsys.readouterr().out)
    assert run_tasks() == 1  # type: ignore[operator]
    assert access_log(user=world.officer).filter(subject_type="privacy.retention").count() == 1


@dataclass
class Booked:
    """Beside the world: Lotte, whose case (a video appointment with a note, a withdrawn consent
    with a note) is closed, and Joris of the open case with the same."""

    lotte: Appointment
    lotte_consent: Consent
    joris: Appointment
    joris_consent: Consent


def _booked_with_consent(world: World, resident: object, note: str) -> tuple[Appointment, Consent]:
    appointment = book_single(make_agenda, world.employee, resident, mode="video")  # type: ignore[arg-type]
    appointment_rows().filter(pk=appointment.pk).update(note=note)
    appointment.refresh_from_db()
    assert appointment.meeting_url and appointment.question is not None
    consent = consent_record(
        resident=appointment.question.case.resident,
        organisation=organisation_detail(code="juridisch-loket"),
        question=appointment.question,
        shared=["question"],
        method="verbal",
        valid_until=default_valid_until(timezone.localdate()),
        recorded_by=world.employee,
        note="Mondeling, dochter was erbij.",
    )
    return appointment, consent_withdraw(consent=consent, withdrawn_by=world.employee)


@pytest.fixture
def booked(world: World, run_tasks: Callable[..., int]) -> Booked:
    lotte, lotte_consent = _booked_with_consent(
        world, make_resident(world.employee, surname="de Vries"), "Neemt een tolk mee."
    )
    assert lotte.question is not None
    case_close(case=lotte.question.case, closed_by=world.employee, reason="all_arranged")
    joris, joris_consent = _booked_with_consent(world, world.open.resident, "Rolstoel, ingang achterzijde.")
    run_tasks()  # the confirmations are sent
    return Booked(lotte, lotte_consent, joris, joris_consent)


def _details(appointment: Appointment) -> tuple[str, str]:
    appointment.refresh_from_db()
    return appointment.note, appointment.meeting_url


def test_appointments_notifications_and_consents_have_periods_of_their_own(world: World, booked: Booked) -> None:
    def dry(months: int) -> dict[str, int]:
        counts = _counts(retention_run(by=world.officer, apply=False, now=_later(months)))
        return {kind: counts[kind] for kind in ("case", "appointment", "notification", "consent")}

    lotte_messages = notification_rows().filter(appointment=booked.lotte).count()
    assert lotte_messages == 1  # the confirmation
    assert dry(2) == {"case": 0, "appointment": 0, "notification": 0, "consent": 0}
    # Three months after it: Lotte's note and link and her confirmation; never Joris's (open case).
    assert dry(4) == {"case": 0, "appointment": 1, "notification": lotte_messages, "consent": 0}
    assert dry(11)["consent"] == 0
    # Twelve months after the withdrawal: Lotte's consent note; not Joris's (open case).
    assert dry(13) == {"case": 0, "appointment": 1, "notification": lotte_messages, "consent": 1}
    # The dry runs changed nothing.
    assert _details(booked.lotte) == ("Neemt een tolk mee.", booked.lotte.meeting_url)
    assert notification_rows().filter(appointment=booked.lotte).count() == lotte_messages
    booked.lotte_consent.refresh_from_db()
    assert booked.lotte_consent.note == "Mondeling, dochter was erbij."

    applied = _counts(retention_run(by=world.officer, apply=True, now=_later(4)))
    assert (applied["appointment"], applied["notification"], applied["consent"]) == (1, lotte_messages, 0)
    assert _details(booked.lotte) == ("", "")
    assert not notification_rows().filter(appointment=booked.lotte).exists()
    again = _counts(retention_run(by=world.officer, apply=True, now=_later(4)))
    assert (again["appointment"], again["notification"], again["consent"]) == (0, 0, 0)
    assert _counts(retention_run(by=world.officer, apply=True, now=_later(13)))["consent"] == 1
    booked.lotte_consent.refresh_from_db()
    assert booked.lotte_consent.note == ""
    assert booked.lotte_consent.categories == ["name", "question"]  # the proof of what was shared stays
    # The open case's appointment, its messages and its consent are untouched.
    assert _details(booked.joris) == ("Rolstoel, ingang achterzijde.", booked.joris.meeting_url)
    assert booked.joris.meeting_url
    assert notification_rows().filter(appointment=booked.joris).count() == 1
    booked.joris_consent.refresh_from_db()
    assert booked.joris_consent.note == "Mondeling, dochter was erbij."


def test_the_resident_anonymised_keeps_neither_note_nor_video_link(world: World, booked: Booked) -> None:
    # One run, long after: Lotte is anonymised, and her appointment has neither note nor link.
    counts = _counts(retention_run(by=world.officer, apply=True, now=_later(25)))
    assert (counts["case"], counts["appointment"], counts["consent"]) == (2, 1, 1)
    assert booked.lotte.resident is not None
    booked.lotte.resident.refresh_from_db()
    assert booked.lotte.resident.anonymised_at is not None
    assert _details(booked.lotte) == ("", "")
    booked.lotte_consent.refresh_from_db()
    assert booked.lotte_consent.note == ""
    assert _details(booked.joris)[0] == "Rolstoel, ingang achterzijde."


def test_erasure_of_a_resident_past_the_period_wipes_note_link_and_consent_note(world: World, booked: Booked) -> None:
    # The erasure counts from now: move Lotte's closing back past the case period.
    assert booked.lotte.question is not None
    case = booked.lotte.question.case
    case_rows().filter(pk=case.pk).update(closed_at=timezone.now() - dt.timedelta(days=25 * 31))
    resident = case.resident
    resident.refresh_from_db()
    assert resident_erase_where_allowed(user=world.officer, resident=resident, screen="test") == "anonymise"
    assert _details(booked.lotte) == ("", "")
    booked.lotte_consent.refresh_from_db()
    assert booked.lotte_consent.note == ""

"""Retention dry run and apply on a seeded database with known due and not-due records."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from servicepunt.audit.selectors import access_log
from servicepunt.privacy.services import retention_run
from servicepunt.privacy.tests.conftest import World

pytestmark = pytest.mark.django_db


def _later(months: int) -> dt.datetime:
    # The rules count calendar months; a few days more keeps the test off the boundary.
    return timezone.now() + dt.timedelta(days=months * 31 + 3)


def _counts(report: object) -> dict[str, int]:
    return {line.kind: line.count for line in report.lines}  # type: ignore[attr-defined]


def test_nothing_is_due_right_after_seeding(world: World) -> None:
    report = retention_run(by=world.officer, apply=False)
    assert _counts(report) == {"case": 0, "handover": 0, "appointment": 0, "infoflits": 0, "access_log": 0}


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
    log_before = access_log(user=world.officer).count()
    first = retention_run(by=world.officer, apply=True, now=later)
    assert _counts(first) == {"case": 1, "handover": 1, "appointment": 0, "infoflits": 2, "access_log": log_before}
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
        "infoflits": 0,
        "access_log": 1,
    }


def test_the_cli_dry_run_prints_the_report(world: World, capsys: pytest.CaptureFixture[str]) -> None:
    call_command("privacy", "retention", "--dry-run", "--user", world.officer.username)
    report = json.loads(capsys.readouterr().out)
    assert report["applied"] is False
    assert [line["kind"] for line in report["lines"]] == ["case", "handover", "appointment", "infoflits", "access_log"]
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

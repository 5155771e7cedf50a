"""Retention runs, the resident's art. 15 export and erasure: each owning app does its own part
through its own service; privacy only asks the retention rules for the cutoffs, calls them, and
writes every run to the access log."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import structlog
from django.db import transaction
from django.utils import timezone

from servicepunt.accounts.security_log import security_events_expire
from servicepunt.appointments.services.retention import appointments_anonymise, notifications_delete
from servicepunt.audit.selectors import access_log_for_subjects
from servicepunt.audit.services import access_log_expire, access_record
from servicepunt.cases.selectors import infoflits_of_open_cases, infoflits_of_resident
from servicepunt.cases.services import (
    ErasureVerdict,
    erasure_verdict,
    resident_erase,
    residents_anonymise,
    residents_due_ids,
)
from servicepunt.handovers.services.retention import consents_anonymise, handovers_anonymise
from servicepunt.infoflits.services import infoflits_answers_remove
from servicepunt.privacy.choices import RetentionKind
from servicepunt.privacy.retention import RetentionRule, rule_for

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from servicepunt.accounts.models import User
    from servicepunt.audit.models import AccessLogEntry
    from servicepunt.cases.models import Resident

log = structlog.get_logger(__name__)


@dataclass(frozen=True)
class RetentionLine:
    kind: str
    action: str
    cutoff: dt.datetime
    count: int
    source: str

    @property
    def label(self) -> str:
        """The kind's name in the reader's language."""
        return str(RetentionKind(self.kind).label)


@dataclass(frozen=True)
class RetentionReport:
    run: str
    applied: bool
    at: dt.datetime
    lines: list[RetentionLine] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "run": self.run,
            "applied": self.applied,
            "at": self.at.isoformat(),
            "lines": [
                {
                    "kind": line.kind,
                    "action": line.action,
                    "cutoff": line.cutoff.isoformat(),
                    "count": line.count,
                    "source": line.source,
                }
                for line in self.lines
            ],
        }


def _line(rule: RetentionRule, now: dt.datetime, count: int, kind: str = "") -> RetentionLine:
    return RetentionLine(kind or rule.kind, rule.action, rule.cutoff(now), count, rule.source)


@transaction.atomic
def retention_run(*, by: User, apply: bool, now: dt.datetime | None = None) -> RetentionReport:
    """What is due under the rules in force today, per kind of record; with apply=True it is
    anonymised or deleted. A dry run changes nothing but the access log. Running apply twice
    removes nothing the second time."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    cases = rule_for("case", today)
    appointments = rule_for("appointment", today)
    notifications = rule_for("notification", today)
    consents = rule_for("consent", today)
    infoflits = rule_for("infoflits", today)
    access = rule_for("access_log", today)
    security = rule_for("security_log", today)
    # Handovers follow the resident: wiped in the run that anonymises them. Appointments and
    # consents have periods of their own, and are wiped in that run too whatever their date.
    residents = residents_due_ids(closed_before=cases.cutoff(now))
    lines = [
        _line(cases, now, residents_anonymise(closed_before=cases.cutoff(now), apply=apply)),
        _line(cases, now, handovers_anonymise(resident_ids=residents, apply=apply), kind="handover"),
        _line(
            appointments,
            now,
            appointments_anonymise(resident_ids=residents, ended_before=appointments.cutoff(now), apply=apply),
        ),
        _line(notifications, now, notifications_delete(sent_before=notifications.cutoff(now), apply=apply)),
        _line(
            consents,
            now,
            consents_anonymise(resident_ids=residents, ended_before=consents.cutoff(now), apply=apply),
        ),
        _line(
            infoflits,
            now,
            infoflits_answers_remove(
                started_before=infoflits.cutoff(now), keep=infoflits_of_open_cases(), by=by, apply=apply
            ),
        ),
        _line(security, now, security_events_expire(before=security.cutoff(now), apply=apply)),
        # Last, so the entry of this run is never removed by it.
        _line(access, now, access_log_expire(before=access.cutoff(now), apply=apply)),
    ]
    report = RetentionReport(run=str(uuid.uuid4()), applied=apply, at=now, lines=lines)
    access_record(
        user=by,
        subject_type="privacy.retention",
        subject_id=report.run,
        screen="privacy.retention",
        purpose=("bewaartermijnen toepassen: " if apply else "proefrun bewaartermijnen: ")
        + ", ".join(f"{line.kind} {line.count}" for line in lines),
    )
    log.info("retention_run", run=report.run, applied=apply, **{line.kind: line.count for line in lines})
    return report


def resident_access_log(*, user: User, resident: Resident) -> QuerySet[AccessLogEntry]:
    """Every view of this resident's data: entries under the resident, and the older ones filed
    under the id of one of their infoflitsen."""
    return access_log_for_subjects(user=user, subject_ids=[str(resident.uuid), *infoflits_of_resident(resident)])


def _case_cutoff(now: dt.datetime) -> dt.datetime:
    return rule_for("case", timezone.localdate(now)).cutoff(now)


def resident_erasure_verdict(resident: Resident) -> ErasureVerdict:
    return erasure_verdict(resident=resident, closed_before=_case_cutoff(timezone.now()))


@transaction.atomic
def resident_erase_where_allowed(*, user: User, resident: Resident, screen: str) -> str:
    """Erase the resident where the law allows (see cases.services.retention), refused with the
    reason otherwise; the erasure is written to the access log under the resident."""
    subject = str(resident.uuid)
    if resident_erasure_verdict(resident).action == "anonymise":
        handovers_anonymise(resident_ids=[resident.pk], apply=True)
        appointments_anonymise(resident_ids=[resident.pk], apply=True)
        consents_anonymise(resident_ids=[resident.pk], apply=True)
    action = resident_erase(resident=resident, closed_before=_case_cutoff(timezone.now()), by=user)
    access_record(
        user=user,
        subject_type="resident.erasure",
        subject_id=subject,
        screen=screen,
        purpose="verzoek tot wissen (AVG art. 17): " + ("gewist" if action == "delete" else "geanonimiseerd"),
    )
    return action

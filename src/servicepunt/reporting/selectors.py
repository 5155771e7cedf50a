"""Aggregated figures for team leads: counts only, never a resident. The city measures extra
products offered beyond the question asked; the rest shows where work gets stuck."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, OuterRef, Subquery

from servicepunt.appointments.models import Appointment, AppointmentStatus
from servicepunt.cases.models import Case, CaseStatus, Question, Task
from servicepunt.handovers.models import Handover, RejectionReason
from servicepunt.handovers.models.handover import STATE_LABELS
from servicepunt.handovers.states import HandoverState
from servicepunt.infoflits.models import Decision, Infoflits, SuggestionDecision

OFFERED = (Decision.OFFERED, Decision.ACCEPTED, Decision.DECLINED)


def _by(queryset: Any, field: str) -> dict[str, int]:
    return {row[field]: row["n"] for row in queryset.values(field).annotate(n=Count("id")).order_by(field)}


def figures(*, since: dt.datetime, today: dt.date) -> dict[str, Any]:
    cases = Case.objects.filter(opened_at__gte=since)
    latest = SuggestionDecision.objects.filter(infoflits=OuterRef("infoflits"), product=OuterRef("product")).order_by(
        "-decided_at", "-id"
    )
    current = SuggestionDecision.objects.filter(infoflits__started_at__gte=since).filter(
        pk=Subquery(latest.values("pk")[:1])
    )
    extra = current.filter(asked=False)
    infoflitsen = Infoflits.objects.filter(started_at__gte=since).count()
    extra_offered = extra.filter(decision__in=OFFERED).count()
    return {
        "cases": cases.count(),
        "cases_by_status": [(CaseStatus(s).label, n) for s, n in _by(cases, "status").items()],
        "questions": Question.objects.filter(case__in=cases).count(),
        "infoflitsen": infoflitsen,
        "extra_offered": extra_offered,
        "extra_accepted": extra.filter(decision=Decision.ACCEPTED).count(),
        "extra_per_infoflits": round(extra_offered / infoflitsen, 2) if infoflitsen else 0,
        "handovers_by_state": [
            (STATE_LABELS[HandoverState(state)], n)
            for state, n in _by(Handover.objects.filter(created_at__gte=since), "state").items()
        ],
        "rejections": [
            (RejectionReason(reason).label, n)
            for reason, n in _by(
                Handover.objects.filter(created_at__gte=since).exclude(rejection_reason=""), "rejection_reason"
            ).items()
        ],
        "appointments_booked": Appointment.objects.filter(
            booked_at__gte=since, status=AppointmentStatus.BOOKED
        ).count(),
        "appointments_cancelled": Appointment.objects.filter(
            booked_at__gte=since, status=AppointmentStatus.CANCELLED
        ).count(),
        "combinations": Appointment.objects.filter(booked_at__gte=since, arrangement__isnull=False)
        .values("arrangement")
        .distinct()
        .count(),
        "tasks_overdue": Task.objects.filter(done_at__isnull=True, due__lt=today).count(),
    }

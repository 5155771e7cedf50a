"""Mijn werkvoorraad: my open cases and tasks, overdue first."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from servicepunt.accounts.http import AuthenticatedRequest
from servicepunt.audit.services import access_record_many
from servicepunt.cases import selectors
from servicepunt.core.access import permission_required


@permission_required("cases.work_cases")
def worklist(request: AuthenticatedRequest) -> HttpResponse:
    today = timezone.localdate()
    work = selectors.worklist(user=request.user, today=today)
    shown = {case.resident.uuid for case in work["cases"]} | {task.case.resident.uuid for task in work["tasks"]}
    access_record_many(
        user=request.user,
        subject_type="resident",
        subject_ids=[str(resident) for resident in shown],
        screen="counter.worklist",
        purpose=selectors.ACCESS_PURPOSE,
    )
    return render(request, "counter/worklist.html", {**work, "today": today})

"""Mijn werkvoorraad: my open cases and tasks, overdue first."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from servicepunt.cases import selectors
from servicepunt.core.access import permission_required


@permission_required("cases.work_cases")
def worklist(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    return render(
        request, "workspace/worklist.html", {**selectors.worklist(user=request.user, today=today), "today": today}
    )

"""The team lead's figures page: totals over a period, no personal data (so no access log)."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from servicepunt.core.access import permission_required
from servicepunt.reporting.selectors import figures

PERIODS = (7, 30, 90, 365)
DEFAULT_PERIOD = 30


@permission_required("reporting.view_figures")
def overview(request: HttpRequest) -> HttpResponse:
    raw = request.GET.get("dagen", "")
    days = int(raw) if raw.isdigit() and int(raw) in PERIODS else DEFAULT_PERIOD
    since = timezone.now() - dt.timedelta(days=days)
    context = {"figures": figures(since=since, today=timezone.localdate()), "days": days, "periods": PERIODS}
    return render(request, "reporting/overview.html", context)

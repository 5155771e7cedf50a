"""Aggregated figures for team leads: counts only, never a resident. The city measures extra
products offered beyond the question asked; the rest shows where work gets stuck. Every count
comes from the selectors of the app that owns the rows; reporting reads no model itself."""

from __future__ import annotations

import datetime as dt
from typing import Any

from servicepunt.appointments.selectors import appointment_figures
from servicepunt.cases.selectors import case_figures
from servicepunt.handovers.selectors import handover_figures
from servicepunt.infoflits.selectors import infoflits_figures


def figures(*, since: dt.datetime, today: dt.date) -> dict[str, Any]:
    return {
        **case_figures(since=since, today=today),
        **infoflits_figures(since=since),
        **handover_figures(since=since),
        **appointment_figures(since=since),
    }

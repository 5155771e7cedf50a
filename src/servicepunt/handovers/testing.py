"""Test support of the handovers: their rows, for the tests of the apps above it (which may not
import `handovers.models`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from servicepunt.handovers.models import Handover

if TYPE_CHECKING:
    from django.db.models import Manager


def handover_rows() -> Manager[Handover]:
    return Handover.objects

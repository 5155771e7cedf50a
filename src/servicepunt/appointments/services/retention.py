"""Retention of appointments: when a resident is anonymised (see cases.services.retention), the
free text of their appointments goes too; dates, products and places stay for the figures."""

from __future__ import annotations

from collections.abc import Collection

from django.db import transaction
from django.db.models import Q

from servicepunt.appointments.models import Appointment


@transaction.atomic
def appointments_anonymise(*, resident_ids: Collection[int], apply: bool) -> int:
    """Wipe the counter note and the video link of these residents' appointments (or with
    apply=False only count them)."""
    due = Appointment.objects.filter(resident_id__in=list(resident_ids)).filter(~Q(note="") | ~Q(meeting_url=""))
    count = due.count()
    if apply and count:
        due.update(note="", meeting_url="")
    return count

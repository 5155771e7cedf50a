"""A new link for the resident: the old ones stop working and the confirmation of every coming
appointment is sent again (on the job queue, like every message), each with a fresh link."""

from __future__ import annotations

from typing import TYPE_CHECKING

import structlog
from django.db import transaction
from django.utils import timezone

from servicepunt.appointments.choices import AppointmentStatus
from servicepunt.appointments.models import Appointment, Notification
from servicepunt.appointments.notify.confirmation import confirmation_queue
from servicepunt.appointments.resident.links import resident_links_revoke

if TYPE_CHECKING:
    from servicepunt.accounts.models import User
    from servicepunt.cases.models import Resident

log = structlog.get_logger(__name__)


@transaction.atomic
def resident_link_renew(*, resident: Resident, by: User) -> list[Notification]:
    """Revoke every link of the resident and queue the confirmation of each coming appointment
    (a combination once) again: its message carries a new link. The queued notification rows."""
    revoked = resident_links_revoke(resident=resident, by=by)
    coming = Appointment.objects.filter(
        resident=resident, status=AppointmentStatus.BOOKED, end__gt=timezone.now()
    ).select_related("arrangement")
    queued: list[Notification] = []
    arrangements: set[int] = set()
    for appointment in coming.order_by("start", "id"):
        if appointment.arrangement_id is not None:
            if appointment.arrangement_id in arrangements:
                continue
            arrangements.add(appointment.arrangement_id)
            queued += confirmation_queue(arrangement=appointment.arrangement)
        else:
            queued += confirmation_queue(appointment=appointment)
    log.info("resident_link_renewed", resident=str(resident.uuid), revoked=revoked, messages=len(queued))
    return queued

"""What appointments hold open on a question of cases: a planned appointment. Registered with
cases (which may not import appointments) when the app is ready."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils import timezone

from servicepunt.appointments.choices import AppointmentStatus
from servicepunt.appointments.models import Appointment
from servicepunt.appointments.services.problems import question_already_booked

if TYPE_CHECKING:
    from servicepunt.cases.closing import Resolution
    from servicepunt.cases.models import Question


def question_without_planned_appointment(question: Question, resolution: Resolution) -> None:
    """A question with an appointment still to come is not marked answered or declined: the
    resident would be expected at a desk for a question that is closed. Cancel it first (the
    resident then hears why)."""
    planned = (
        Appointment.objects.filter(question=question, status=AppointmentStatus.BOOKED, start__gte=timezone.now())
        .select_related("agenda")
        .order_by("start")
        .first()
    )
    if planned is not None:
        raise question_already_booked(planned.start, planned.agenda.name, field="resolution")

"""Test support of the appointments: their rows and state values, for the tests of the apps
above it (which may not import `appointments.models`). Agendas for a test: see
`appointments.tests.conftest.make_agenda`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from servicepunt.appointments.choices import AppointmentStatus, NotificationKind, NotificationStatus
from servicepunt.appointments.models import Agenda, Appointment, Arrangement, Notification

if TYPE_CHECKING:
    from django.db.models import Manager

__all__ = [
    "AppointmentStatus",
    "NotificationKind",
    "NotificationStatus",
    "agenda_rows",
    "appointment_rows",
    "arrangement_rows",
    "notification_rows",
]


def appointment_rows() -> Manager[Appointment]:
    return Appointment.objects


def arrangement_rows() -> Manager[Arrangement]:
    return Arrangement.objects


def agenda_rows() -> Manager[Agenda]:
    return Agenda.objects


def notification_rows() -> Manager[Notification]:
    return Notification.objects

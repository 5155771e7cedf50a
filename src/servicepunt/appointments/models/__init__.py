from servicepunt.appointments.choices import (
    ActorKind,
    AppointmentStatus,
    ArrangementKind,
    EventKind,
    ExceptionKind,
    GoodFridayChoice,
    LiberationDayChoice,
    ModeChoice,
    NotificationChannel,
    NotificationKind,
    NotificationStatus,
)
from servicepunt.appointments.models.agenda import Agenda, AgendaException, AgendaHours, AgendaProduct
from servicepunt.appointments.models.appointment import Appointment, AppointmentEvent, Arrangement
from servicepunt.appointments.models.notification import Notification
from servicepunt.appointments.models.resident_link import ResidentLink
from servicepunt.core.errors import AppendOnlyError

__all__ = [
    "ActorKind",
    "Agenda",
    "AgendaException",
    "AgendaHours",
    "AgendaProduct",
    "AppendOnlyError",
    "Appointment",
    "AppointmentEvent",
    "AppointmentStatus",
    "Arrangement",
    "ArrangementKind",
    "EventKind",
    "ExceptionKind",
    "GoodFridayChoice",
    "LiberationDayChoice",
    "ModeChoice",
    "Notification",
    "NotificationChannel",
    "NotificationKind",
    "NotificationStatus",
    "ResidentLink",
]

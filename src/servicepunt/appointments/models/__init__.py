from servicepunt.appointments.models.agenda import (
    Agenda,
    AgendaException,
    AgendaHours,
    AgendaProduct,
    ExceptionKind,
    GoodFridayChoice,
    LiberationDayChoice,
    ModeChoice,
)
from servicepunt.appointments.models.appointment import (
    ActorKind,
    AppendOnlyError,
    Appointment,
    AppointmentEvent,
    AppointmentStatus,
    Arrangement,
    ArrangementKind,
    EventKind,
)
from servicepunt.appointments.models.notification import (
    Notification,
    NotificationChannel,
    NotificationKind,
    NotificationStatus,
)
from servicepunt.appointments.models.resident_link import ResidentLink

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

from servicepunt.cases.models.case import (
    RESOLUTION_EVENTS,
    Case,
    CaseEvent,
    CaseStatus,
    ClosingReason,
    EventKind,
    Question,
)
from servicepunt.cases.models.resident import ContactPreference, Representative, RepresentativeKind, Resident
from servicepunt.cases.models.work import ContactChannel, ContactMoment, Note, Task, TaskKind

__all__ = [
    "RESOLUTION_EVENTS",
    "Case",
    "CaseEvent",
    "CaseStatus",
    "ClosingReason",
    "ContactChannel",
    "ContactMoment",
    "ContactPreference",
    "EventKind",
    "Note",
    "Question",
    "Representative",
    "RepresentativeKind",
    "Resident",
    "Task",
    "TaskKind",
]

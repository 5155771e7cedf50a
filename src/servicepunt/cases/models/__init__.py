from servicepunt.cases.choices import (
    CaseStatus,
    ClosingReason,
    ContactChannel,
    ContactPreference,
    EventKind,
    RepresentativeKind,
    TaskKind,
)
from servicepunt.cases.models.case import RESOLUTION_EVENTS, Case, CaseEvent, Question
from servicepunt.cases.models.resident import Representative, Resident
from servicepunt.cases.models.work import ContactMoment, Note, Task

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

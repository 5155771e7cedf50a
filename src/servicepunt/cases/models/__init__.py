from servicepunt.cases.models.case import Case, CaseEvent, CaseStatus, ClosingReason, Question
from servicepunt.cases.models.resident import ContactPreference, Representative, RepresentativeKind, Resident
from servicepunt.cases.models.work import ContactChannel, ContactMoment, Note, Task, TaskKind

__all__ = [
    "Case",
    "CaseEvent",
    "CaseStatus",
    "ClosingReason",
    "ContactChannel",
    "ContactMoment",
    "ContactPreference",
    "Note",
    "Question",
    "Representative",
    "RepresentativeKind",
    "Resident",
    "Task",
    "TaskKind",
]

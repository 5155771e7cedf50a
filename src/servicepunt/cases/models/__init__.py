from servicepunt.cases.models.case import Case, CaseEvent, CaseStatus, ClosingReason, Question
from servicepunt.cases.models.resident import ContactPreference, Representative, RepresentativeKind, Resident

__all__ = [
    "Case",
    "CaseEvent",
    "CaseStatus",
    "ClosingReason",
    "ContactPreference",
    "Question",
    "Representative",
    "RepresentativeKind",
    "Resident",
]

"""State changes of the cases context: residents and cases (vraagstukken)."""

from servicepunt.cases.services.case import (
    CaseNotClosable,
    case_close,
    case_open,
    case_reopen,
    question_add,
    question_reopen,
    question_resolve,
)
from servicepunt.cases.services.resident import (
    Registration,
    ResidentInput,
    resident_bsn_reveal,
    resident_register,
)

__all__ = [
    "CaseNotClosable",
    "Registration",
    "ResidentInput",
    "case_close",
    "case_open",
    "case_reopen",
    "question_add",
    "question_reopen",
    "question_resolve",
    "resident_bsn_reveal",
    "resident_register",
]

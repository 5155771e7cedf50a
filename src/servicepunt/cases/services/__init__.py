"""State changes of the cases context: residents and cases (vraagstukken)."""

from servicepunt.cases.services.case import (
    CaseNotClosable,
    QuestionNotBookable,
    case_close,
    case_open,
    case_reopen,
    question_add,
    question_bookable_check,
    question_lock_for_booking,
    question_reopen,
    question_resolve,
)
from servicepunt.cases.services.resident import (
    Registration,
    ResidentInput,
    resident_bsn_reveal,
    resident_duplicates_check,
    resident_register,
)
from servicepunt.cases.services.work import (
    TASK_TEAMS,
    case_infoflits_start,
    contact_moment_record,
    note_add,
    question_from_suggestion,
    question_link,
    representative_add,
    task_create,
    task_done,
)

__all__ = [
    "TASK_TEAMS",
    "CaseNotClosable",
    "QuestionNotBookable",
    "Registration",
    "ResidentInput",
    "case_close",
    "case_infoflits_start",
    "case_open",
    "case_reopen",
    "contact_moment_record",
    "note_add",
    "question_add",
    "question_bookable_check",
    "question_from_suggestion",
    "question_link",
    "question_lock_for_booking",
    "question_reopen",
    "question_resolve",
    "representative_add",
    "resident_bsn_reveal",
    "resident_duplicates_check",
    "resident_register",
    "task_create",
    "task_done",
]

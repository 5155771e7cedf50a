"""Test factories of the cases context: a resident with an open case, made through the real
services (so a test never builds a state the product could not reach); and the rows of the
context for the tests of the apps above it, which may not import `cases.models`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from servicepunt.cases.models import Case, CaseEvent, CaseStatus, EventKind, Note, Question, Resident, Task
from servicepunt.cases.services import ResidentInput, case_open, question_link, resident_register

if TYPE_CHECKING:
    from django.db.models import Manager

    from servicepunt.accounts.models import User
    from servicepunt.catalogue.models import Product

__all__ = [
    "CaseStatus",
    "EventKind",
    "case_event_rows",
    "case_for_resident",
    "case_rows",
    "note_rows",
    "question_rows",
    "resident_rows",
    "task_rows",
]


def case_for_resident(
    by: User,
    *,
    question: str = "Ik heb geen inkomen meer",
    product: Product | None = None,
    given_name: str = "Amir",
    surname: str = "Haddad",
    phone: str = "0612345678",
    email: str = "",
) -> Case:
    """A registered resident with one open case and one question, linked to ``product`` when
    one is given."""
    data = ResidentInput(given_name=given_name, surname=surname, phone=phone, email=email)
    resident = resident_register(registered_by=by, data=data).resident
    case = case_open(resident=resident, opened_by=by, questions=[question])
    if product is not None:
        question_link(question=case.questions.get(), product=product, by=by)
    return case


def case_rows() -> Manager[Case]:
    return Case.objects


def question_rows() -> Manager[Question]:
    return Question.objects


def resident_rows() -> Manager[Resident]:
    return Resident.objects


def case_event_rows() -> Manager[CaseEvent]:
    return CaseEvent.objects


def task_rows() -> Manager[Task]:
    return Task.objects


def note_rows() -> Manager[Note]:
    return Note.objects

"""Test factories of the cases context: a resident with an open case, made through the real
services (so a test never builds a state the product could not reach); and the rows of the
context for the tests of the apps above it, which may not import `cases.models`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from servicepunt.cases.choices import CaseStatus, EventKind
from servicepunt.cases.models import Case, CaseEvent, ContactMoment, Note, Question, Resident, Task
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
    "contact_moment_rows",
    "note_rows",
    "question_rows",
    "resident_rows",
    "task_rows",
]


def case_for_resident(
    by: User,
    *questions: str,
    product: Product | None = None,
    products: Sequence[Product | None] = (),
    **resident: Any,
) -> Case:
    """A registered resident with one open case holding ``questions`` (one question about income
    when none is given), registered and opened by ``by``. ``resident`` overrides fields of the
    `ResidentInput` of a made-up resident (Amir Haddad, phone 0612345678). Question i is linked
    to ``products[i]`` (None: not linked); ``product`` links the first question."""
    fields: dict[str, Any] = {"given_name": "Amir", "surname": "Haddad", "phone": "0612345678", **resident}
    registered = resident_register(registered_by=by, data=ResidentInput(**fields)).resident
    case = case_open(resident=registered, opened_by=by, questions=list(questions) or ["Ik heb geen inkomen meer"])
    links = list(products) or [product]
    for question, linked in zip(case.questions.order_by("created_at", "id"), links, strict=False):
        if linked is not None:
            question_link(question=question, product=linked, by=by)
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


def contact_moment_rows() -> Manager[ContactMoment]:
    return ContactMoment.objects

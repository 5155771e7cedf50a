"""Test factories of the cases context: a resident with an open case, made through the real
services (so a test never builds a state the product could not reach)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from servicepunt.cases.services import ResidentInput, case_open, question_link, resident_register

if TYPE_CHECKING:
    from servicepunt.accounts.models import User
    from servicepunt.cases.models import Case
    from servicepunt.catalogue.models import Product


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

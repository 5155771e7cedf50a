"""What the case page shows, composed from the contexts in a fixed number of queries."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from servicepunt.accounts.roles import Role
from servicepunt.appointments.selectors import appointments_for_case, messages_for_case
from servicepunt.cases.choices import ClosingReason, ContactChannel, RepresentativeKind, TaskKind
from servicepunt.cases.closing import Resolution
from servicepunt.cases.selectors import bsn_masked, case_page
from servicepunt.cases.services import TASK_TEAMS
from servicepunt.catalogue.selectors import entry_points_active, entry_points_offering, products_active
from servicepunt.handovers.categories import ALWAYS, DEFAULT, default_valid_until
from servicepunt.handovers.selectors import (
    consent_category_choices,
    consent_method_choices,
    consents_for_resident,
    handovers_for_case,
)
from servicepunt.infoflits.selectors import infoflits_access, products_accepted

if TYPE_CHECKING:
    from servicepunt.accounts.models import User
    from servicepunt.cases.models import Case
    from servicepunt.catalogue.models import Product


def _accepted_not_yet_questions(case: Case, questions: list[Any]) -> list[Product]:
    """Extra products the resident accepted in the infoflits that are not yet a question."""
    if case.infoflits is None:
        return []
    return products_accepted(case.infoflits, except_ids={q.product_id for q in questions if q.product_id})


def case_context(case: Case, *, today: dt.date, viewer: User) -> dict[str, Any]:
    context = case_page(case)
    # The infoflits stays with the employee who took it (and the Servicepunt): no link for others.
    context["infoflits_openable"] = case.infoflits is not None and infoflits_access(viewer, case.infoflits)
    questions = context["questions"]
    handovers = handovers_for_case(case=case)
    appointments = list(appointments_for_case(case=case, include_cancelled=True).order_by("start"))
    for question in questions:
        question.handover_list = [h for h in handovers if h.question_id == question.pk]
        question.appointment_list = [a for a in appointments if a.question_id == question.pk]
        question.is_open = question.resolution == Resolution.OPEN
    products = products_active()
    entry_points = entry_points_active()
    offering = entry_points_offering(q.product_id for q in questions if q.product_id)
    for question in questions:
        offered = offering.get(question.product_id, set())
        # Entry points that offer the question's product come first.
        question.entry_points = [ep for ep in entry_points if ep.pk in offered] + [
            ep for ep in entry_points if ep.pk not in offered
        ]
        question.offered_entry_points = offered
    open_texts = [q.text for q in questions if q.is_open]
    consents = consents_for_resident(resident=case.resident, today=today)
    context.update(
        {
            "bookable_count": sum(1 for q in questions if q.is_open and q.product_id),
            "handovers": handovers,
            "resident_messages": messages_for_case(case=case),
            "consents": consents,
            "bsn_masked": bsn_masked(case.resident),
            "products": products,
            "accepted_extra": _accepted_not_yet_questions(case, questions),
            "open_questions": open_texts,
            "consent_methods": consent_method_choices(),
            "consent_categories": consent_category_choices(),
            "consent_default": DEFAULT,
            "consent_always": ALWAYS,
            "consent_valid_until": default_valid_until(today),
            "closing_reasons": ClosingReason.choices,
            "channels": ContactChannel.choices,
            "task_kinds": TaskKind.choices,
            "teams": [(role.value, role.label) for role in Role if role.value in TASK_TEAMS],
            "representative_kinds": RepresentativeKind.choices,
            "today": today,
        }
    )
    return context

"""The bulk path for synthetic data (`handovers.seeding`) applies the handovers' own rules: the
history walks the state machine and leaves the question as it stands, a rejection reopens it on
the timeline, the consent is for the question's resident and the entry point's organisation with
the name always shared, and the contact details are kept only when the consent shares them."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest
from django.utils import timezone

from servicepunt.cases.choices import EventKind
from servicepunt.cases.closing import Resolution
from servicepunt.cases.seeding import CasesBatch, CaseSeed, QuestionSeed, ResidentSeed, SeededCases, cases_seed
from servicepunt.cases.testing import case_event_rows
from servicepunt.catalogue.testing import entry_point_rows
from servicepunt.core.errors import InvalidInput
from servicepunt.handovers.categories import Category
from servicepunt.handovers.choices import ConsentMethod, RejectionReason
from servicepunt.handovers.seeding import ConsentSeed, HandoverSeed, MoveSeed, handovers_seed
from servicepunt.handovers.services import HandoverError
from servicepunt.handovers.states import HandoverState
from servicepunt.handovers.testing import handover_rows

if TYPE_CHECKING:
    from servicepunt.accounts.models import User
    from servicepunt.catalogue.models import EntryPoint

pytestmark = pytest.mark.django_db
START = timezone.now() - dt.timedelta(days=10)


def _question(employee: User, resolution: Resolution) -> tuple[SeededCases, EntryPoint]:
    entry_point = entry_point_rows().filter(active=True, products__isnull=False).first()
    assert entry_point is not None
    product = entry_point.products.first()
    assert product is not None
    resident = ResidentSeed(
        given_name="Anna",
        surname="Jansen",
        registered_by_id=employee.pk,
        registered_at=START,
        preferred_language="pl",
        needs_interpreter=True,
    )
    question = QuestionSeed(
        text="Mijn huisbaas wil me uit huis zetten",
        created_at=START,
        product_id=product.pk,
        resolution=resolution,
        resolved_at=None if resolution == Resolution.OPEN else START + dt.timedelta(hours=2),
    )
    case = CaseSeed(resident=resident, opened_by_id=employee.pk, opened_at=START, questions=(question,))
    return cases_seed(CasesBatch(residents=(resident,), cases=(case,))), entry_point


def _seed(
    employee: User, seeded: SeededCases, entry_point: EntryPoint, states: list[HandoverState], **extra: str
) -> HandoverSeed:
    return HandoverSeed(
        question_id=seeded.questions[0][0],
        entry_point_id=entry_point.pk,
        consent=ConsentSeed(
            categories=(Category.QUESTION.value, Category.COMMUNICATION.value),
            method=ConsentMethod.values[0],
            recorded_by_id=employee.pk,
            given_at=START + dt.timedelta(minutes=5),
        ),
        summary="Huisbaas wil haar uit huis zetten.",
        created_by_id=employee.pk,
        created_at=START + dt.timedelta(minutes=6),
        moves=tuple(
            MoveSeed(state=state.value, at=START + dt.timedelta(hours=1 + n), by_id=employee.pk)
            for n, state in enumerate(states)
        ),
        **extra,
    )


def test_a_history_the_state_machine_forbids_is_refused(employee: User) -> None:
    seeded, entry_point = _question(employee, Resolution.BOOKED)
    with pytest.raises(HandoverError):  # verstuurd → afspraak gepland skips the acceptance
        handovers_seed([_seed(employee, seeded, entry_point, [HandoverState.SENT, HandoverState.PLANNED])])
    assert not handover_rows().exists()


def test_a_history_that_would_leave_the_question_otherwise_is_refused(employee: User) -> None:
    seeded, entry_point = _question(employee, Resolution.OPEN)
    with pytest.raises(HandoverError):  # an accepted handover resolves its question
        handovers_seed([_seed(employee, seeded, entry_point, [HandoverState.SENT, HandoverState.ACCEPTED])])
    assert not handover_rows().exists()


def test_an_accepted_handover_has_its_consent_history_and_shared_contact(employee: User) -> None:
    seeded, entry_point = _question(employee, Resolution.PARTNER_ACCEPTED)
    states = [HandoverState.SENT, HandoverState.RECEIVED, HandoverState.ACCEPTED]
    (pk,) = handovers_seed([_seed(employee, seeded, entry_point, states)])
    handover = handover_rows().select_related("consent", "question__case").get(pk=pk)
    assert handover.state == HandoverState.ACCEPTED
    assert [(t.from_state, t.to_state) for t in handover.transitions.all()] == [
        (HandoverState.CONCEPT, HandoverState.SENT),
        (HandoverState.SENT, HandoverState.RECEIVED),
        (HandoverState.RECEIVED, HandoverState.ACCEPTED),
    ]
    consent = handover.consent
    assert consent.resident_id == handover.question.case.resident_id == seeded.residents[0]
    assert handover.organisation_id == consent.organisation_id == entry_point.organisation_id
    assert consent.categories[0] == Category.NAME.value  # always shared
    assert handover.contact["language"] == "pl" and handover.contact["interpreter"] is True


def test_a_rejection_needs_a_reason_and_reopens_the_question_on_the_timeline(employee: User) -> None:
    seeded, entry_point = _question(employee, Resolution.OPEN)
    states = [HandoverState.SENT, HandoverState.REJECTED]
    with pytest.raises(InvalidInput):
        handovers_seed([_seed(employee, seeded, entry_point, states)])
    reason = RejectionReason.values[0]
    handovers_seed([_seed(employee, seeded, entry_point, states, rejection_reason=reason)])
    reopened = case_event_rows().get(case_id=seeded.cases[0], kind=EventKind.QUESTION_REOPENED)
    assert reopened.detail == f"overdracht afgewezen: {reason}"

"""The warm handover: consent first, the closed loop with history, the question resolved or
reopened, and the partner sees only its own handovers while consent holds."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest
from django.http import Http404
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from servicepunt.accounts.roles import Role
from servicepunt.accounts.testing import user_rows
from servicepunt.cases.closing import Resolution
from servicepunt.cases.services import ResidentInput, case_open, resident_register
from servicepunt.cases.testing import question_rows
from servicepunt.catalogue.testing import entry_point_rows, organisation_rows
from servicepunt.core.errors import InvalidInput, ServicepuntError
from servicepunt.handovers.categories import default_valid_until
from servicepunt.handovers.models import Handover
from servicepunt.handovers.selectors import partner_handover, partner_inbox, partner_new_count
from servicepunt.handovers.services import (
    HandoverError,
    consent_record,
    consent_withdraw,
    handover_accept,
    handover_complete,
    handover_create,
    handover_plan,
    handover_receive,
    handover_reject,
    handover_send,
)
from servicepunt.handovers.states import TRANSITIONS, HandoverState

if TYPE_CHECKING:
    from servicepunt.accounts.models import User

# On the small test catalogue (see the root conftest): the state machine is not about which
# partners the real catalogue holds.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("small_catalogue")]
PARTNER_ORGANISATION = "test-partner"


def _handover(employee: User) -> Handover:
    resident = resident_register(
        registered_by=employee, data=ResidentInput(given_name="Anna", surname="Kowalska", phone="0612345678")
    ).resident
    case = case_open(resident=resident, opened_by=employee, questions=["Mijn huurbaas wil mij eruit zetten"])
    organisation = organisation_rows().get(code=PARTNER_ORGANISATION)
    question = case.questions.get()
    consent = consent_record(
        resident=resident,
        organisation=organisation,
        question=question,
        shared=["question", "phone"],
        method="verbal",
        valid_until=default_valid_until(timezone.localdate()),
        recorded_by=employee,
    )
    return handover_create(
        question=question,
        entry_point=entry_point_rows().filter(organisation=organisation).first(),
        consent=consent,
        summary="Huurbaas wil haar uit huis zetten.",
        created_by=employee,
    )


def test_no_handover_without_consent_for_that_organisation(make_user: Callable[..., User]) -> None:
    employee = make_user(Role.SERVICEPUNT)
    handover = _handover(employee)
    other = entry_point_rows().exclude(organisation__code=PARTNER_ORGANISATION).first()
    with pytest.raises(InvalidInput) as caught:
        handover_create(
            question=handover.question, entry_point=other, consent=handover.consent, summary="x", created_by=employee
        )
    assert caught.value.field == "consent"


def test_the_closed_loop_keeps_history_and_resolves_the_question(make_user: Callable[..., User]) -> None:
    employee = make_user(Role.SERVICEPUNT)
    partner = make_user(Role.PARTNER, organisation=PARTNER_ORGANISATION)
    handover = _handover(employee)
    handover_send(handover=handover, by=employee)
    assert partner_new_count(user=partner) == 1
    handover_receive(handover=handover, by=partner)
    handover_accept(handover=handover, by=partner)
    assert question_rows().get(pk=handover.question_id).resolution == Resolution.PARTNER_ACCEPTED
    handover_plan(handover=handover, by=partner, note="afspraak 2 december")
    handover_complete(handover=handover, by=partner, outcome="helped")
    path = list(handover.transitions.values_list("to_state", "by__username"))
    assert path == [
        ("verstuurd", "servicepunt-medewerker"),
        ("ontvangen", "partner-medewerker"),
        ("geaccepteerd", "partner-medewerker"),
        ("afspraak_gepland", "partner-medewerker"),
        ("afgerond", "partner-medewerker"),
    ]


def test_a_rejection_needs_a_reason_and_reopens_the_question(make_user: Callable[..., User]) -> None:
    employee = make_user(Role.SERVICEPUNT)
    partner = make_user(Role.PARTNER, organisation=PARTNER_ORGANISATION)
    handover = _handover(employee)
    handover_send(handover=handover, by=employee)
    handover_accept(handover=handover, by=partner)
    with pytest.raises(HandoverError):
        handover_reject(handover=handover, by=partner, reason="no_capacity")
    second = _handover(employee)
    handover_send(handover=second, by=employee)
    with pytest.raises(InvalidInput):
        handover_reject(handover=second, by=partner, reason="geen zin")
    handover_reject(handover=second, by=partner, reason="no_capacity")
    assert question_rows().get(pk=second.question_id).resolution == Resolution.OPEN


def test_a_partner_sees_only_its_own_handovers_and_nothing_after_consent_is_withdrawn(
    make_user: Callable[..., User],
) -> None:
    employee = make_user(Role.SERVICEPUNT)
    partner = make_user(Role.PARTNER, organisation=PARTNER_ORGANISATION)
    other_partner = make_user(Role.PARTNER, username="buurtteam-partner", organisation="test-buurtwerk")
    handover = _handover(employee)
    assert list(partner_inbox(user=partner)) == []  # a concept is not sent yet
    handover_send(handover=handover, by=employee)
    assert list(partner_inbox(user=partner)) == [handover]
    assert list(partner_inbox(user=other_partner)) == []
    with pytest.raises(HandoverError):
        handover_accept(handover=handover, by=other_partner)
    consent_withdraw(consent=handover.consent, withdrawn_by=employee)
    assert list(partner_inbox(user=partner)) == []
    with pytest.raises(Http404):
        partner_handover(user=partner, uuid=str(handover.uuid))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(list(HandoverState)), max_size=8))
def test_only_allowed_transitions_ever_happen(make_user: Callable[..., User], targets: list[HandoverState]) -> None:
    employee = user_rows().filter(username="servicepunt-medewerker").first() or make_user(Role.SERVICEPUNT)
    handover = _handover(employee)
    actions = {
        HandoverState.SENT: lambda: handover_send(handover=handover, by=employee),
        HandoverState.RECEIVED: lambda: handover_receive(handover=handover, by=employee),
        HandoverState.ACCEPTED: lambda: handover_accept(handover=handover, by=employee),
        HandoverState.REJECTED: lambda: handover_reject(handover=handover, by=employee, reason="other"),
        HandoverState.PLANNED: lambda: handover_plan(handover=handover, by=employee),
        HandoverState.COMPLETED: lambda: handover_complete(handover=handover, by=employee, outcome="helped"),
        HandoverState.CONCEPT: lambda: None,
    }
    for target in targets:
        with contextlib.suppress(ServicepuntError):
            actions[target]()
    steps = list(handover.transitions.values_list("from_state", "to_state"))
    assert all(HandoverState(to) in TRANSITIONS[HandoverState(frm)] for frm, to in steps)
    assert Handover.objects.get(pk=handover.pk).state == (steps[-1][1] if steps else "concept")

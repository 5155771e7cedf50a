"""The closing rule: refused while any question is open, naming it; no sequence of actions closes a
case with an open question; rejections and cancellations reopen."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from servicepunt.accounts.roles import Role
from servicepunt.accounts.testing import user_rows
from servicepunt.cases.choices import CaseStatus, ClosingReason
from servicepunt.cases.closing import RESOLVED, Resolution
from servicepunt.cases.models import Case
from servicepunt.cases.services import (
    CaseNotClosable,
    ResidentInput,
    case_close,
    case_open,
    question_add,
    question_reopen,
    question_resolve,
    resident_register,
)
from servicepunt.cases.testing import case_for_resident
from servicepunt.core.errors import InvalidInput, ServicepuntError

if TYPE_CHECKING:
    from servicepunt.accounts.models import User

pytestmark = pytest.mark.django_db


def _case(user: User, questions: list[str]) -> Case:
    return case_for_resident(user, *questions, given_name="Piet", surname="Jansen")


def test_closing_is_refused_naming_the_open_questions(make_user: Callable[..., User]) -> None:
    user = make_user(Role.SERVICEPUNT)
    case = _case(user, ["Ik heb schulden", "Mijn huur is te hoog"])
    first, second = case.questions.all()
    question_resolve(question=first, resolution=Resolution.ANSWERED, by=user)
    with pytest.raises(CaseNotClosable) as caught:
        case_close(case=case, closed_by=user, reason=ClosingReason.ALL_ARRANGED)
    assert caught.value.open_texts == ["Mijn huur is te hoog"]
    assert "Mijn huur is te hoog" in str(caught.value) and "schulden" not in str(caught.value)
    question_resolve(question=second, resolution=Resolution.PARTNER_ACCEPTED, by=user)
    case.refresh_from_db()
    assert case.status == CaseStatus.AWAITING_APPOINTMENT
    closed = case_close(case=case, closed_by=user, reason=ClosingReason.ALL_ARRANGED)
    assert closed.status == CaseStatus.CLOSED
    assert list(closed.events.values_list("kind", flat=True))[-1] == "case_closed"


def test_a_cancelled_appointment_reopens_the_question_and_the_case(make_user: Callable[..., User]) -> None:
    user = make_user(Role.SERVICEPUNT)
    case = _case(user, ["DigiD aanvragen"])
    question = case.questions.get()
    question_resolve(question=question, resolution=Resolution.BOOKED, by=user)
    case_close(case=case, closed_by=user, reason=ClosingReason.ALL_ARRANGED)
    question_reopen(question=question, by=user, reason="afspraak geannuleerd")
    case.refresh_from_db()
    assert case.status == CaseStatus.IN_PROGRESS
    with pytest.raises(CaseNotClosable):
        case_close(case=case, closed_by=user, reason=ClosingReason.ALL_ARRANGED)


def test_a_case_needs_a_question_and_a_reason(make_user: Callable[..., User]) -> None:
    user = make_user(Role.SERVICEPUNT)
    with pytest.raises(InvalidInput) as caught:
        _case(user, ["  "])
    assert caught.value.field == "questions"
    case = _case(user, ["Ik heb schulden"])
    question_resolve(question=case.questions.get(), resolution=Resolution.DECLINED, by=user)
    with pytest.raises(InvalidInput) as caught:
        case_close(case=case, closed_by=user, reason="because")
    assert caught.value.field == "reason"


ACTIONS = st.lists(
    st.tuples(
        st.sampled_from(["add", "resolve", "reopen", "close"]),
        st.integers(min_value=0, max_value=5),
        st.sampled_from(sorted(RESOLVED)),
    ),
    min_size=1,
    max_size=15,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(actions=ACTIONS)
def test_no_sequence_of_actions_closes_a_case_with_an_open_question(
    make_user: Callable[..., User], actions: list[tuple[str, int, str]]
) -> None:
    user = user_rows().filter(username="servicepunt-medewerker").first() or make_user(Role.SERVICEPUNT)
    case = _case(user, ["eerste vraag"])
    for action, index, resolution in actions:
        questions = list(case.questions.all())
        question = questions[index % len(questions)]
        try:
            if action == "add":
                question_add(case=case, text=f"vraag {len(questions) + 1}", by=user)
            elif action == "resolve":
                question_resolve(question=question, resolution=Resolution(resolution), by=user)
            elif action == "reopen":
                question_reopen(question=question, by=user, reason="test")
            else:
                case_close(case=case, closed_by=user, reason=ClosingReason.ALL_ARRANGED)
        except ServicepuntError:  # refusals are allowed; what matters is the state afterwards
            pass
        case.refresh_from_db()
        if case.status == CaseStatus.CLOSED:
            assert set(case.questions.values_list("resolution", flat=True)) <= RESOLVED


def test_the_admin_close_action_goes_through_the_closing_rule(admin_client: Any) -> None:
    from django.contrib.auth import get_user_model

    admin_user = get_user_model().objects.get(username="admin")
    resident = resident_register(
        registered_by=admin_user, data=ResidentInput(given_name="A", surname="B", contact_preference="letter")
    ).resident
    case = case_open(resident=resident, opened_by=admin_user, questions=["Nog open vraag"])
    response = admin_client.post(
        "/beheer/cases/case/", {"action": "close_cases", "_selected_action": [case.pk]}, follow=True
    )
    assert "Nog open vraag" in response.content.decode()
    assert Case.objects.get(pk=case.pk).status != "afgesloten"

"""A task must land in a worklist that someone reads: assigned to active staff who may see the
case, or to a team with a task list, due on a plausible date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest
from django.utils import timezone

from servicepunt.accounts.roles import Role
from servicepunt.cases.models import Case, Task
from servicepunt.cases.services import task_create
from servicepunt.cases.testing import case_for_resident
from servicepunt.core.errors import InvalidInput

if TYPE_CHECKING:
    from servicepunt.accounts.models import User

pytestmark = pytest.mark.django_db


def _case_of(user: User) -> Case:
    return case_for_resident(
        user, "Ik heb schulden", given_name="Anna", surname="Test", phone="", contact_preference="letter"
    )


def _task(case: Case, by: User, **changes: object) -> Task:
    values: dict[str, object] = {
        "kind": "follow_up",
        "description": "Terugbellen over de brief",
        "due": timezone.localdate() + dt.timedelta(days=3),
        "assigned_to": by,
    } | changes
    return task_create(case=case, created_by=by, **values)  # type: ignore[arg-type]


@pytest.fixture
def servicepunt(make_user: Callable[..., User]) -> User:
    return make_user(Role.SERVICEPUNT)


@pytest.fixture
def wijkbureau(make_user: Callable[..., User]) -> User:
    return make_user(Role.WIJKBUREAU)


def test_a_task_for_someone_who_cannot_see_the_case_is_refused(servicepunt: User, wijkbureau: User) -> None:
    case = _case_of(servicepunt)
    with pytest.raises(InvalidInput) as refused:
        _task(case, servicepunt, assigned_to=wijkbureau)
    assert refused.value.field == "assignee"
    assert not Task.objects.filter(case=case).exists()
    assert _task(_case_of(wijkbureau), servicepunt, assigned_to=wijkbureau).assigned_to == wijkbureau


def test_a_task_for_staff_without_a_worklist_or_an_unknown_team_is_refused(
    servicepunt: User, make_user: Callable[..., User]
) -> None:
    case = _case_of(servicepunt)
    for changes in ({"assigned_to": make_user(Role.TEAMLEIDER)}, {"assigned_to": None, "team": "onbekend"}):
        with pytest.raises(InvalidInput) as refused:
            _task(case, servicepunt, **changes)
        assert refused.value.field == "assignee"
    team = Role.SERVICEPUNT.value
    assert _task(case, servicepunt, assigned_to=None, team=team).team == team


def test_a_task_for_the_wijkbureau_team_only_on_a_case_the_wijkbureau_opened(
    servicepunt: User, wijkbureau: User
) -> None:
    team = Role.WIJKBUREAU.value
    with pytest.raises(InvalidInput) as refused:
        _task(_case_of(servicepunt), servicepunt, assigned_to=None, team=team)
    assert refused.value.field == "assignee"
    assert _task(_case_of(wijkbureau), servicepunt, assigned_to=None, team=team).team == team


@pytest.mark.parametrize("due", [dt.date(9999, 12, 31), dt.date(1, 1, 1)])
def test_an_implausible_due_date_is_refused(servicepunt: User, due: dt.date) -> None:
    with pytest.raises(InvalidInput) as refused:
        _task(_case_of(servicepunt), servicepunt, due=due)
    assert refused.value.field == "due"
